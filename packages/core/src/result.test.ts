import { describe, expect, it } from 'vitest';
import { InferenceFailedError } from './errors.js';
import { createScanResult } from './result.js';

describe('createScanResult', () => {
  it('derives validity, risk score and severity, and sorts findings', () => {
    const result = createScanResult({
      score: 0.96,
      threshold: 0.92,
      method: 'ml',
      sanitizedText: 't',
      findings: [
        { category: 'a', score: 0.2, rules: [], spans: [] },
        { category: 'b', score: 0.9, rules: [], spans: [] },
      ],
    });
    expect(result.valid).toBe(false);
    expect(result.riskScore).toBeCloseTo(0.5, 10);
    expect(result.severity).toBe('medium');
    expect(result.findings.map((f) => f.category)).toEqual(['b', 'a']);
    expect(result.explanation).toContain('flagged');
  });
  it('is valid at the threshold and clamps odd scores', () => {
    expect(createScanResult({ score: 0.5, threshold: 0.5, method: 'heuristic', sanitizedText: '' }).valid).toBe(true);
    expect(createScanResult({ score: 7, threshold: 0.5, method: 'heuristic', sanitizedText: '' }).score).toBe(1);
  });
  it('refuses a non-finite score with InferenceFailedError instead of reading it as 0', () => {
    for (const score of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '0.1' as unknown as number]) {
      expect(() => createScanResult({ score, threshold: 0.5, method: 'ml', sanitizedText: '' })).toThrow(
        expect.objectContaining({ code: 'LLMS_INFERENCE_FAILED' }),
      );
    }
    expect(InferenceFailedError.isInstance((() => { try { createScanResult({ score: Number.NaN, threshold: 0.5, method: 'ml', sanitizedText: '' }); } catch (e) { return e; } })())).toBe(true);
  });
});
