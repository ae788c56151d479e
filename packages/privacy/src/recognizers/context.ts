/**
 * True when `pattern` matches in the `window` characters before `start` (and, with `after`, after `end`) of `text`.
 * Used to raise or require context words (e.g. `born` before a date). Bounded: reads at most `2 × window` chars.
 */
export function hasContext(text: string, start: number, end: number, pattern: RegExp, window = 48, after = false): boolean {
  const before = text.slice(Math.max(0, start - window), start);
  if (pattern.test(before)) return true;
  return after && pattern.test(text.slice(end, end + window));
}
