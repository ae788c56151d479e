// Small statistics helpers for the ML benchmarks.

/** The q-quantile (0..1) of numbers, linear between closest ranks. */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

/** Median with min and max of repeated measurements. */
export function summary(values) {
  return { median: quantile(values, 0.5), min: Math.min(...values), max: Math.max(...values) };
}

/** `1.23 (1.20–1.31)` with the given digits. */
export function formatSummary(s, digits = 3) {
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
}
