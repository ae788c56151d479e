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

/**
 * The de-spaced view of a text and the runs that were joined. The view holds only the text within
 * {@link DESPACED_CONTEXT} characters of a run (windows in text order, joined by {@link WINDOW_SEPARATOR}), so its
 * size follows the runs, not the text: one spaced run in 1 MB costs a window, not a copy of the megabyte.
 */
export interface DespacedView {
  view: NormalizedView;
  runs: SpacedRun[];
  /** Per run, its `[start, end)` in `view.text` (where the joined letters stand), in run order. */
  runRanges: Int32Array;
}

/**
 * Characters of context kept on each side of a run in the de-spaced view (default 256): longer than any rule's
 * match (every gap in the rules is bounded), so a rule that needs a run's letters joined sees all it needs.
 */
export const DESPACED_CONTEXT = 256;

/**
 * What joins two windows of the de-spaced view: 64 line breaks, longer than any bounded gap a rule may cross
 * (the longest is 40 characters), and a line break stops every `[^\n]` / `.` gap.
 */
export const WINDOW_SEPARATOR = '\n'.repeat(64);

/**
 * True when `[start, end)` of the de-spaced view overlaps a joined run: only such a match needed the letters joined
 * (anything else in the windows is ordinary text the other views already match).
 */
export function overlapsRun(view: DespacedView, start: number, end: number): boolean {
  const ranges = view.runRanges;
  for (let r = 0; r < ranges.length; r += 2) {
    if (ranges[r]! >= end) return false;
    if (ranges[r + 1]! > start) return true;
  }
  return false;
}

/** Shortest run (in letters) that is joined. */
export const MIN_SPACED_LETTERS = 5;
const MAX_SEPARATORS = 3;

function isLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}
function isSeparator(code: number): boolean {
  // space, tab, . - _ * / ' ,
  return code === 0x20 || code === 0x09 || code === 0x2e || code === 0x2d || code === 0x5f || code === 0x2a || code === 0x2f || code === 0x27 || code === 0x2c;
}

/**
 * The first index at or after `from` where a run of at least {@link MIN_SPACED_LETTERS} single letters starts
 * (a letter with no letter on either side, then more such letters each after one to {@link MAX_SEPARATORS}
 * separators), or -1: the necessary condition for a run, which the letter-by-letter pass then confirms. The same
 * positions as the regular expression
 * `(?<![a-z])[a-z](?![a-z])(?:[ \t.\-_*\/',]{1,3}[a-z](?![a-z])){4}` (checked in the tests), found by one
 * pass over the character codes that skips whole words, without the expression's per-position attempts.
 */
export function nextRunStart(text: string, from: number): number {
  const n = text.length;
  let chainStart = -1;
  let chain = 0;
  // separators since the last single letter of the chain; the chain breaks past MAX_SEPARATORS
  let gap = 0;
  let i = from;
  // a letter just before `from` makes the letter at `from` part of a word
  if (i > 0 && i < n && isLetter(text.charCodeAt(i - 1))) {
    while (i < n && isLetter(text.charCodeAt(i))) i++;
  }
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isLetter(code)) {
      if (i + 1 < n && isLetter(text.charCodeAt(i + 1))) {
        // a word of two or more letters: breaks the chain; skip it
        i += 2;
        while (i < n && isLetter(text.charCodeAt(i))) i++;
        chain = 0;
        continue;
      }
      if (chain > 0 && gap >= 1) {
        chain++;
      } else {
        chain = 1;
        chainStart = i;
      }
      if (chain >= MIN_SPACED_LETTERS) return chainStart;
      gap = 0;
    } else if (chain > 0) {
      if (isSeparator(code) && gap < MAX_SEPARATORS) gap++;
      else chain = 0;
    }
    i++;
  }
  return -1;
}

/**
 * Finds runs of single letters separated by one to three separators ("i g n o r e", "s.a.y") in a lower-cased
 * view, and builds a view in which each run is joined ("ignore"), with {@link DESPACED_CONTEXT} characters of
 * context around each run; a gap of two or more spaces inside a run becomes a word break. Returns `null` when there is no run of at least {@link MIN_SPACED_LETTERS} letters.
 * `precheck: false` skips the quick test that rules runs out (same result, for tests).
 * One left-to-right pass: linear time.
 */
export function despace(source: NormalizedView, precheck = true): DespacedView | null {
  const text = source.text;
  const first = precheck ? nextRunStart(text, 0) : 0;
  if (first === -1) return null;
  const n = text.length;
  const runs: SpacedRun[] = [];
  const letterIndexes: number[][] = [];
  const breaks: boolean[][] = [];
  let i = first;
  while (i < n) {
    if (precheck && i > first) {
      // jump to the next place where a run can start instead of testing every character: one spaced run in a
      // long text costs about what the plain text costs
      const next = nextRunStart(text, i);
      if (next === -1) break;
      i = next;
    }
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
  // windows of context around the runs, merged where they touch
  const windows: number[] = [];
  for (const run of runs) {
    const from = Math.max(0, run.start - DESPACED_CONTEXT);
    const to = Math.min(n, run.end + DESPACED_CONTEXT);
    if (windows.length > 0 && from <= windows[windows.length - 1]!) windows[windows.length - 1] = to;
    else windows.push(from, to);
  }
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const runRanges = new Int32Array(runs.length * 2);
  const originalStart = source.originalStart;
  const originalEnd = source.originalEnd;
  const copy = (from: number, to: number) => {
    out += text.slice(from, to);
    for (let p = from; p < to; p++) {
      starts.push(originalStart[p]!);
      ends.push(originalEnd[p]!);
    }
  };
  let r = 0;
  for (let w = 0; w < windows.length; w += 2) {
    const windowEnd = windows[w + 1]!;
    if (w > 0) {
      // zero-width in the original, at the end of the previous window
      const at = ends.length > 0 ? ends[ends.length - 1]! : 0;
      out += WINDOW_SEPARATOR;
      for (let p = 0; p < WINDOW_SEPARATOR.length; p++) {
        starts.push(at);
        ends.push(at);
      }
    }
    let cursor = windows[w]!;
    for (; r < runs.length && runs[r]!.start < windowEnd; r++) {
      const run = runs[r]!;
      copy(cursor, run.start);
      runRanges[2 * r] = out.length;
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
      runRanges[2 * r + 1] = out.length;
      cursor = run.end;
    }
    copy(cursor, windowEnd);
  }
  return { view: { text: out, originalStart: Int32Array.from(starts), originalEnd: Int32Array.from(ends) }, runs, runRanges };
}
