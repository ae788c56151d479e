import { InferenceFailedError, type InferenceSessionV1, type TensorV1 } from '@llm-shield/core';
import * as ort from 'onnxruntime-node';
import { runOrtSession, type OrtRunTarget } from '@llm-shield/runtime-ort';

/**
 * An {@link InferenceSessionV1} over one onnxruntime-node session. Safe to share: concurrent `run` calls are
 * allowed (onnxruntime's `Run` is thread-safe; onnxruntime-node runs them one after another on the main thread).
 * `dispose` waits for runs in flight, then frees the native session; later `run` calls reject.
 */
export class NodeInferenceSession implements InferenceSessionV1 {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly #session: ort.InferenceSession;
  readonly #inFlight = new Set<Promise<unknown>>();
  /** What `runOrtSession` needs, built once: the names, `ort.Tensor` and how a run starts (tracked until it settles). */
  readonly #target: OrtRunTarget;
  #disposed: Promise<void> | undefined;

  constructor(session: ort.InferenceSession) {
    this.#session = session;
    this.inputNames = Object.freeze([...session.inputNames]);
    this.outputNames = Object.freeze([...session.outputNames]);
    this.#target = {
      inputNames: this.inputNames,
      outputNames: this.outputNames,
      Tensor: ort.Tensor,
      start: (ortFeeds) => {
        const work = this.#session.run(ortFeeds);
        this.#inFlight.add(work);
        const forget = (): void => void this.#inFlight.delete(work);
        work.then(forget, forget);
        return work;
      },
    };
  }

  /**
   * Runs the model on exactly the declared inputs. Inputs are passed to onnxruntime without copying, outputs come
   * back over onnxruntime's buffers. Rejects with `InferenceFailedError` (`details.reason`: `missing-input`,
   * `unexpected-input`, `invalid-tensor`, `disposed`, `run-failed`) or `AbortedError`.
   */
  run(feeds: Record<string, TensorV1>, options: { signal?: AbortSignal } = {}): Promise<Record<string, TensorV1>> {
    if (this.#disposed !== undefined) {
      return Promise.reject(new InferenceFailedError('The session was disposed.', { details: { reason: 'disposed' } }));
    }
    // runOrtSession is async: it rejects rather than throws, so this stays a promise-returning call without a
    // further async layer.
    return runOrtSession(this.#target, feeds, options?.signal);
  }

  /** Frees the session once runs in flight have settled. Idempotent. */
  dispose(): Promise<void> {
    this.#disposed ??= (async () => {
      await Promise.allSettled([...this.#inFlight]);
      await this.#session.release();
    })();
    return this.#disposed;
  }
}
