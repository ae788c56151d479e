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
 * With `order: 'shuffled'` each item gets its own pseudo-random order of the methods instead (seeded, so runs
 * repeat): a rotation gives every method the same predecessor on every item, so a method that follows one working
 * on the same text (tokenizing it, say) is always measured with warm caches and branch predictors, and the one
 * after an unrelated method always cold; shuffling lets every method follow every other equally often.
 *
 * @param {Record<string, (i: number) => unknown>} methods - the calls to time, by name
 * @param {number} count - how many items (indices 0..count-1)
 * @param {{ order?: 'rotated' | 'shuffled', random?: () => number }} [options] - `order` (default `rotated`);
 *   `random` in [0, 1) for `shuffled` (default: {@link seededRandom}(1))
 * @returns {Promise<Record<string, number[]>>}
 */
export async function interleavedPass(methods, count, options = {}) {
  const names = Object.keys(methods);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  const random = options.random ?? defaultRandom;
  for (let i = 0; i < count; i++) {
    let order = names;
    if (options.order === 'shuffled') {
      order = [...names];
      for (let j = order.length - 1; j > 0; j--) {
        const r = Math.floor(random() * (j + 1));
        [order[j], order[r]] = [order[r], order[j]];
      }
    }
    for (let k = 0; k < names.length; k++) {
      const name = options.order === 'shuffled' ? order[k] : names[(i + k) % names.length];
      const start = performance.now();
      await methods[name](i);
      times[name].push(performance.now() - start);
    }
  }
  return times;
}

/** A small deterministic generator of numbers in [0, 1) (a linear congruential generator) from `seed`. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

const defaultRandom = seededRandom(1);
