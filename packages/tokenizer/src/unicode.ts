/**
 * Character classes as the Rust `tokenizers` crate defines them (Rust `char` methods), written as JavaScript
 * Unicode property regexes. JavaScript's own `\s` and `String.prototype.trim` differ from Rust's
 * `char::is_whitespace` (they include U+FEFF and miss U+0085), so they are not used.
 */

/** Rust `char::is_whitespace`: the Unicode `White_Space` property. */
export const WHITESPACE = /\p{White_Space}/u;

/** Per ASCII code: bit 1 whitespace (Rust `char::is_whitespace`), bit 2 BERT punctuation; the regexes decide the rest. */
const ASCII_CLASS = new Uint8Array(128);

/** True when `char` (one code point) is whitespace in Rust's sense. */
export function isWhitespace(char: string): boolean {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code < 128) return (ASCII_CLASS[code]! & 1) === 1;
  return WHITESPACE.test(char);
}

const PUNCTUATION = /[\p{P}\u0021-\u002F\u003A-\u0040\u005B-\u0060\u007B-\u007E]/u;
for (let code = 0; code < 128; code++) {
  const char = String.fromCharCode(code);
  ASCII_CLASS[code] = (WHITESPACE.test(char) ? 1 : 0) | (PUNCTUATION.test(char) ? 2 : 0);
}

/** BERT's and the `Punctuation` pre-tokeniser's test (Rust `is_punc`): ASCII punctuation or a Unicode `P*` character. */
export function isBertPunctuation(char: string): boolean {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code < 128) return (ASCII_CLASS[code]! & 2) === 2;
  return PUNCTUATION.test(char);
}


/** Iterates the code points of `text` as `[index, char]` (index in UTF-16 code units). */
export function* codePoints(text: string, from = 0, to = text.length): Generator<[number, string]> {
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    yield [i, width === 1 ? (text[i] ?? '') : text.slice(i, i + 2)];
    i += width;
  }
}

const ASCII = /^[\x00-\x7f]*$/;

/** True when `text` is plain ASCII (most normalisers are then the identity and are skipped). */
export function isAscii(text: string): boolean {
  return ASCII.test(text);
}

let graphemeSegmenter: Intl.Segmenter | undefined;

/** Splits `text` into extended grapheme clusters (`Intl.Segmenter`), as `[index, cluster]`. */
export function* graphemes(text: string): Generator<[number, string]> {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const segment of graphemeSegmenter.segment(text)) yield [segment.index, segment.segment];
}
