/**
 * Combines evidence weights in [0, 1] by noisy-OR: `1 - Π(1 - w)`. The result is in [0, 1], does not depend on
 * the order, and never decreases when a weight is added or increased, so more evidence never lowers a score.
 */
export function noisyOr(weights: Iterable<number>): number {
  let keep = 1;
  for (const weight of weights) {
    const w = Number.isFinite(weight) ? Math.min(1, Math.max(0, weight)) : 0;
    keep *= 1 - w;
  }
  return 1 - keep;
}
