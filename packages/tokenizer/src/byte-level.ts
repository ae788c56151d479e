import { type AlignedString, AlignedStringBuilder } from './aligned-string.js';

/** GPT-2's byte → printable character table (`bytes_to_unicode`). */
export const BYTE_TO_CHAR: readonly string[] = (() => {
  const printable: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const table: string[] = new Array<string>(256);
  let n = 0;
  for (let b = 0; b < 256; b++) {
    table[b] = printable.includes(b) ? String.fromCharCode(b) : String.fromCharCode(256 + n++);
  }
  return table;
})();

const encoder = new TextEncoder();

/**
 * Rewrites `input` as byte-level characters (one per UTF-8 byte); every byte keeps the original range of the
 * code point it belongs to. Lone surrogates become U+FFFD's three bytes, as in Rust (which only sees UTF-8).
 */
export function toByteLevel(input: AlignedString): AlignedString {
  const text = input.text;
  const builder = new AlignedStringBuilder(text.length * 2);
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      builder.push(BYTE_TO_CHAR[code] ?? '', input.starts[i] ?? 0, input.ends[i] ?? 0);
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const [start, end] = input.originalRange(i, i + width);
    let chars = '';
    for (const byte of encoder.encode(text.slice(i, i + width))) chars += BYTE_TO_CHAR[byte] ?? '';
    builder.push(chars, start, end);
    i += width;
  }
  return builder.build();
}
