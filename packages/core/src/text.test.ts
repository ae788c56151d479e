import { describe, expect, it } from 'vitest';
import { InputTooLargeError, InvalidInputError } from './errors.js';
import { prepareText } from './text.js';

describe('prepareText', () => {
  it('passes well-formed text through', () => {
    expect(prepareText('héllo 👋')).toEqual({ text: 'héllo 👋', loneSurrogates: 0 });
    expect(prepareText('')).toEqual({ text: '', loneSurrogates: 0 });
  });
  it('replaces lone surrogates one for one so offsets hold', () => {
    const input = '\uDC00a\uD83D\uDE00b\uD83D';
    const { text, loneSurrogates } = prepareText(input);
    expect(text).toBe('\uFFFDa\uD83D\uDE00b\uFFFD');
    expect(text.length).toBe(input.length);
    expect(loneSurrogates).toBe(2);
  });
  it('rejects non-strings and over-long input with typed errors', () => {
    expect(() => prepareText(undefined)).toThrow(InvalidInputError);
    expect(() => prepareText({})).toThrow(InvalidInputError);
    expect(() => prepareText('abc', 2)).toThrow(InputTooLargeError);
  });
  it('handles 10 MB of text', () => {
    const big = 'a'.repeat(10 * 1024 * 1024);
    expect(prepareText(big).text.length).toBe(big.length);
  });
});
