/** True for an ASCII digit code. */
export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** True for an ASCII letter code. */
export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** True for an ASCII letter or digit code. */
export function isAsciiAlnum(code: number): boolean {
  return isDigit(code) || isAsciiLetter(code);
}

/** True when `text[i]` is a letter or digit of any script (a word character for boundaries). */
export function isWordChar(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const code = text.charCodeAt(i);
  if (code < 128) return isAsciiAlnum(code) || code === 95;
  return /[\p{L}\p{N}]/u.test(text[i] as string);
}
