/**
 * A matching form of a text: NFKC-normalised, lower-cased, with zero-width and soft-hyphen characters removed, and
 * a map from each of its code units back to the original text, so that a match found in the normalised form is
 * reported at its place in the original (UTF-16 offsets).
 */
export interface NormalizedText {
  /** The normalised text. */
  readonly text: string;
  /**
   * For normalised offset `i`, the original start offset of the character it came from (`startMap[i]`) and the
   * original end offset of that character (`endMap[i]`). Undefined (identity) for pure-ASCII input.
   */
  readonly startMap?: Int32Array;
  readonly endMap?: Int32Array;
}

/** Characters removed before matching: zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen, etc. */
const REMOVED = /^[\u00AD\u034F\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]$/;
const ASCII_ONLY = /^[\x00-\x7F]*$/;
const MARK = /^\p{M}$/u;

/**
 * Normalises `input` for matching (see {@link NormalizedText}). Pure-ASCII text is only lower-cased. Otherwise each
 * base character with its combining marks is normalised on its own (NFKC, then lower case), so a composed and a
 * decomposed `é`, a full-width `Ａ` and an `A` all match, and spans map back to whole original characters. Linear in
 * the input length.
 */
export function normalizeForMatching(input: string): NormalizedText {
  if (ASCII_ONLY.test(input)) return { text: input.toLowerCase() };
  const parts: string[] = [];
  let starts = new Int32Array(input.length + 16);
  let ends = new Int32Array(input.length + 16);
  let size = 0;
  const reserve = (extra: number): void => {
    if (size + extra <= starts.length) return;
    const capacity = Math.max(starts.length * 2, size + extra);
    const grownStarts = new Int32Array(capacity);
    grownStarts.set(starts.subarray(0, size));
    const grownEnds = new Int32Array(capacity);
    grownEnds.set(ends.subarray(0, size));
    starts = grownStarts;
    ends = grownEnds;
  };
  let i = 0;
  const n = input.length;
  while (i < n) {
    // A run of ASCII characters not followed by a combining mark: lower-cased in one piece.
    let j = i;
    while (j < n && input.charCodeAt(j) < 0x80) j++;
    if (j > i) {
      const runEnd = j < n && MARK.test(String.fromCodePoint(input.codePointAt(j)!)) ? j - 1 : j;
      if (runEnd > i) {
        parts.push(input.slice(i, runEnd).toLowerCase());
        reserve(runEnd - i);
        for (let k = i; k < runEnd; k++) {
          starts[size] = k;
          ends[size++] = k + 1;
        }
        i = runEnd;
        continue;
      }
    }
    const start = i;
    const first = input.codePointAt(i)!;
    i += first > 0xffff ? 2 : 1;
    const firstChar = String.fromCodePoint(first);
    if (REMOVED.test(firstChar)) continue;
    // Gather the combining marks that follow (each is consumed once).
    while (i < n) {
      const cp = input.codePointAt(i)!;
      if (cp < 0x300 || cp === 0x34f || !MARK.test(String.fromCodePoint(cp))) break;
      i += cp > 0xffff ? 2 : 1;
    }
    let segment = input.slice(start, i);
    // NFKC of a very long cluster would still be linear, but there is nothing to match in it.
    segment = segment.length <= 32 ? segment.normalize('NFKC').toLowerCase() : segment.toLowerCase();
    reserve(segment.length);
    for (let k = 0; k < segment.length; k++) {
      starts[size] = start;
      ends[size++] = i;
    }
    parts.push(segment);
  }
  return { text: parts.join(''), startMap: starts.subarray(0, size), endMap: ends.subarray(0, size) };
}

/** Maps a `[start, end)` span of the normalised text back to the original text. */
export function originalSpan(normalized: NormalizedText, start: number, end: number): [number, number] {
  if (!normalized.startMap || !normalized.endMap) return [start, end];
  return [normalized.startMap[start]!, normalized.endMap[end - 1]!];
}

/** The normalised form of a name to look for (same rules as the text, without the map). */
export function normalizeName(name: string): string {
  return normalizeForMatching(name).text;
}
