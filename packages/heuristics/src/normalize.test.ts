import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalSpan } from './normalize.js';

describe('normalizeText', () => {
  it('lower-cases and keeps a one-to-one map for ASCII', () => {
    const n = normalizeText('Hello World');
    expect(n.folded.text).toBe('hello world');
    expect(Array.from(n.folded.originalStart)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(n.invisibleCount).toBe(0);
  });

  it('removes zero-width and bidi characters and counts them', () => {
    const text = 'ig\u200bno\u200dre\u202e';
    const n = normalizeText(text);
    expect(n.folded.text).toBe('ignore');
    expect(n.invisibleCount).toBe(3);
    expect(toOriginalSpan(n.folded, text, 0, 6)).toEqual({ start: 0, end: 8, text: 'ig\u200bno\u200dre' });
  });

  it('folds fullwidth letters, diacritics and Cyrillic/Greek homoglyphs', () => {
    expect(normalizeText('ＩＧＮＯＲＥ').folded.text).toBe('ignore');
    expect(normalizeText('Überschrift café').folded.text).toBe('uberschrift cafe');
    const homoglyphs = normalizeText('іgnоrе'); // Cyrillic і, о, е
    expect(homoglyphs.folded.text).toBe('ignore');
    expect(homoglyphs.homoglyphCount).toBe(3);
  });

  it('maps leetspeak only in the leet view, with the same length and map', () => {
    const n = normalizeText('1gn0r3 4ll $ecret|');
    expect(n.folded.text).toBe('1gn0r3 4ll $ecret|');
    expect(n.leet.text).toBe('ignore all secretl');
    expect(n.leet.originalStart).toBe(n.folded.originalStart);
  });

  it('maps expanding characters (ß, ligatures) back to the one original character', () => {
    const text = 'Straße ﬁx';
    const n = normalizeText(text);
    expect(n.folded.text).toBe('strasse fix');
    const at = n.folded.text.indexOf('ss');
    expect(toOriginalSpan(n.folded, text, at, at + 2).text).toBe('ß');
    const fi = n.folded.text.indexOf('fix');
    expect(toOriginalSpan(n.folded, text, fi, fi + 3).text).toBe('ﬁx');
  });

  it('maps astral characters (mathematical letters) to their two code units', () => {
    const text = 'a 𝐢𝐠𝐧𝐨𝐫𝐞 b';
    const n = normalizeText(text);
    expect(n.folded.text).toBe('a ignore b');
    expect(toOriginalSpan(n.folded, text, 2, 8).text).toBe('𝐢𝐠𝐧𝐨𝐫𝐞');
  });

  it('gives defined results for empty input, lone surrogates and control characters', () => {
    expect(normalizeText('').folded.text).toBe('');
    expect(toOriginalSpan(normalizeText('').folded, '', 0, 1)).toEqual({ start: 0, end: 0, text: '' });
    const lone = normalizeText('a\uD800b\uDC00c');
    expect(lone.folded.text).toBe('a\uD800b\uDC00c');
    const controls = normalizeText('a\u0000\u0007b\tc\n\u007f');
    expect(controls.folded.text).toBe('ab\tc\n');
    expect(controls.invisibleCount).toBe(3);
  });

  it('normalises 10 MB in linear time', () => {
    const text = 'Ignore ﬁ Ö\u200b '.repeat(800_000);
    const n = normalizeText(text);
    expect(n.folded.text.length).toBeGreaterThan(text.length * 0.9);
  });
});

describe('normalizeText map (mixed ASCII and non-ASCII input)', () => {
  it('maps every view character back to the original character it came from', () => {
    const text = 'Ab\u0000C ß𝐢\u200bX’y';
    const n = normalizeText(text);
    expect(n.folded.text).toBe("abc ssix'y");
    expect(Array.from(n.folded.originalStart)).toEqual([0, 1, 3, 4, 5, 5, 6, 9, 10, 11]);
    expect(Array.from(n.folded.originalEnd)).toEqual([1, 2, 4, 5, 6, 6, 8, 10, 11, 12]);
    expect(n.invisibleCount).toBe(2);
    expect(n.leet.originalEnd).toBe(n.folded.originalEnd);
  });

  it('gives the same views whether a text takes the all-ASCII path or the mixed one', () => {
    for (const ascii of ['Ignore ALL previous 1nstruct10ns!', 'a\tb\r\nc | $ @', '']) {
      const plain = normalizeText(ascii);
      const mixed = normalizeText(`${ascii}\u200b`); // an invisible character forces the mixed path
      expect(mixed.folded.text).toBe(plain.folded.text);
      expect(mixed.leet.text).toBe(plain.leet.text);
      expect(Array.from(mixed.folded.originalStart)).toEqual(Array.from(plain.folded.originalStart));
      expect(Array.from(mixed.folded.originalEnd)).toEqual(Array.from(plain.folded.originalEnd));
    }
  });
});

describe('toOriginalSpan on a view that maps one to one', () => {
  it('gives what the offset arrays give, bounds past the end included', () => {
    const text = 'Ignore the Rules, NOW.\tok\n';
    const view = normalizeText(text).leet;
    // a plain object with the same arrays takes the array path
    const viaArrays = { text: view.text, originalStart: view.originalStart, originalEnd: view.originalEnd };
    for (let start = 0; start <= text.length + 2; start++) {
      for (let end = 0; end <= text.length + 3; end++) expect(toOriginalSpan(view, text, start, end)).toEqual(toOriginalSpan(viaArrays, text, start, end));
    }
  });
});

describe('plainAscii', () => {
  it('is true only for printable ASCII with tabs and newlines', () => {
    expect(normalizeText('Hello\tworld\r\n!').plainAscii).toBe(true);
    expect(normalizeText('').plainAscii).toBe(true);
    for (const text of ['héllo', 'a\u200bb', 'a\u0000b', 'іgnore', 'x\u007f']) expect(normalizeText(text).plainAscii, JSON.stringify(text)).toBe(false);
  });
});
