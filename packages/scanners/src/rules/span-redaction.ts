import type { TextSpan } from '@llm-shield/core';

/** The placeholder llm-guard writes over redacted text. */
export const REDACTED_PLACEHOLDER = '[REDACTED]';

/**
 * Collects `[start, end)` intervals into their union, for redaction. Intervals that arrive in order of their end
 * (as the matchers report them) are merged on the fly in amortised O(1); others are merged by one sort in
 * {@link SpanUnion.intervals}.
 */
export class SpanUnion {
  private starts: number[] = [];
  private ends: number[] = [];
  private sorted = true;

  /** Adds the interval `[start, end)`; empty intervals are ignored. */
  add(start: number, end: number): void {
    if (end <= start) return;
    const n = this.starts.length;
    if (n > 0) {
      const lastStart = this.starts[n - 1]!;
      const lastEnd = this.ends[n - 1]!;
      if (end >= lastEnd && start <= lastEnd) {
        // Overlaps or touches the last interval and reaches at least as far: merge, absorbing earlier ones it covers.
        let newStart = Math.min(start, lastStart);
        this.starts.pop();
        this.ends.pop();
        while (this.ends.length > 0 && this.ends[this.ends.length - 1]! >= newStart) {
          newStart = Math.min(newStart, this.starts.pop()!);
          this.ends.pop();
        }
        this.starts.push(newStart);
        this.ends.push(end);
        return;
      }
      if (end < lastEnd) this.sorted = false;
    }
    this.starts.push(start);
    this.ends.push(end);
  }

  /** Number of intervals held (before the final merge). */
  get size(): number {
    return this.starts.length;
  }

  /** The disjoint, sorted intervals of the union. */
  intervals(): Array<[number, number]> {
    const pairs: Array<[number, number]> = this.starts.map((s, i) => [s, this.ends[i]!]);
    if (!this.sorted) pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const out: Array<[number, number]> = [];
    for (const [s, e] of pairs) {
      const last = out[out.length - 1];
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else out.push([s, e]);
    }
    return out;
  }
}

/**
 * Replaces each interval of `union` in `text` with `placeholder` (default `[REDACTED]`). Overlapping and touching
 * matches become one placeholder. Linear in the text length.
 */
export function redactIntervals(text: string, intervals: ReadonlyArray<readonly [number, number]>, placeholder = REDACTED_PLACEHOLDER): string {
  if (intervals.length === 0) return text;
  const parts: string[] = [];
  let cursor = 0;
  for (const [start, end] of intervals) {
    parts.push(text.slice(cursor, start), placeholder);
    cursor = end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

/** Most spans a finding lists; the redaction still covers every match. */
export const MAX_SPANS_PER_FINDING = 100;

/** A {@link TextSpan} of `text`. */
export function textSpan(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}
