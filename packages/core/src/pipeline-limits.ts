import { AbortedError, InvalidConfigError, TimeoutError } from './errors.js';

/**
 * The two ways a pipeline run stops before its scanners finish: the caller's `signal` aborts, or `timeoutMs`
 * expires. {@link RunLimits.wait} settles as soon as either happens, whatever the scanners do, so that a scanner
 * that never settles cannot hold the run; `signal` (aborted on either) tells the scanners to stop their work.
 */
export class RunLimits {
  /** Created when the scanners' signal is first asked for (a run without signal and time limit never needs one). */
  private controller: AbortController | undefined;
  /** Why the scanners were told to stop, when that happened before anyone asked for their signal. */
  private stopped: { reason: unknown } | undefined;
  /** The reason {@link RunLimits.finish} gives a signal first asked for after the run is over. */
  private finished: (() => unknown) | undefined;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly onAbort = (): void => this.stop(this.outer?.reason);
  /** True once `timeoutMs` has expired. */
  timedOut = false;

  /**
   * @param outer - the caller's signal (`undefined`: never aborted)
   * @param timeoutMs - time limit in milliseconds; `undefined` or `0`: none. Raises `InvalidConfigError` unless a
   *   finite number ≥ 0.
   */
  constructor(
    private readonly outer: AbortSignal | undefined,
    readonly timeoutMs: number | undefined,
  ) {
    if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs < 0)) {
      throw new InvalidConfigError(`Pipeline timeoutMs must be a finite number ≥ 0, got ${JSON.stringify(timeoutMs)}.`, {
        details: { field: 'timeoutMs', value: timeoutMs },
      });
    }
    outer?.addEventListener('abort', this.onAbort, { once: true });
    if (outer?.aborted) this.stop(outer.reason);
    if (timeoutMs !== undefined && timeoutMs > 0) {
      this.timer = setTimeout(() => {
        this.timedOut = true;
        this.stop(new TimeoutError(`The scan ran past its time limit of ${timeoutMs} ms.`, { details: { timeoutMs } }));
      }, timeoutMs);
    }
  }

  /** The signal handed to scanners: aborted on the caller's abort, on timeout, or by {@link RunLimits.abortScanners}. */
  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.stopped) this.controller.abort(this.stopped.reason);
      else if (this.finished) this.controller.abort(this.finished());
    }
    return this.controller.signal;
  }

  /** True when the caller aborted. */
  get aborted(): boolean {
    return this.outer?.aborted === true;
  }

  /** Tells the scanners still running to stop (fail-fast, or another scanner threw). */
  abortScanners(reason: unknown): void {
    this.stopped ??= { reason };
    this.controller?.abort(reason);
  }

  /**
   * The run is over: scanners still running are told to stop (their `signal` aborts with `reason()`, built only when
   * a scanner holds a signal that has not aborted yet).
   */
  finish(reason: () => unknown): void {
    this.finished = reason;
    if (this.controller !== undefined && !this.controller.signal.aborted) this.controller.abort(reason());
  }

  /**
   * Waits for `work`. Resolves `{ value }` when it settles first, `undefined` when the time limit expires first, and
   * rejects with `AbortedError` when the caller aborts first (or had aborted). A rejection of `work` passes through.
   */
  wait<T>(work: Promise<T>): Promise<{ value: T } | undefined> {
    return new Promise((resolve, reject) => {
      const onStop = (): void => {
        if (this.aborted) reject(new AbortedError('The scan was aborted.', { cause: this.outer?.reason }));
        else resolve(undefined);
      };
      if (this.aborted || this.timedOut) {
        onStop();
        return;
      }
      this.listeners.add(onStop);
      work.then(
        (value) => {
          this.listeners.delete(onStop);
          resolve({ value });
        },
        (error: unknown) => {
          this.listeners.delete(onStop);
          reject(error);
        },
      );
    });
  }

  /** Clears the timer and the listener on the caller's signal, and aborts the scanners' signal if still running. */
  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.outer?.removeEventListener('abort', this.onAbort);
    this.listeners.clear();
  }

  private stop(reason: unknown): void {
    // Settle the waits first, then tell the scanners: a scanner rejecting on abort must not win the race.
    for (const listener of [...this.listeners]) listener();
    this.listeners.clear();
    this.abortScanners(reason);
  }
}
