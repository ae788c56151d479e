import { InferenceFailedError, throwIfAborted, type InferenceSessionV1, type TensorV1 } from '@llm-shield/core';
import type * as ort from 'onnxruntime-web';
import { runOrtSession } from '@llm-shield/runtime-ort';

/**
 * An {@link InferenceSessionV1} over one onnxruntime-web session. onnxruntime-web does not allow two runs of one
 * session at the same time, so runs (and the final release) go through a per-session promise queue: sharing the
 * session between callers is safe, and concurrent `run` calls simply wait their turn.
 */
export class WebInferenceSession implements InferenceSessionV1 {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  readonly #session: ort.InferenceSession;
  readonly #Tensor: typeof ort.Tensor;
  #tail: Promise<unknown> = Promise.resolve();
  #disposed: Promise<void> | undefined;

  /**
   * @param session - the onnxruntime-web session
   * @param Tensor - the `Tensor` class of the onnxruntime-web module that created it (`onnxruntime-web`,
   *   `onnxruntime-web/wasm`, `onnxruntime-web/webgpu`…)
   */
  constructor(session: ort.InferenceSession, Tensor: typeof ort.Tensor) {
    this.#session = session;
    this.#Tensor = Tensor;
    this.inputNames = Object.freeze([...session.inputNames]);
    this.outputNames = Object.freeze([...session.outputNames]);
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs the model on exactly the declared inputs, after the session's earlier runs. Rejects with
   * `InferenceFailedError` (`details.reason`: `missing-input`, `unexpected-input`, `invalid-tensor`, `disposed`,
   * `run-failed`) or `AbortedError`; a run aborted while waiting in the queue never starts.
   */
  async run(feeds: Record<string, TensorV1>, options: { signal?: AbortSignal } = {}): Promise<Record<string, TensorV1>> {
    if (this.#disposed !== undefined) {
      throw new InferenceFailedError('The session was disposed.', { details: { reason: 'disposed' } });
    }
    const { signal } = options;
    return runOrtSession(
      {
        inputNames: this.inputNames,
        outputNames: this.outputNames,
        Tensor: this.#Tensor,
        start: (ortFeeds) =>
          this.#enqueue(async () => {
            throwIfAborted(signal, 'inference run');
            return this.#session.run(ortFeeds);
          }),
      },
      feeds,
      signal,
    );
  }

  /** Frees the session after the runs already queued. Idempotent. */
  dispose(): Promise<void> {
    this.#disposed ??= this.#enqueue(() => this.#session.release());
    return this.#disposed;
  }
}
