import { AbortedError, throwIfAborted as throwIfAbortedAs } from '@llm-shield/core';

/** What an aborted model download is called in {@link AbortedError} messages: `The model download was aborted.` */
export const DOWNLOAD_WHAT = 'model download';

/**
 * The {@link AbortedError} of an aborted model download; the signal's reason, else `cause`, becomes its `cause`.
 *
 * @param signal - the signal that aborted (its reason is preferred as the cause)
 * @param cause - the failure seen, used when the signal has no reason
 */
export function abortedError(signal: AbortSignal | undefined, cause: unknown): AbortedError {
  return new AbortedError(`The ${DOWNLOAD_WHAT} was aborted.`, { cause: signal?.reason ?? cause });
}

/**
 * Raises {@link AbortedError} (`The model download was aborted.`) when `signal` is aborted.
 *
 * @param signal - the signal to check (`undefined`: never aborted)
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  throwIfAbortedAs(signal, DOWNLOAD_WHAT);
}

/**
 * Waits `ms`, or raises {@link AbortedError} when `signal` aborts first.
 *
 * @param ms - how long to wait
 * @param signal - the signal that stops the wait
 */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal, undefined));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal, undefined));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
