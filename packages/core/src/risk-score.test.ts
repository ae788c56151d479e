import { describe, expect, it } from 'vitest';
import { calculateRiskScore, severityFromRiskScore } from './risk-score.js';

describe('calculateRiskScore', () => {
  it('matches llm-guard above the threshold: (s - t) / (1 - t)', () => {
    expect(calculateRiskScore(0.96, 0.92)).toBeCloseTo(0.5, 10);
    expect(calculateRiskScore(1, 0.5)).toBe(1);
  });
  it('matches llm-guard at or below the threshold: (s - t) / t', () => {
    expect(calculateRiskScore(0.46, 0.92)).toBeCloseTo(-0.5, 10);
    expect(calculateRiskScore(0, 0.5)).toBe(-1);
    expect(calculateRiskScore(0.5, 0.5)).toBe(0);
  });
  it('rounds to one decimal like llm-guard when asked', () => {
    expect(calculateRiskScore(0.97, 0.92, { round: true })).toBe(0.6);
  });
  it('stays in [-1, 1] for edge thresholds and odd scores', () => {
    expect(calculateRiskScore(1, 1)).toBe(0);
    expect(calculateRiskScore(0.2, 0)).toBeCloseTo(0.2, 10);
    expect(calculateRiskScore(0, 0)).toBe(0);
    expect(calculateRiskScore(2, 0.5)).toBe(1);
    expect(Number.isNaN(calculateRiskScore(Number.NaN, 0.5))).toBe(true);
  });
  it('buckets severity', () => {
    expect(severityFromRiskScore(-0.3)).toBe('none');
    expect(severityFromRiskScore(0)).toBe('none');
    expect(severityFromRiskScore(0.2)).toBe('low');
    expect(severityFromRiskScore(0.4)).toBe('medium');
    expect(severityFromRiskScore(0.7)).toBe('high');
    expect(severityFromRiskScore(0.9)).toBe('critical');
  });
});
