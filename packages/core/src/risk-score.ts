/**
 * llm-guard's risk score: how far a score lies beyond (positive) or below (negative) the threshold,
 * scaled to [-1, 1]. Above the threshold it is (s - t) / (1 - t), otherwise (s - t) / t, then clamped.
 * llm-guard rounds the value to one decimal; pass `{ round: true }` for the identical number.
 *
 * @param score - detector score in [0, 1]
 * @param threshold - the scanner's threshold in [0, 1]
 * @param options.round - round to one decimal as llm-guard does (default `false`)
 */
export function calculateRiskScore(score: number, threshold: number, options: { round?: boolean } = {}): number {
  if (!Number.isFinite(score) || !Number.isFinite(threshold)) return Number.NaN;
  let risk: number;
  if (score > threshold) {
    risk = threshold >= 1 ? 1 : (score - threshold) / (1 - threshold);
  } else {
    risk = threshold <= 0 ? 0 : (score - threshold) / threshold;
  }
  if (options.round) risk = Math.round(risk * 10) / 10;
  const clamped = Math.min(1, Math.max(-1, risk));
  return clamped === 0 ? 0 : clamped;
}

/** Coarse bucket of a risk score, for people and alerting. */
export type Severity = 'none' | 'low' | 'medium' | 'high' | 'critical';

/**
 * Maps a risk score in [-1, 1] to a severity: `none` at or below 0 (not above threshold), then
 * `low` up to 0.25, `medium` up to 0.5, `high` up to 0.75, `critical` above.
 */
export function severityFromRiskScore(riskScore: number): Severity {
  if (!(riskScore > 0)) return 'none';
  if (riskScore <= 0.25) return 'low';
  if (riskScore <= 0.5) return 'medium';
  if (riskScore <= 0.75) return 'high';
  return 'critical';
}
