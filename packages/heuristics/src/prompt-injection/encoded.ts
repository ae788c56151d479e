/** A decoded blob found in the text. */
export interface DecodedBlob {
  /** UTF-16 offsets of the blob in the original text. */
  start: number;
  end: number;
  /** The decoded text (printable ASCII only; blobs that decode to binary are skipped). */
  decoded: string;
}

/** Shortest base64 run (characters) that is decoded. */
export const MIN_BASE64 = 20;
/** Fewest hex bytes (digit pairs) a hex run needs to be decoded. */
export const MIN_HEX_BYTES = 12;
/** Longest blob that is decoded; longer runs are decoded only up to this length. */
const MAX_DECODE = 4096;
/** Blobs decoded per text, so a text made of blobs stays cheap. */
const MAX_BLOBS = 32;

const B64 = new Int16Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((c, i) => (B64[c.charCodeAt(0)] = i));
B64['-'.charCodeAt(0)] = 62;
B64['_'.charCodeAt(0)] = 63;

/** Whether the UTF-16 code unit is a base64 character (standard or URL alphabet, no padding). */
export function isBase64Code(code: number): boolean {
  return code < 128 && B64[code]! >= 0;
}

/** Whether the code unit can be part of a hex run: a hex digit, a space, `\\` or `x`. */
export function isHexRunCode(code: number): boolean {
  return isHex(code) || code === 0x20 || code === 0x5c || code === 0x78;
}

function isHex(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x66) || (code >= 0x41 && code <= 0x46);
}

function hexValue(code: number): number {
  return code <= 0x39 ? code - 0x30 : (code | 0x20) - 0x61 + 10;
}

/** Decodes base64 (standard or URL alphabet, padding optional); `null` unless the result is printable text. */
export function decodeBase64(text: string): string | null {
  let bits = 0;
  let value = 0;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3d) break;
    const v = code < 128 ? B64[code]! : -1;
    if (v < 0) return null;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return printable(out);
}

/** Decodes hex pairs, ignoring spaces, `\x` and `0x` prefixes; `null` unless the result is printable text. */
export function decodeHex(text: string): string | null {
  const digits = text.replace(/\\x|0x|[\s,:]/gi, '');
  if (digits.length % 2 !== 0) return null;
  let out = '';
  for (let i = 0; i < digits.length; i += 2) {
    const a = digits.charCodeAt(i);
    const b = digits.charCodeAt(i + 1);
    if (!isHex(a) || !isHex(b)) return null;
    out += String.fromCharCode(hexValue(a) * 16 + hexValue(b));
  }
  return printable(out);
}

function printable(decoded: string): string | null {
  if (decoded.length === 0) return null;
  let good = 0;
  let letters = 0;
  for (let i = 0; i < decoded.length; i++) {
    const c = decoded.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09) good++;
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) letters++;
  }
  return good / decoded.length >= 0.9 && letters / decoded.length >= 0.5 ? decoded : null;
}

/**
 * Finds base64 and hex blobs in `text` and decodes the ones that decode to readable text. One pass over the
 * text plus decoding of at most {@link MAX_BLOBS} blobs of at most {@link MAX_DECODE} characters: linear time.
 */
export function findEncodedBlobs(text: string): DecodedBlob[] {
  const blobs: DecodedBlob[] = [];
  let i = 0;
  const n = text.length;
  // a hex scan is never restarted inside a run already scanned, so every character is scanned a bounded number of times
  let hexResume = 0;
  while (i < n && blobs.length < MAX_BLOBS) {
    const code = text.charCodeAt(i);
    // hex: pairs possibly separated by spaces or \x
    if ((isHex(code) || code === 0x5c) && i >= hexResume) {
      let j = i;
      let digits = 0;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (isHex(c)) digits++;
        else if (!(c === 0x20 || c === 0x5c || c === 0x78)) break;
        j++;
      }
      hexResume = j;
      if (digits >= MIN_HEX_BYTES * 2 && digits < j - i + 1) {
        const decoded = decodeHex(text.slice(i, Math.min(j, i + MAX_DECODE)).trim());
        if (decoded !== null) {
          blobs.push({ start: i, end: j, decoded });
          i = j;
          continue;
        }
      }
    }
    if (code < 128 && B64[code]! >= 0) {
      let j = i;
      let hasDigitOrUpper = false;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c >= 128 || B64[c]! < 0) break;
        if ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a)) hasDigitOrUpper = true;
        j++;
      }
      let end = j;
      while (end < n && end - j < 2 && text.charCodeAt(end) === 0x3d) end++;
      if (j - i >= MIN_BASE64 && hasDigitOrUpper) {
        const decoded = decodeBase64(text.slice(i, Math.min(j, i + MAX_DECODE)));
        if (decoded !== null) blobs.push({ start: i, end, decoded });
      }
      i = Math.max(end, i + 1);
      continue;
    }
    i++;
  }
  return blobs;
}
