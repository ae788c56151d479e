import { describe, expect, it } from 'vitest';
import { LiteralMatcher } from './literal-matcher.js';

describe('LiteralMatcher', () => {
  it('finds overlapping patterns and reports first occurrences', () => {
    const m = new LiteralMatcher(['he', 'she', 'hers', 'his']);
    const r = m.search('ushers');
    expect(Array.from(r.firstStart)).toEqual([2, 1, 2, -1]);
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
    expect(m.search('concatenate', { word: true }).matchedPatterns).toBe(0);
    expect(m.search('a cat.', { word: true }).intervals).toEqual([[2, 5]]);
    // `\b$x\b` needs a word character before `$`.
    expect(Array.from(m.search('a $x', { word: true }).firstStart)).toEqual([-1, -1]);
    expect(Array.from(m.search('a$x', { word: true }).firstStart)).toEqual([-1, 1]);
    expect(m.search('naïve cat', { word: true }).matchedPatterns).toBe(1);
    expect(new LiteralMatcher(['ve']).search('naïve', { word: true }).matchedPatterns).toBe(0);
  });

  it('stays linear on 10 MB of one letter against nested patterns (str and word)', () => {
    const patterns = Array.from({ length: 200 }, (_, i) => 'a'.repeat(i + 1));
    const m = new LiteralMatcher(patterns);
    const text = 'a'.repeat(10 * 1024 * 1024);
    const r = m.search(text);
    expect(r.matchedPatterns).toBe(200);
    expect(r.intervals).toEqual([[0, text.length]]);
    const w = m.search(text, { word: true });
    expect(w.matchedPatterns).toBe(0);
    const words = 'a '.repeat(2 * 1024 * 1024);
    const w2 = m.search(words, { word: true });
    expect(w2.matchedPatterns).toBe(1);
    expect(w2.intervals.length).toBe(2 * 1024 * 1024);
  });
});
