/**
 * Code points that can share an extended grapheme cluster (UAX #29) with a neighbour: CR (GB3), Hangul jamo and
 * syllables (GB6–8), Extend and ZWJ (GB9, GB11: marks, `Grapheme_Extend`, emoji modifiers, U+200D), SpacingMark
 * (GB9a: spacing marks, Thai/Lao SARA AM), Prepend (GB9b; the BMP's) and regional indicators (GB12–13); every
 * astral code point outside the emoji blocks too. Between two code points
 * that are both outside this set every rule of UAX #29 breaks, so text made of them is one cluster per code point and
 * needs no `Intl.Segmenter`. The set may hold more than needed (that only costs speed); a test checks over every
 * code point that nothing outside it joins a neighbour.
 */
const JOINER =
  /[\r\p{M}\p{Grapheme_Extend}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\uac00-\ud7ff\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e]/u;

/** The emoji blocks (Mahjong tiles to Symbols and Pictographs Extended-A, regional indicators included). */
const EMOJI_FIRST = 0x1f000;
const EMOJI_LAST = 0x1faff;

/** Below this code point only CR joins a neighbour. */
const FIRST_MARK = 0x300;

/** Per BMP code unit: 0 not computed yet, 1 joiner, 2 not. Filled on first sight of each unit. */
let bmp: Uint8Array | undefined;
const astral = new Map<number, boolean>();

/** Whether code point `cp` may join a neighbouring code point in one grapheme cluster (see {@link JOINER}). */
export function isGraphemeJoiner(cp: number): boolean {
  if (cp < FIRST_MARK) return cp === 13;
  if (cp <= 0xffff) {
    bmp ??= new Uint8Array(0x10000);
    let known = bmp[cp] as number;
    if (known === 0) {
      known = JOINER.test(String.fromCharCode(cp)) ? 1 : 2;
      bmp[cp] = known;
    }
    return known === 1;
  }
  // Outside the emoji blocks, astral scripts are rare and get new Prepend/SpacingMark letters with each Unicode
  // version: count them all as joiners (only slower: their stretches go through Intl.Segmenter).
  if (cp < EMOJI_FIRST || cp > EMOJI_LAST) return true;
  let joins = astral.get(cp);
  if (joins === undefined) {
    joins = JOINER.test(String.fromCodePoint(cp));
    astral.set(cp, joins);
  }
  return joins;
}

/** The code point at `i` of `text` (a lone surrogate as itself). */
export function codePointAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if ((code & 0xfc00) === 0xd800 && i + 1 < text.length) {
    const low = text.charCodeAt(i + 1);
    if ((low & 0xfc00) === 0xdc00) return ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  return code;
}

/**
 * The end of the stretch starting at `i` whose grapheme clusters may span several code points, or `i` when the code
 * point at `i` is a cluster by itself: the stretch runs from `i` over every joiner (and every code point followed by
 * a joiner) and ends after one more code point, where two non-joiners meet (a cluster boundary) or the text ends.
 * Callers segment `text[i, end)` alone: its clusters are those of the whole text.
 */
export function joinedStretchEnd(text: string, i: number): number {
  const n = text.length;
  const first = codePointAt(text, i);
  const firstWidth = first > 0xffff ? 2 : 1;
  const next = i + firstWidth;
  if (!isGraphemeJoiner(first) && (next >= n || !isGraphemeJoiner(codePointAt(text, next)))) return i;
  let end = next;
  while (end < n) {
    const cp = codePointAt(text, end);
    const width = cp > 0xffff ? 2 : 1;
    if (isGraphemeJoiner(cp) || (end + width < n && isGraphemeJoiner(codePointAt(text, end + width)))) {
      end += width;
      continue;
    }
    return end + width;
  }
  return n;
}
