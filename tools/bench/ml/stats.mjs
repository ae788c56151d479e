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

/**
 * One timing pass over `count` items: every method runs on every item, their order rotated per item so no method
 * always runs first (warm caches, JIT). Returns the milliseconds of each call per method name.
 *
 * @param {Record<string, (i: number) => unknown>} methods - the calls to time, by name
 * @param {number} count - how many items (indices 0..count-1)
 * @returns {Promise<Record<string, number[]>>}
 */
export async function interleavedPass(methods, count) {
  const names = Object.keys(methods);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < count; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      const start = performance.now();
      await methods[name](i);
      times[name].push(performance.now() - start);
    }
  }
  return times;
}
