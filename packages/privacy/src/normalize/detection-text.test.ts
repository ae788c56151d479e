import { describe, expect, it } from 'vitest';
import { prepareDetectionText } from './detection-text.js';

describe('prepareDetectionText', () => {
  it('returns the text unchanged (identity map) when nothing needs folding', () => {
    const d = prepareDetectionText('plain ascii');
    expect(d.changed).toBe(false);
    expect(d.toOriginal(2, 5)).toEqual({ start: 2, end: 5 });
  });
  it('drops zero-width characters, folds full-width forms and @ homoglyphs, maps spans back', () => {
    const original = 'x jo\u200bhn\uFE6Bacme\u3002com \uFF14\uFF11';
    const d = prepareDetectionText(original);
    expect(d.text).toBe('x john@acme.com 41');
    const at = d.text.indexOf('john');
    const span = d.toOriginal(at, at + 'john@acme.com'.length);
    expect(original.slice(span.start, span.end)).toBe('jo\u200bhn\uFE6Bacme\u3002com');
    const digits = d.toOriginal(d.text.length - 2, d.text.length);
    expect(original.slice(digits.start, digits.end)).toBe('\uFF14\uFF11');
  });
  it('handles zero-width runs and lone surrogates without losing positions', () => {
    const original = '\u200b'.repeat(100_000) + 'a@b.io' + '\ud800';
    const d = prepareDetectionText(original);
    expect(d.text).toBe('a@b.io\ud800');
    expect(d.toOriginal(0, 6)).toEqual({ start: 100_000, end: 100_006 });
  });
});
