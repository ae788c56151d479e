import { AbortedError } from '@llm-shield/core';

/**
 * What a model's work checks between its steps (between tokenizer segments, before and after each `session.run`):
 * an `AbortSignal`, or a {@link ModelWorkStop}. Only `aborted` and `reason` are read.
 */
export interface StopCheck {
  /** True once the work should stop. */
  readonly aborted: boolean;
  /** Why it should stop (becomes the `AbortedError`'s `cause`). */
  readonly reason: unknown;
}

/**
 * The stop condition of one scan's model work under `timeoutMs`: stopped once the caller's signal aborts or the time
 * limit expires ({@link ModelWorkStop.expire}). A plain object with a flag, not an `AbortController`: creating an
 * `AbortSignal` and adding and removing its listeners cost about a tenth of a short scan, and nothing below the
 * scanner needs to be woken (the scanner already stops waiting for the work when the limit expires; the work only
 * has to notice at its next checkpoint, so that it runs no further batch and no further tokenizer segment).
 */
export class ModelWorkStop implements StopCheck {
  #expired = false;
  #reason: unknown;

  /** @param signal - the caller's signal, if any (its abort stops the work too) */
  constructor(readonly signal: AbortSignal | undefined) {}

  get aborted(): boolean {
    return this.#expired || this.signal?.aborted === true;
  }

  get reason(): unknown {
    return this.#expired ? this.#reason : this.signal?.reason;
  }

  /** Stops the work (the time limit expired); `reason` becomes the cause of the work's `AbortedError`. */
  expire(reason: unknown): void {
    if (this.#expired) return;
    this.#expired = true;
    this.#reason = reason;
  }
}

/**
 * Raises {@link AbortedError} when `stop` says the work should stop; its reason becomes the error's `cause`
 * (as core's `throwIfAborted` does for a signal).
 *
 * @param stop - the stop condition (`undefined`: never stops)
 * @param what - what was aborted, for the message (default `scan`)
 */
export function throwIfStopped(stop: StopCheck | undefined, what = 'scan'): void {
  if (stop?.aborted) throw new AbortedError(`The ${what} was aborted.`, { cause: stop.reason });
}
