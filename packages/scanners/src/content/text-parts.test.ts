import { describe, expect, it } from 'vitest';
import { textParts } from './text-parts.js';

describe('textParts', () => {
  it('full: one part, or windows cut at white space', () => {
    expect(textParts('hello world', 'full', 100)).toEqual([{ start: 0, end: 11, text: 'hello world' }]);
    const text = 'aaaa bbbb cccc dddd';
    const parts = textParts(text, 'full', 10);
    expect(parts.map((p) => p.text)).toEqual(['aaaa bbbb ', 'cccc dddd']);
    for (const p of parts) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('sentence: one part per sentence, blank parts dropped', () => {
    const text = 'First one. Second one!\n\n   \nThird?';
    expect(textParts(text, 'sentence', 100).map((p) => p.text)).toEqual(['First one.', 'Second one!', 'Third?']);
  });

  it('never splits a surrogate pair and always progresses', () => {
    const text = '😀'.repeat(50);
    const parts = textParts(text, 'full', 7);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    for (const p of parts) expect(p.text.charCodeAt(p.text.length - 1) >= 0xd800 && p.text.charCodeAt(p.text.length - 1) <= 0xdbff).toBe(false);
    expect(textParts('x'.repeat(1_000_000), 'full', 1000)).toHaveLength(1000);
  });
});
