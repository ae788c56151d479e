import { AbortedError } from '@llm-shield/core';

/**
 * Runs `task` holding the Web Lock `name` (`navigator.locks`), so tabs and workers of an origin take turns; runs it
 * directly where Web Locks are missing (Node, old browsers). Raises {@link AbortedError} when `signal` aborts while
 * waiting for the lock.
 */
export async function withWebLock<T>(name: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks === undefined || typeof locks.request !== 'function') return task();
  try {
    return (await locks.request(name, signal === undefined ? {} : { signal }, () => task())) as T;
  } catch (error) {
    if (signal?.aborted && (error as DOMException)?.name === 'AbortError') {
      throw new AbortedError('The model download was aborted.', { cause: signal.reason });
    }
    throw error;
  }
}
