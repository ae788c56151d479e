import { describe, expect, it } from 'vitest';
import { normalizeForMatching, originalSpan } from './normalized-text.js';

describe('normalizeForMatching', { timeout: 120_000 }, () => {
  it('lower-cases ASCII without a map', () => {
    expect(normalizeForMatching('AcMe')).toEqual({ text: 'acme' });
  });

  it('applies NFKC, strips zero-width characters and maps spans back', () => {
    const input = 'x Ａc\u200Bme\u0301 y';
    const n = normalizeForMatching(input);
    expect(n.text).toBe('x acmé y');
    const start = n.text.indexOf('acmé');
    const [s, e] = originalSpan(n, start, start + 4);
    expect(input.slice(s, e)).toBe('Ａc\u200Bme\u0301');
  });

  it('is linear on 1 MB of combining marks and zero-width characters', () => {
    const input = `a${'\u0301'.repeat(1024 * 1024)}${'\u200B'.repeat(1024 * 1024)}b`;
    const n = normalizeForMatching(input);
    expect(n.text.endsWith('b')).toBe(true);
    expect(n.text.length).toBe(1024 * 1024 + 2);
  });
});
