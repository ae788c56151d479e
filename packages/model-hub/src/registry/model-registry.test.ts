import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS, DEFAULT_SCANNER_MODELS } from './builtin-models.js';
import { assertModelEntry, assertRepoPath, defineModelEntry, type ModelRegistryEntry } from './model-entry.js';
import { createModelRegistry, variantFiles } from './model-registry.js';

describe('built-in registry', () => {
  it('holds valid entries for each scanner default, with unverified pins that say how to confirm them', () => {
    for (const entry of Object.values(BUILTIN_MODELS)) {
      expect(() => assertModelEntry(entry)).not.toThrow();
      expect(entry.revision.status).toBe('unverified');
      expect(entry.revision.source).toMatch(/paths-info/);
    }
    const registry = createModelRegistry();
    expect(registry.get(DEFAULT_SCANNER_MODELS.PromptInjection).files.onnx.fp32).toBe('onnx/model.onnx');
    expect(registry.get(DEFAULT_SCANNER_MODELS.Toxicity).repoId).toBe('ProtectAI/unbiased-toxic-roberta-onnx');
    expect(registry.get('xenova/twitter-roberta-base-sentiment-latest').id).toBe('cardiffnlp/twitter-roberta-base-sentiment-latest');
    const ner = registry.get('isotonic/deberta-v3-base_finetuned_ai4privacy_v2');
    expect(ner).toMatchObject({ task: 'pii-ner', scanners: ['Anonymize', 'Sensitive'], revision: { commit: '9ea992753ab2686be4a8f64605ccc7be197ad794' } });
    expect(ner.labels).toHaveLength(113);
    expect(ner.files.onnx.fp32).toBe('onnx/model.onnx');
  });

  it('picks variant files, the first available by default, and names the available ones otherwise', () => {
    const sentiment = BUILTIN_MODELS['cardiffnlp/twitter-roberta-base-sentiment-latest'];
    expect(variantFiles(sentiment)).toMatchObject({ variant: 'fp32', model: 'onnx/model.onnx', tokenizer: 'tokenizer.json' });
    expect(variantFiles(sentiment, 'quantized').model).toBe('onnx/model_quantized.onnx');
    expect(() => variantFiles(BUILTIN_MODELS['protectai/deberta-v3-base-prompt-injection-v2'], 'int8')).toThrow(/available: fp32/);
  });
});

describe('user entries', () => {
  it('defineModelEntry fills defaults; a branch or no revision makes an unverified pin', () => {
    const entry = defineModelEntry({ repoId: 'me/my-model' });
    expect(entry).toMatchObject({
      id: 'me/my-model',
      revision: { commit: null, branch: 'main', status: 'unverified' },
      files: { onnx: { fp32: 'onnx/model.onnx' }, tokenizer: 'tokenizer.json', config: 'config.json' },
      defaults: { threshold: 0.5, maxLength: 512 },
    });
    expect(defineModelEntry({ repoId: 'me/m', revision: 'dev' }).revision).toMatchObject({ branch: 'dev', status: 'unverified' });
    expect(defineModelEntry({ repoId: 'me/m', revision: 'a'.repeat(40) }).revision).toMatchObject({ commit: 'a'.repeat(40), status: 'verified' });
  });

  it('a user entry is found by id or repo id and may replace a built-in', () => {
    const mine = defineModelEntry({ id: 'protectai/deberta-v3-base-prompt-injection-v2', repoId: 'me/pi-onnx', onnx: { int8: 'model_int8.onnx' } });
    const registry = createModelRegistry([mine]);
    expect(registry.get('protectai/deberta-v3-base-prompt-injection-v2').repoId).toBe('me/pi-onnx');
    expect(registry.find('ME/PI-ONNX')).toBe(mine);
    expect(registry.list()).toHaveLength(Object.keys(BUILTIN_MODELS).length); // the built-ins, one replaced
    expect(() => registry.get('nobody/nothing')).toThrow(InvalidConfigError);
  });

  it.each([
    ['bad repo', { repoId: '../etc' }],
    ['escaping path', { repoId: 'me/m', onnx: { fp32: '../../blobs/x' } }],
    ['absolute path', { repoId: 'me/m', tokenizer: '/etc/passwd' }],
    ['no variant', { repoId: 'me/m', onnx: {} }],
  ])('rejects %s', (_name, input) => {
    expect(() => defineModelEntry(input)).toThrow(InvalidConfigError);
  });

  it('rejects a verified pin that is not a commit id', () => {
    const entry = { ...defineModelEntry({ repoId: 'me/m' }), revision: { commit: 'main', branch: 'main', status: 'verified', source: 'x' } };
    expect(() => assertModelEntry(entry as ModelRegistryEntry)).toThrow(/40-hex/);
    expect(() => assertRepoPath('a\\b')).toThrow(InvalidConfigError);
  });
});
