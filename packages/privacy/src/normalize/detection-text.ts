/**
 * A copy of the scanned text prepared for detection, with a map back to the original. Recognisers match on
 * `text` and report spans through {@link DetectionText.toOriginal}, so findings always point into the text the
 * scanner received.
 *
 * Normalisation (one pass, linear, never changes the order of characters):
 * - zero-width and invisible format characters (U+200B–U+200F, U+2060–U+2064, U+FEFF, U+00AD soft hyphen,
 *   U+180E) are removed, so `jo\u200bhn@acme.com` or a card number with a zero-width joiner inside is still seen;
 * - full-width ASCII (U+FF01–U+FF5E, e.g. `４１１１`, `＠`) becomes ASCII; the ideographic space U+3000 and other
 *   Unicode spaces (U+00A0, U+2000–U+200A, U+202F, U+205F) become a plain space;
 * - homoglyphs of `@` (U+FE6B small commercial at, U+FF20) become `@`, and homoglyphs of `.` used in obfuscated
 *   addresses (U+FF0E, U+3002 ideographic full stop, U+FF61) become `.`;
 * - Unicode dashes (U+2010–U+2015, U+2212) become `-`.
 * Lone surrogates pass through unchanged (they match nothing).
 */
export interface DetectionText {
  /** The original text. */
  readonly original: string;
  /** The normalised text recognisers match on. */
  readonly text: string;
  /** True when `text !== original` (a map lookup is needed). */
  readonly changed: boolean;
  /** Maps a `[start, end)` span of `text` to the span of `original` it came from. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

/** Every character {@link replacement} changes (kept in sync with it). */
const FOLDED = /[\u00A0\u00AD\u180E\u2000-\u200F\u2010-\u2015\u202F\u205F\u2060-\u2064\u2212\u3000\u3002\uFE6B\uFEFF\uFF01-\uFF5E\uFF61]/;

function replacement(code: number): string | null | undefined {
  // undefined: keep; null: drop; string: replace
  if (code < 0x00a0) return undefined;
  if (code === 0x00ad || code === 0x180e || (code >= 0x200b && code <= 0x200f) || (code >= 0x2060 && code <= 0x2064) || code === 0xfeff) return null;
  if (code === 0x00a0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000) return ' ';
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0xfe6b) return '@';
  if (code === 0x3002 || code === 0xff61) return '.';
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return '-';
  return undefined;
}

/** Normalises `original` for detection (see {@link DetectionText}); linear in its length. */
export function prepareDetectionText(original: string): DetectionText {
  const firstChange = original.search(FOLDED);
  if (firstChange < 0) {
    return { original, text: original, changed: false, toOriginal: (start, end) => ({ start, end }) };
  }
  const parts: string[] = [original.slice(0, firstChange)];
  // map[i] = original index of normalised char i; map[text.length] = original.length
  const map = new Int32Array(original.length + 1);
  for (let i = 0; i < firstChange; i++) map[i] = i;
  let out = firstChange;
  let runStart = firstChange;
  for (let i = firstChange; i < original.length; i++) {
    const r = replacement(original.charCodeAt(i));
    if (r === undefined) {
      map[out++] = i;
      continue;
    }
    if (runStart < i) parts.push(original.slice(runStart, i));
    runStart = i + 1;
    if (r !== null) {
      parts.push(r);
      map[out++] = i;
    }
  }
  if (runStart < original.length) parts.push(original.slice(runStart));
  map[out] = original.length;
  const text = parts.join('');
  return {
    original,
    text,
    changed: true,
    toOriginal(start, end) {
      if (end <= start) {
        const at = map[Math.min(start, out)] ?? original.length;
        return { start: at, end: at };
      }
      const s = map[start] ?? original.length;
      const last = map[Math.min(end - 1, out)] ?? original.length - 1;
      return { start: s, end: Math.min(original.length, last + 1) };
    },
  };
}
