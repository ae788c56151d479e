import { describe, expect, it } from 'vitest';
import { InferenceFailedError } from './errors.js';
import { createFailedClosedResult } from './failed-closed.js';

describe('createFailedClosedResult', () => {
  it('is invalid with score 1, method failed-closed and the error code and message', () => {
    const result = createFailedClosedResult({ text: 'hi', threshold: 1, error: new InferenceFailedError('session died'), subject: 'model x' });
    expect(result).toMatchObject({
      valid: false,
      score: 1,
      riskScore: 1,
      severity: 'critical',
      method: 'failed-closed',
      sanitizedText: 'hi',
      failure: { code: 'LLMS_INFERENCE_FAILED', message: 'session died' },
    });
    expect(result.explanation).toBe('failed closed: model x could not answer (LLMS_INFERENCE_FAILED): session died');
    expect(createFailedClosedResult({ text: '', threshold: 0.5, error: new TypeError('x') }).failure?.code).toBe('LLMS_SCANNER_FAILED');
  });
});
