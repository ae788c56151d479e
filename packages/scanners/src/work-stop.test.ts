import { AbortedError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { ModelWorkStop, throwIfStopped } from './work-stop.js';

describe('ModelWorkStop', () => {
  it('stops once the time limit expires, with its reason', () => {
    const stop = new ModelWorkStop(undefined);
    expect(stop.aborted).toBe(false);
    expect(() => throwIfStopped(stop)).not.toThrow();
    const reason = new Error('too slow');
    stop.expire(reason);
    stop.expire(new Error('later reasons are ignored'));
    expect(stop.aborted).toBe(true);
    expect(stop.reason).toBe(reason);
    expect(() => throwIfStopped(stop)).toThrow(expect.objectContaining({ code: 'LLMS_ABORTED', cause: reason }));
  });

  it("stops once the caller's signal aborts, with the signal's reason", () => {
    const controller = new AbortController();
    const stop = new ModelWorkStop(controller.signal);
    expect(stop.aborted).toBe(false);
    controller.abort('user left');
    expect(stop.aborted).toBe(true);
    expect(stop.reason).toBe('user left');
    let thrown: unknown;
    try {
      throwIfStopped(stop, 'inference run');
    } catch (error) {
      thrown = error;
    }
    expect(AbortedError.isInstance(thrown)).toBe(true);
    expect((thrown as Error).message).toBe('The inference run was aborted.');
  });

  it('accepts an AbortSignal or nothing', () => {
    expect(() => throwIfStopped(undefined)).not.toThrow();
    expect(() => throwIfStopped(AbortSignal.abort('x'))).toThrow(expect.objectContaining({ code: 'LLMS_ABORTED' }));
  });
});
