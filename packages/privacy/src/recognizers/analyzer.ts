import { prepareDetectionText } from '../normalize/detection-text.js';
import { BUILTIN_RECOGNIZERS } from './registry.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

/** Options of {@link analyzePii}. */
export interface AnalyzeOptions {
  /** Entity types to report (default: every type of `recognizers`). */
  entityTypes?: readonly string[];
  /** Minimum score a detection needs (default 0.5). */
  threshold?: number;
  /** Recognisers to run (default {@link BUILTIN_RECOGNIZERS}). */
  recognizers?: readonly PiiRecognizer[];
}

/** A detection with its text, spans in the ORIGINAL text. */
export interface PiiEntity extends PiiDetection {
  /** `original.slice(start, end)`. */
  text: string;
}

/**
 * Keeps the strongest of overlapping detections: higher score first, then the longer span, then the earlier one.
 * Returns the kept detections sorted by start.
 */
export function resolveOverlaps<T extends { start: number; end: number; score: number }>(detections: readonly T[]): T[] {
  const ranked = [...detections].sort((a, b) => b.score - a.score || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const d of ranked) {
    if (d.end <= d.start) continue;
    // kept is small in practice, but keep the check linear per detection with a sorted insert + neighbour test
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((kept[mid] as T).start < d.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if (before && before.end > d.start) continue;
    if (after && after.start < d.end) continue;
    kept.splice(lo, 0, d);
  }
  return kept;
}

/**
 * Runs the recognisers on `text` normalised for detection (zero-width characters removed, full-width forms and
 * `@` homoglyphs folded, see `prepareDetectionText`) and returns the entities with spans in the original `text`,
 * overlaps resolved by {@link resolveOverlaps}, sorted by start.
 */
export function analyzePii(text: string, options: AnalyzeOptions = {}): PiiEntity[] {
  if (text.length === 0) return [];
  const recognizers = options.recognizers ?? BUILTIN_RECOGNIZERS;
  const wanted = options.entityTypes ? new Set(options.entityTypes) : undefined;
  const threshold = options.threshold ?? 0.5;
  const prepared = prepareDetectionText(text);
  const found: PiiEntity[] = [];
  for (const recognizer of recognizers) {
    if (wanted && !recognizer.entityTypes.some((t) => wanted.has(t))) continue;
    for (const d of recognizer.detect(prepared.text)) {
      if (d.score < threshold || (wanted && !wanted.has(d.entityType))) continue;
      const span = prepared.toOriginal(d.start, d.end);
      if (span.end <= span.start) continue;
      found.push({ ...d, start: span.start, end: span.end, text: text.slice(span.start, span.end) });
    }
  }
  return resolveOverlaps(found);
}
