/**
 * The id of each scanner run in a pipeline result: the scanner's name, with `#2`, `#3`… for repeats of a name, so
 * two scanners of one type in a pipeline stay apart (`Regex`, `Regex#2`).
 */
export function uniqueIds(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}#${count}`;
  });
}

/** Milliseconds from a monotonic clock where there is one (`performance.now()`), else `Date.now()`. */
export function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}
