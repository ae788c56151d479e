/**
 * A `ModelSourceV1` for the browser test's page: the model files of `<base><modelId>/` fetched over HTTP from the
 * test server, as a web application would serve its own models.
 */
import { ModelUnavailableError, type ModelFileV1, type ModelFilesV1, type ModelSourceV1, type ModelVariant } from '@llm-shield/core';

/** ONNX file of each variant in a model folder, as transformers.js / Optimum exports (and models-embedded) name them. */
export const VARIANT_FILE_NAMES: Readonly<Record<ModelVariant, string>> = {
  fp32: 'model.onnx',
  fp16: 'model_fp16.onnx',
  int8: 'model_int8.onnx',
  quantized: 'model_quantized.onnx',
};

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function httpFile(url: string): ModelFileV1 {
  return { read: () => fetchBytes(url) };
}

/**
 * Serves the variant's ONNX graph ({@link VARIANT_FILE_NAMES}: `model.onnx` for fp32, `model_int8.onnx` for int8…),
 * `config.json`, `tokenizer.json` and `tokenizer_config.json` of `<base><modelId>/`. A model whose `config.json` is
 * not served is unavailable (`ModelUnavailableError`), so scanners fall back.
 *
 * @param base - URL prefix ending in `/`, e.g. `/fixtures/`
 */
export function createHttpModelSource(base: string): ModelSourceV1 {
  return {
    specificationVersion: 'v1',
    async resolve(modelId: string, options?: { variant?: ModelVariant; signal?: AbortSignal }): Promise<ModelFilesV1> {
      const folder = `${base}${encodeURIComponent(modelId)}/`;
      const probe = await fetch(`${folder}config.json`, { method: 'HEAD', ...(options?.signal ? { signal: options.signal } : {}) });
      if (!probe.ok) throw new ModelUnavailableError(`${modelId}: ${folder}config.json answered ${probe.status}.`, { details: { modelId } });
      const variant = options?.variant ?? 'fp32';
      return {
        modelId,
        revision: 'test-server',
        variant,
        model: httpFile(`${folder}${VARIANT_FILE_NAMES[variant]}`),
        config: httpFile(`${folder}config.json`),
        tokenizer: httpFile(`${folder}tokenizer.json`),
        tokenizerConfig: httpFile(`${folder}tokenizer_config.json`),
      };
    },
  };
}
