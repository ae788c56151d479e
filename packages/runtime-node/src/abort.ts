import { AbortedError } from '@llm-shield/core';

/** Rejects with {@link AbortedError} when `signal` is already aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortedError('The inference run was aborted.', { cause: signal.reason });
}

/**
 * Settles like `work`, unless `signal` aborts first: then rejects at once with {@link AbortedError}. onnxruntime
 * cannot stop a run that has started, so `work` still completes in the background and its result is dropped.
 */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new AbortedError('The inference run was aborted.', { cause: signal.reason }));
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
