/**
 * Area under the ROC curve from scores (higher = more positive), by the rank-sum (Mann–Whitney) formula with
 * ties counted half. `null` when either class is absent. O(n log n).
 *
 * @param gold - gold labels (`true` = positive)
 * @param scores - one score per example
 */
export function rocAuc(gold: readonly boolean[], scores: readonly number[]): number | null {
  if (gold.length !== scores.length) throw new RangeError(`gold has ${gold.length} labels, scores ${scores.length}.`);
  const order = scores.map((score, index) => ({ score, positive: gold[index]! })).sort((a, b) => a.score - b.score);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j < order.length && order[j]!.score === order[i]!.score) j++;
    const averageRank = (i + 1 + j) / 2; // ranks i+1 … j
    for (let k = i; k < j; k++) {
      if (order[k]!.positive) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
