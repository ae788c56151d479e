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

describe('parseClassifierConfig: llm_shield settings', () => {
  const base = { id2label: { 0: 'SAFE', 1: 'INJECTION' } };
  it('reads threshold, default_mode and chunk_tokens, each optional', () => {
    expect(parseClassifierConfig({ ...base, llm_shield: { threshold: 0.4, default_mode: 'hybrid', chunk_tokens: 64 } })).toMatchObject({
      threshold: 0.4,
      defaultMode: 'hybrid',
      chunkTokens: 64,
    });
    const none = parseClassifierConfig(base);
    expect(none).not.toHaveProperty('threshold');
    expect(none).not.toHaveProperty('defaultMode');
    expect(parseClassifierConfig({ ...base, llm_shield: {} })).not.toHaveProperty('chunkTokens');
  });
  it.each([[[]], ['x'], [{ threshold: 'high' }], [{ threshold: 1.5 }], [{ default_mode: 'heuristic' }], [{ chunk_tokens: 7.5 }], [{ treshold: 0.5 }]])(
    'refuses llm_shield %j with InvalidModelError',
    (settings) => {
      expect(() => parseClassifierConfig({ ...base, llm_shield: settings })).toThrow(InvalidModelError);
    },
  );
});
