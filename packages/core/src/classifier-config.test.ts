import { describe, expect, it } from 'vitest';
import { parseClassifierConfig } from './classifier-config.js';
import { InvalidModelError } from './errors.js';

describe('parseClassifierConfig', () => {
  it('reads labels in id order and defaults to single-label', () => {
    expect(parseClassifierConfig({ id2label: { '1': 'INJECTION', '0': 'SAFE' } })).toEqual({
      labels: ['SAFE', 'INJECTION'],
      problemType: 'single_label_classification',
    });
  });
  it('recognises multi-label heads (sigmoid)', () => {
    expect(parseClassifierConfig({ id2label: { 0: 'toxic', 1: 'insult' }, problem_type: 'multi_label_classification' }).problemType).toBe(
      'multi_label_classification',
    );
  });
  it.each([null, 'x', {}, { id2label: {} }, { id2label: { 0: 'a', 2: 'b' } }, { id2label: { 0: 1 } }, { id2label: { 0: 'a' }, problem_type: 'regression' }])(
    'rejects %j with InvalidModelError',
    (config) => {
      expect(() => parseClassifierConfig(config)).toThrow(InvalidModelError);
    },
  );
});
