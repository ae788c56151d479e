// The production-shaped models of tools/production-shaped/build.py (.cache/production-shaped/<name>/) and the
// embedded models (packages/models-embedded/models/<name>/), with a ModelSourceV1 that serves a chosen precision
// variant: fp32 → model.onnx, int8 → model_int8.onnx, fp16 → model_fp16.onnx, int8-ext → model_int8-ext.onnx (+ its
// external data, model_int8-ext.onnx.data, which onnxruntime finds beside it: such models are served by path).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './model-folder.mjs';

/** .cache/production-shaped. */
export const PRODUCTION_DIR = join(REPO_ROOT, '.cache', 'production-shaped');
/** packages/models-embedded/models. */
export const EMBEDDED_DIR = join(REPO_ROOT, 'packages', 'models-embedded', 'models');

/** The three production-shaped models: scanner, folder, the production model each stands in for. */
export const PRODUCTION_MODELS = [
  { scanner: 'PromptInjection', name: 'deberta-v3-base-injection', standsInFor: 'protectai/deberta-v3-base-prompt-injection-v2' },
  { scanner: 'Toxicity', name: 'roberta-base-toxicity', standsInFor: 'unitary/unbiased-toxic-roberta' },
  { scanner: 'Sentiment', name: 'roberta-base-sentiment', standsInFor: 'cardiffnlp/twitter-roberta-base-sentiment-latest' },
];
/** The embedded models and their scanners. */
export const EMBEDDED_MODELS = [
  { scanner: 'PromptInjection', name: 'prompt-injection' },
  { scanner: 'Toxicity', name: 'toxicity' },
  { scanner: 'Sentiment', name: 'sentiment' },
];

/** The ONNX file of a variant in a model folder. */
export function variantPath(dir, variant) {
  return join(dir, variant === 'fp32' ? 'model.onnx' : `model_${variant}.onnx`);
}

/** Bytes of a file (0 when absent). */
export const fileBytes = (path) => (existsSync(path) ? statSync(path).size : 0);

/** Bytes of a variant's graph plus its external data file (`<graph>.data`, written by build.py's `-ext` variants). */
export const variantBytes = (dir, variant) => fileBytes(variantPath(dir, variant)) + fileBytes(`${variantPath(dir, variant)}.data`);

/**
 * A ModelSourceV1 over a model folder that serves the asked variant's graph, by path (so that onnxruntime finds
 * external data beside it). With `suffix` '-ext' it serves build.py's external-data copy of that variant
 * (model_int8-ext.onnx for int8), still reported as the variant asked (scanners accept fp32, fp16, int8, quantized).
 */
export function variantSource(dir, suffix = '') {
  const file = (path) => ({ path, read: async () => new Uint8Array(readFileSync(path)) });
  return {
    specificationVersion: 'v1',
    async resolve(modelId, options = {}) {
      const variant = options.variant ?? 'fp32';
      const path = variantPath(dir, `${variant}${suffix}`);
      if (!existsSync(path)) throw new Error(`${path} is absent: run tools/production-shaped/build.py`);
      return {
        modelId,
        revision: 'local',
        variant,
        model: file(path),
        config: file(join(dir, 'config.json')),
        tokenizer: file(join(dir, 'tokenizer.json')),
        ...(existsSync(join(dir, 'tokenizer_config.json')) ? { tokenizerConfig: file(join(dir, 'tokenizer_config.json')) } : {}),
      };
    },
  };
}

/** The scanner-facing variant of a bench variant and the file suffix: 'int8-ext' → { variant: 'int8', suffix: '-ext' }. */
export function splitVariant(variant) {
  return variant.endsWith('-ext') ? { variant: variant.slice(0, -'-ext'.length), suffix: '-ext' } : { variant, suffix: '' };
}
