import { AbortedError } from './errors.js';
import { describe, expect, it } from 'vitest';
import { raceAbort, throwIfAborted } from './abort.js';

describe('abort helpers', () => {
  it('throws AbortedError only for an aborted signal', () => {
    expect(() => throwIfAborted(undefined)).not.toThrow();
    expect(() => throwIfAborted(new AbortController().signal)).not.toThrow();
    expect(() => throwIfAborted(AbortSignal.abort('why'))).toThrow(AbortedError);
  });
  it('settles like the work when nothing aborts', async () => {
    await expect(raceAbort(Promise.resolve(1), undefined)).resolves.toBe(1);
    await expect(raceAbort(Promise.resolve(2), new AbortController().signal)).resolves.toBe(2);
    await expect(raceAbort(Promise.reject(new Error('boom')), new AbortController().signal)).rejects.toThrow('boom');
  });
  it('rejects at once on abort, keeping the reason as cause', async () => {
    const controller = new AbortController();
    const never = new Promise<number>(() => undefined);
    const raced = raceAbort(never, controller.signal);
    controller.abort('stop');
    const error = await raced.catch((e: unknown) => e);
    expect(AbortedError.isInstance(error)).toBe(true);
    expect((error as AbortedError).cause).toBe('stop');
    await expect(raceAbort(never, AbortSignal.abort())).rejects.toThrow(AbortedError);
  });
});
