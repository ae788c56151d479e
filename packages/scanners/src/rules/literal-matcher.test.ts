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
    expect(m.search('concatenate', { boundary: 'python' }).matchedPatterns).toBe(0);
    expect(m.search('a cat.', { boundary: 'python' }).intervals).toEqual([[2, 5]]);
    // `\b$x\b` needs a word character before `$`.
    expect(Array.from(m.search('a $x', { boundary: 'python' }).firstStart)).toEqual([-1, -1]);
    expect(Array.from(m.search('a$x', { boundary: 'python' }).firstStart)).toEqual([-1, 1]);
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
});
