/**
 * A `ModelSourceV1` over a local folder of fixture models, for tests that run the scanners in Node next to the
 * browser page (which fetches the same files over HTTP).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ModelUnavailableError, type ModelFileV1, type ModelFilesV1, type ModelSourceV1, type ModelVariant } from '@llm-shield/core';
import { VARIANT_FILE_NAMES } from './browser/http-model-source.js';

function localFile(path: string): ModelFileV1 {
  return { path, read: () => Promise.resolve(new Uint8Array(readFileSync(path))) };
}

/**
 * Serves `<root>/<modelId>/{model.onnx, config.json, tokenizer.json, tokenizer_config.json}`, with the variant's ONNX
 * graph (`model_int8.onnx` for int8, see {@link VARIANT_FILE_NAMES}); a folder without `config.json` is unavailable
 * (`ModelUnavailableError`).
 *
 * @param root - folder holding one folder per model id
 */
export function createFsModelSource(root: string): ModelSourceV1 {
  return {
    specificationVersion: 'v1',
    resolve(modelId: string, options?: { variant?: ModelVariant }): Promise<ModelFilesV1> {
      const folder = join(root, modelId);
      if (!existsSync(join(folder, 'config.json'))) {
        return Promise.reject(new ModelUnavailableError(`${modelId}: no config.json in ${folder}.`, { details: { modelId } }));
      }
      const variant = options?.variant ?? 'fp32';
      return Promise.resolve({
        modelId,
        revision: 'local',
        variant,
        model: localFile(join(folder, VARIANT_FILE_NAMES[variant])),
        config: localFile(join(folder, 'config.json')),
        tokenizer: localFile(join(folder, 'tokenizer.json')),
        tokenizerConfig: localFile(join(folder, 'tokenizer_config.json')),
      });
    },
  };
}
