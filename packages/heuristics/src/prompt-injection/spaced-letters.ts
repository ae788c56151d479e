import type { NormalizedView } from '../normalize.js';

/** A run of spaced-out single letters ("i g n o r e") found in a view. */
export interface SpacedRun {
  /** Start index of the run in the source view. */
  start: number;
  /** End index (exclusive) of the run in the source view. */
  end: number;
  /** The letters joined; a gap of two or more separators becomes one space. */
  joined: string;
}

/** The de-spaced view of a text and the runs that were joined. */
export interface DespacedView {
  view: NormalizedView;
  runs: SpacedRun[];
}

/** Shortest run (in letters) that is joined. */
export const MIN_SPACED_LETTERS = 5;
const MAX_SEPARATORS = 3;

/**
 * Necessary condition for a run: a single letter followed by four more single letters, each after one to
 * {@link MAX_SEPARATORS} separators. Bounded quantifiers, so a linear-time scan; when it fails, no run exists
 * and the letter-by-letter pass is skipped.
 */
const MAY_HAVE_RUN = new RegExp(`(?<![a-z])[a-z](?![a-z])(?:[ \\t.\\-_*\\/',]{1,${MAX_SEPARATORS}}[a-z](?![a-z])){${MIN_SPACED_LETTERS - 1}}`);

function isLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}
function isSeparator(code: number): boolean {
  // space, tab, . - _ * / ' ,
  return code === 0x20 || code === 0x09 || code === 0x2e || code === 0x2d || code === 0x5f || code === 0x2a || code === 0x2f || code === 0x27 || code === 0x2c;
}

/**
 * Finds runs of single letters separated by one to three separators ("i g n o r e", "s.a.y") in a lower-cased
 * view, and builds a view in which each run is joined ("ignore"); a gap of two or more spaces inside a run
 * becomes a word break. Returns `null` when there is no run of at least {@link MIN_SPACED_LETTERS} letters.
 * `precheck: false` skips the quick test that rules runs out (same result, for tests).
 * One left-to-right pass: linear time.
 */
export function despace(source: NormalizedView, precheck = true): DespacedView | null {
  const text = source.text;
  if (precheck && !MAY_HAVE_RUN.test(text)) return null;
  const n = text.length;
  const runs: SpacedRun[] = [];
  const letterIndexes: number[][] = [];
  const breaks: boolean[][] = [];
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const single = isLetter(code) && (i === 0 || !isLetter(text.charCodeAt(i - 1))) && (i + 1 >= n || !isLetter(text.charCodeAt(i + 1)));
    if (!single) {
      i++;
      continue;
    }
    const letters = [i];
    const wordBreaks = [false];
    let j = i + 1;
    for (;;) {
      let k = j;
      let spaces = 0;
      while (k < n && k - j < MAX_SEPARATORS && isSeparator(text.charCodeAt(k))) {
        if (text.charCodeAt(k) === 0x20) spaces++;
        k++;
      }
      if (k === j || k >= n || !isLetter(text.charCodeAt(k)) || (k + 1 < n && isLetter(text.charCodeAt(k + 1)))) break;
      letters.push(k);
      wordBreaks.push(spaces >= 2);
      j = k + 1;
    }
    if (letters.length >= MIN_SPACED_LETTERS) {
      let joined = '';
      for (let m = 0; m < letters.length; m++) joined += (wordBreaks[m] ? ' ' : '') + text[letters[m]!]!;
      runs.push({ start: i, end: j, joined });
      letterIndexes.push(letters);
      breaks.push(wordBreaks);
    }
    i = j;
  }
  if (runs.length === 0) return null;
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let cursor = 0;
  const originalStart = source.originalStart;
  const originalEnd = source.originalEnd;
  const copy = (from: number, to: number) => {
    out += text.slice(from, to);
    for (let p = from; p < to; p++) {
      starts.push(originalStart[p]!);
      ends.push(originalEnd[p]!);
    }
  };
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    copy(cursor, run.start);
    const letters = letterIndexes[r]!;
    const wordBreaks = breaks[r]!;
    for (let m = 0; m < letters.length; m++) {
      const p = letters[m]!;
      if (wordBreaks[m]) {
        out += ' ';
        starts.push(originalStart[p]!);
        ends.push(originalStart[p]!);
      }
      out += text[p]!;
      starts.push(originalStart[p]!);
      ends.push(originalEnd[p]!);
    }
    cursor = run.end;
  }
  copy(cursor, n);
  return { view: { text: out, originalStart: Int32Array.from(starts), originalEnd: Int32Array.from(ends) }, runs };
}
