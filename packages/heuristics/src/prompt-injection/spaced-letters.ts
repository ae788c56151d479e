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

/**
 * Necessary condition for a run: a single letter followed by four more single letters, each after one to
 * {@link MAX_SEPARATORS} separators. Bounded quantifiers, so a linear-time scan; when it fails, no run exists
 * and the letter-by-letter pass is skipped.
 */
const MAY_HAVE_RUN = new RegExp(`(?<![a-z])[a-z](?![a-z])(?:[ \\t.\\-_*\\/',]{1,${MAX_SEPARATORS}}[a-z](?![a-z])){${MIN_SPACED_LETTERS - 1}}`);

/** {@link MAY_HAVE_RUN}, global: finds the next position where a run of {@link MIN_SPACED_LETTERS} letters starts. */
const RUN_START = new RegExp(MAY_HAVE_RUN.source, 'g');

function isLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}
function isSeparator(code: number): boolean {
  // space, tab, . - _ * / ' ,
  return code === 0x20 || code === 0x09 || code === 0x2e || code === 0x2d || code === 0x5f || code === 0x2a || code === 0x2f || code === 0x27 || code === 0x2c;
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
  if (precheck && !MAY_HAVE_RUN.test(text)) return null;
  const n = text.length;
  const runs: SpacedRun[] = [];
  const letterIndexes: number[][] = [];
  const breaks: boolean[][] = [];
  let i = 0;
  while (i < n) {
    if (precheck) {
      // jump to the next place where a run can start (the regex's necessary condition, matched natively) instead
      // of testing every character: one spaced run in a long text costs about what the plain text costs
      RUN_START.lastIndex = i;
      const next = RUN_START.exec(text);
      if (next === null) break;
      i = next.index;
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
