import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { ReadingTime } from './reading-time.js';

const context = { vault: new Vault() };

describe('ReadingTime', { timeout: 120_000 }, () => {
  it('passes short outputs and flags long ones at 200 words per minute', async () => {
    const s = new ReadingTime({ maxTime: 0.01 }); // 2 words
    const ok = await s.scan('p', 'two words', context);
    expect(ok.valid).toBe(true);
    expect(ok.riskScore).toBe(-1);
    const long = await s.scan('p', 'one two  three\nfour', context);
    expect(long.valid).toBe(false);
    expect(long.riskScore).toBe(1);
    expect(long.sanitizedText).toBe('one two  three\nfour');
    expect(long.findings[0]!.spans[0]).toEqual({ start: 9, end: 19, text: 'three\nfour' });
  });

  it('truncates to the words that fit, joined by spaces as llm-guard', async () => {
    const s = new ReadingTime({ maxTime: 0.01, truncate: true });
    expect((await s.scan('p', ' one\ttwo  three four', context)).sanitizedText).toBe('one two');
  });

  it('requires maxTime and refuses bad options', () => {
    expect(() => new ReadingTime({} as never)).toThrow(/maxTime/);
    expect(() => new ReadingTime({ maxTime: -1 })).toThrow(InvalidConfigError);
    expect(() => new ReadingTime({ maxTime: 1, wpm: 100 } as never)).toThrow(/unknown option/);
  });

  it('handles 10 MB outputs', async () => {
    const s = new ReadingTime({ maxTime: 1, truncate: true });
    const r = await s.scan('p', 'word '.repeat(2 * 1024 * 1024), context);
    expect(r.valid).toBe(false);
    expect(r.sanitizedText).toBe(Array(200).fill('word').join(' '));
    expect((await s.scan('p', ' '.repeat(10 * 1024 * 1024), context)).valid).toBe(true);
  });
});
