import { describe, expect, it } from 'vitest';
import { RunLimits } from './pipeline-limits.js';

describe('RunLimits', () => {
  it('makes the scanners’ signal only when asked, and builds the end-of-run reason only for a signal still running', () => {
    let built = 0;
    const reason = () => {
      built++;
      return new Error('over');
    };
    const quiet = new RunLimits(undefined, undefined);
    quiet.finish(reason);
    quiet.dispose();
    expect(built).toBe(0);
    // a signal asked for after the run is over is already aborted, with the end-of-run reason
    expect(quiet.signal.aborted).toBe(true);
    expect((quiet.signal.reason as Error).message).toBe('over');

    const held = new RunLimits(undefined, undefined);
    const signal = held.signal;
    expect(signal.aborted).toBe(false);
    held.finish(reason);
    expect(signal.aborted).toBe(true);
    expect(built).toBe(2);
    held.finish(reason);
    expect(built).toBe(2);
  });

  it('a stop before the signal is asked for is not lost: the signal comes aborted with its reason', () => {
    const limits = new RunLimits(undefined, undefined);
    limits.abortScanners('fail-fast');
    limits.finish(() => 'over');
    expect(limits.signal.aborted).toBe(true);
    expect(limits.signal.reason).toBe('fail-fast');
    const outer = new AbortController();
    outer.abort('caller');
    const aborted = new RunLimits(outer.signal, undefined);
    expect(aborted.aborted).toBe(true);
    expect(aborted.signal.reason).toBe('caller');
  });

  it('aborts a held signal when the caller aborts', () => {
    const outer = new AbortController();
    const limits = new RunLimits(outer.signal, undefined);
    const signal = limits.signal;
    outer.abort('gone');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('gone');
    limits.dispose();
  });
});
