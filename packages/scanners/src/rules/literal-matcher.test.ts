import { describe, expect, it } from 'vitest';
import { LiteralMatcher, type LiteralSearchResult } from './literal-matcher.js';

/** Per pattern: the start of its first occurrence, or -1. */
function firstStarts(result: LiteralSearchResult, patterns: number): number[] {
  const starts = new Array<number>(patterns).fill(-1);
  for (const [pattern, start] of result.occurrences) starts[pattern] = start;
  return starts;
}

describe('LiteralMatcher', { timeout: 120_000 }, () => {
  it('finds overlapping patterns and reports first occurrences', () => {
    const m = new LiteralMatcher(['he', 'she', 'hers', 'his']);
    const r = m.search('ushers');
    expect(firstStarts(r, 4)).toEqual([2, 1, 2, -1]);
    expect(r.matchedPatterns).toBe(3);
    expect(r.intervals).toEqual([[1, 6]]);
  });

  it('folds case unless caseSensitive', () => {
    expect(new LiteralMatcher(['Secret']).search('a SECRET b').matchedPatterns).toBe(1);
    expect(new LiteralMatcher(['Secret'], { caseSensitive: true }).search('a SECRET b').matchedPatterns).toBe(0);
  });

  it('keeps UTF-16 offsets for non-ASCII text and folded letters', () => {
    const text = '😀 ÉCOLE école';
    const r = new LiteralMatcher(['école']).search(text);
    expect(r.intervals.map(([s, e]) => text.slice(s, e))).toEqual(['ÉCOLE', 'école']);
  });

  it('word mode mirrors Python \\b on both sides', () => {
    const m = new LiteralMatcher(['cat', '$x']);
    expect(m.search('concatenate', { boundary: 'python' }).matchedPatterns).toBe(0);
    expect(m.search('a cat.', { boundary: 'python' }).intervals).toEqual([[2, 5]]);
    // `\b$x\b` needs a word character before `$`.
    expect(firstStarts(m.search('a $x', { boundary: 'python' }), 2)).toEqual([-1, -1]);
    expect(firstStarts(m.search('a$x', { boundary: 'python' }), 2)).toEqual([-1, 1]);
    // The scratch marks are reset between searches.
    expect(firstStarts(m.search('a$x', { boundary: 'python' }), 2)).toEqual([-1, 1]);
    expect(m.search('naïve cat', { boundary: 'python' }).matchedPatterns).toBe(1);
    expect(new LiteralMatcher(['ve']).search('naïve', { boundary: 'python' }).matchedPatterns).toBe(0);
  });

  it('edges mode: whole words, punctuation ends may touch anything', () => {
    const m = new LiteralMatcher(['hello!', 'as an']);
    expect(m.search('Hello! How are you', { boundary: 'edges' }).matchedPatterns).toBe(1);
    expect(m.search('Hello! How are you', { boundary: 'python' }).matchedPatterns).toBe(0);
    expect(m.search('she has an idea', { boundary: 'edges' }).matchedPatterns).toBe(0);
    expect(m.search('As an AI', { boundary: 'edges' }).matchedPatterns).toBe(1);
  });

  it('stays linear on 10 MB of one letter against nested patterns (str and word)', () => {
    const patterns = Array.from({ length: 200 }, (_, i) => 'a'.repeat(i + 1));
    const m = new LiteralMatcher(patterns);
    const text = 'a'.repeat(10 * 1024 * 1024);
    const r = m.search(text);
    expect(r.matchedPatterns).toBe(200);
    expect(r.intervals).toEqual([[0, text.length]]);
    const w = m.search(text, { boundary: 'python' });
    expect(w.matchedPatterns).toBe(0);
    const words = 'a '.repeat(2 * 1024 * 1024);
    const w2 = m.search(words, { boundary: 'python' });
    expect(w2.matchedPatterns).toBe(1);
    expect(w2.intervals.length).toBe(2 * 1024 * 1024);
  });

  it('works with sparse transitions when the dense table would be too large', () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const patterns = Array.from({ length: 3000 }, () => Array.from({ length: 12 }, () => String.fromCharCode(0x4e00 + Math.floor(rand() * 6000))).join(''));
    const m = new LiteralMatcher(patterns);
    const text = `x${patterns[5]}y${patterns[2999]}${patterns[5]!.slice(0, 6)}`;
    const r = m.search(text);
    expect(r.matchedPatterns).toBe(2);
    expect(firstStarts(r, 3000)[5]).toBe(1);
    expect(firstStarts(r, 3000)[2999]).toBe(14);
  });
});
