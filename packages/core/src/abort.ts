import { AbortedError } from './errors.js';

/**
 * Raises {@link AbortedError} when `signal` is already aborted; its reason becomes the error's `cause`.
 *
 * @param signal - the signal to check (`undefined`: never aborted)
 * @param what - what was aborted, for the message (default `operation`)
 */
export function throwIfAborted(signal: AbortSignal | undefined, what = 'operation'): void {
  if (signal?.aborted) throw new AbortedError(`The ${what} was aborted.`, { cause: signal.reason });
}

/**
 * Settles like `work`, unless `signal` aborts first: then rejects at once with {@link AbortedError}. The work itself
 * goes on (an onnxruntime run cannot be stopped once started; a model load may be shared with other callers);
 * only this wait stops, and a late result is dropped.
 *
 * @param work - the promise to wait for
 * @param signal - the signal that stops the wait (`undefined`: wait for `work`)
 * @param what - what was aborted, for the message (default `operation`)
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined, what = 'operation'): Promise<T> {
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AbortedError(`The ${what} was aborted.`, { cause: signal.reason }));
    if (signal.aborted) {
      onAbort();
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
