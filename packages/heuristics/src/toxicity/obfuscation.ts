/**
 * De-obfuscation of single tokens, on top of {@link normalizeText} (which already folds case, homoglyphs,
 * diacritics, invisible characters and the common leetspeak digits in its `leet` view).
 *
 * Every function here is linear in the token length, and tokens are capped at {@link MAX_TOXIC_TOKEN_LENGTH}.
 */

/** Tokens longer than this are never words; they are not looked up (keeps every lookup O(1)). */
export const MAX_TOXIC_TOKEN_LENGTH = 40;

/** Extra leetspeak on top of the normaliser's leet view, applied inside tokens that also contain letters. */
const EXTRA_LEET: Readonly<Record<string, string>> = {
  '!': 'i', '9': 'g', '8': 'b', '6': 'g', '+': 't', '€': 'e', '¡': 'i',
  // letter look-alikes that neither NFKD nor the normaliser's homoglyph table fold
  'ƒ': 'f', 'ɑ': 'a', 'ɩ': 'i', 'ĸ': 'k', 'ʂ': 's', 'ᴜ': 'u', 'ᴄ': 'c', 'ᴋ': 'k', 'ʜ': 'h', 'ɪ': 'i', 'ᴛ': 't', 'ɢ': 'g',
};

/** Characters that stand for a hidden letter ("f*ck", "sh#t", "f-ck", "b_tch"). */
export const MASK_CHARACTERS = '*#%?-_.';

/** Applies {@link EXTRA_LEET} to a token that already went through the normaliser's leet view. */
export function extraLeet(token: string): string {
  let out = '';
  for (const char of token) out += EXTRA_LEET[char] ?? char;
  return out;
}

/** True when the string contains at least one letter (so digits in it are leetspeak, not a number). */
export function hasLetter(token: string): boolean {
  return /\p{L}/u.test(token);
}

/** Collapses runs of three or more equal characters to `keep` characters ("fuuuuck" → "fuck" with keep 1). */
export function collapseRuns(token: string, keep: 1 | 2): string {
  const chars = [...token];
  let out = '';
  let i = 0;
  while (i < chars.length) {
    let j = i + 1;
    while (j < chars.length && chars[j] === chars[i]) j++;
    const length = j - i;
    out += chars[i]!.repeat(length >= 3 ? keep : length);
    i = j;
  }
  return out;
}

/** True when the token has a run of three or more equal characters. */
export function hasLongRun(token: string): boolean {
  let run = 0;
  let previous = '';
  for (const char of token) {
    run = char === previous ? run + 1 : 1;
    previous = char;
    if (run >= 3) return true;
  }
  return false;
}

/** Collapses every run of equal characters to one ("fuuck" → "fuck", "asshole" → "ashole"). */
export function squeeze(token: string): string {
  let out = '';
  let previous = '';
  for (const char of token) {
    if (char !== previous) out += char;
    previous = char;
  }
  return out;
}

/** Mask characters that are also ordinary punctuation inside words ("a-z", "e.g"): trusted only in longer tokens. */
const WEAK_MASKS = '-_.?';

/**
 * True when `token` is letters and mask characters, starting with a letter: `*`, `#`, `%` with at least one
 * letter; `-`, `_`, `.`, `?` only in tokens of four or more characters with at least three letters.
 */
export function isMasked(token: string): boolean {
  let strong = 0;
  let weak = 0;
  let letters = 0;
  for (const char of token) {
    if (WEAK_MASKS.includes(char)) weak++;
    else if (MASK_CHARACTERS.includes(char)) strong++;
    else if (/\p{L}/u.test(char)) letters++;
    else return false;
  }
  if (MASK_CHARACTERS.includes(token[0]!)) return false;
  if (weak > 0 && (token.length < 4 || letters < 3)) return false;
  return strong + weak > 0 && letters >= 1;
}

/** True when `word` fits the masked `pattern` letter for letter (mask characters match any one letter). */
export function fitsMask(pattern: string, word: string): boolean {
  if (pattern.length !== word.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i]!;
    if (!MASK_CHARACTERS.includes(char) && char !== word[i]) return false;
  }
  return true;
}
