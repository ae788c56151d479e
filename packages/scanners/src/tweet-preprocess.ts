import type { PreprocessedText } from './classifier-scanner.js';

interface Replacement {
  /** Range in the rewritten text. */
  newStart: number;
  newEnd: number;
  /** Range in the input. */
  origStart: number;
  origEnd: number;
}

/** The offset map of a text that was not rewritten. */
const unchanged = (start: number, end: number): [number, number] => [start, end];

/** Words (between single spaces, as Python's `split(" ")`) that `cardiffnlp`'s preprocessing rewrites. */
const REWRITTEN = /(?<=^| )(?:@[^ ]+|http[^ ]*)/g;

/**
 * The preprocessing documented for `cardiffnlp/twitter-roberta-base-sentiment-latest`: split on single spaces, a
 * word starting with `@` (and longer than it) becomes `@user`, a word starting with `http` becomes `http`. Returns
 * the rewritten text and a map of its offsets back to the input (a rewritten word maps to the whole original word).
 * Linear in the text length.
 */
export function preprocessTweet(text: string): PreprocessedText {
  // Most texts have neither: two native substring searches instead of the regex's walk over every position.
  if (!text.includes('@') && !text.includes('http')) return { text, toOriginal: unchanged };
  const replacements: Replacement[] = [];
  let shift = 0;
  const rewritten = text.replace(REWRITTEN, (word: string, offset: number) => {
    const replacement = word.startsWith('@') ? '@user' : 'http';
    const newStart = offset + shift;
    replacements.push({ newStart, newEnd: newStart + replacement.length, origStart: offset, origEnd: offset + word.length });
    shift += replacement.length - word.length;
    return replacement;
  });
  if (replacements.length === 0) return { text, toOriginal: unchanged };
  /** Last replacement whose new start satisfies `before(newStart)`, by binary search. */
  const lastBefore = (test: (newStart: number) => boolean): Replacement | undefined => {
    let low = 0;
    let high = replacements.length - 1;
    let found: Replacement | undefined;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const candidate = replacements[mid]!;
      if (test(candidate.newStart)) {
        found = candidate;
        low = mid + 1;
      } else high = mid - 1;
    }
    return found;
  };
  const mapStart = (p: number): number => {
    const r = lastBefore((start) => start <= p);
    if (!r) return p;
    return p < r.newEnd ? r.origStart : r.origEnd + (p - r.newEnd);
  };
  const mapEnd = (p: number): number => {
    const r = lastBefore((start) => start < p);
    if (!r) return p;
    return p <= r.newEnd ? r.origEnd : r.origEnd + (p - r.newEnd);
  };
  return { text: rewritten, toOriginal: (start, end) => [mapStart(start), Math.max(mapStart(start), mapEnd(end))] };
}
