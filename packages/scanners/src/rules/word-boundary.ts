/**
 * Word boundaries as Python's `re` sees `\b` on `str` patterns (llm-guard's `match_type: word`): a word character is
 * a Unicode letter, digit or `_` (combining marks count as word characters too, so an accent does not split a
 * word). A boundary lies between two positions whose characters differ in being word characters; the text's ends
 * count as non-word. Offsets are UTF-16 code units; surrogate pairs are read as one code point.
 */

const WORD = /[\p{L}\p{N}\p{M}_]/u;
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;

/** True when the code point is a word character. */
export function isWordCodePoint(codePoint: number): boolean {
  if (codePoint < 128) return ASCII_WORD[codePoint] === 1;
  return WORD.test(String.fromCodePoint(codePoint));
}

/** True when the character that ends just before `index` is a word character (false at the start). */
export function isWordBefore(text: string, index: number): boolean {
  if (index <= 0) return false;
  let cp = text.charCodeAt(index - 1);
  if (cp >= 0xdc00 && cp <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) cp = (high - 0xd800) * 0x400 + (cp - 0xdc00) + 0x10000;
  }
  return isWordCodePoint(cp);
}

/** True when the character that starts at `index` is a word character (false at the end). */
export function isWordAt(text: string, index: number): boolean {
  if (index >= text.length) return false;
  const cp = text.codePointAt(index)!;
  return isWordCodePoint(cp);
}

/** True when `\b` matches at `index` of `text`. */
export function isWordBoundary(text: string, index: number): boolean {
  return isWordBefore(text, index) !== isWordAt(text, index);
}
