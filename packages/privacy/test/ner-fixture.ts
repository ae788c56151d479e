/**
 * Test helper: a `ModelSourceV1` over models/fixtures/tiny-deberta-pii-ner (a random-weight DeBERTa-v3 token
 * classifier with ai4privacy's labels; its tokenizer is the DeBERTa-v3 file of the tiny injection fixture), and one
 * whose files cannot be read, for the failure policies.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ModelUnavailableError, type ModelSourceV1 } from '@llm-shield/core';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const NER_FIXTURE = join(REPO_ROOT, 'models/fixtures/tiny-deberta-pii-ner');
const TOKENIZER = join(REPO_ROOT, 'models/fixtures/tiny-deberta-injection/tokenizer.json');

const file = (path: string) => ({ path, read: async () => new Uint8Array(await readFile(path)) });

/** Serves the NER fixture under any id. */
export const nerFixtureSource: ModelSourceV1 = {
  specificationVersion: 'v1',
  async resolve(modelId) {
    return {
      modelId,
      revision: 'fixture',
      variant: 'fp32',
      model: file(join(NER_FIXTURE, 'model.onnx')),
      tokenizer: file(TOKENIZER),
      tokenizerConfig: file(join(NER_FIXTURE, 'tokenizer_config.json')),
      config: file(join(NER_FIXTURE, 'config.json')),
    };
  },
};

/** A source whose model is never available (offline, not cached). */
export const unavailableSource: ModelSourceV1 = {
  specificationVersion: 'v1',
  async resolve(modelId) {
    throw new ModelUnavailableError(`${modelId} is not cached and downloads are off`, { details: { model: modelId } });
  },
};
