import { describe, expect, it } from 'vitest';
import { analyzePii, resolveOverlaps } from './analyzer.js';

describe('analyzePii', () => {
  it('finds mixed entities with spans in the original text', () => {
    const text = 'Email john.doe@acme.com or call +1 415 555 0100; card 4111 1111 1111 1111.';
    expect(analyzePii(text).map((e) => [e.entityType, e.text])).toEqual([
      ['EMAIL_ADDRESS', 'john.doe@acme.com'],
      ['PHONE_NUMBER', '+1 415 555 0100'],
      ['CREDIT_CARD', '4111 1111 1111 1111'],
    ]);
  });
  it('sees through zero-width characters, full-width digits and a homoglyph @', () => {
    const text = 'mail jo\u200bhn\uFF20acme.com, card \uFF14\uFF11\uFF11\uFF11 1111 1111 1111';
    const found = analyzePii(text);
    expect(found.map((e) => e.entityType)).toEqual(['EMAIL_ADDRESS', 'CREDIT_CARD']);
    for (const e of found) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(found[0]?.text).toBe('jo\u200bhn\uFF20acme.com');
  });
  it('filters by entity type and threshold', () => {
    const text = 'a@b.io at www.acme.org';
    expect(analyzePii(text, { entityTypes: ['URL'] }).map((e) => e.text)).toEqual(['www.acme.org']);
    expect(analyzePii(text, { threshold: 0.7 }).map((e) => e.text)).toEqual(['a@b.io']);
  });
  it('resolves overlaps by score, then span length', () => {
    const kept = resolveOverlaps([
      { start: 0, end: 10, score: 0.5 },
      { start: 2, end: 5, score: 0.9 },
      { start: 6, end: 12, score: 0.9 },
      { start: 6, end: 9, score: 0.9 },
    ]);
    expect(kept).toEqual([
      { start: 2, end: 5, score: 0.9 },
      { start: 6, end: 12, score: 0.9 },
    ]);
  });
  it('returns a defined result on empty, 10 MB and adversarial input', () => {
    expect(analyzePii('')).toEqual([]);
    expect(analyzePii('9'.repeat(10_000_000))).toEqual([]);
    expect(analyzePii('@'.repeat(1_000_000))).toEqual([]);
    expect(analyzePii('[('.repeat(250_000) + ' a@b.io ' + ')]'.repeat(250_000)).map((e) => e.text)).toEqual(['a@b.io']);
    expect(analyzePii('\u200b\u0301'.repeat(500_000))).toEqual([]);
    const big = 'Hello there friend. '.repeat(50_000) + 'Write to a@b.io';
    expect(analyzePii(big).map((e) => e.text)).toEqual(['a@b.io']);
  });
});
