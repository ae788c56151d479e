/**
 * A {@link ModelSourceV1} over this package's `models/` folder, for tests that run the shipped models through the
 * scanners as users do (the CLI uses `@llm-shield/model-hub`'s local-folder source the same way).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the contracts the shipped models are read through
import type { ModelFilesV1, ModelSourceV1, ModelVariant } from '@llm-shield/core';
import { EMBEDDED_MODELS, type EmbeddedModelTask } from '../src/index.js';

/** The package's `models/` folder. */
export const MODELS_DIR = fileURLToPath(new URL('../models/', import.meta.url));

/** Serves the embedded model named by the id `llm-shield/<task>`; `int8` when asked and shipped, else fp32. */
export function embeddedSource(): ModelSourceV1 {
  return {
    specificationVersion: 'v1',
    async resolve(modelId: string, options?: { variant?: ModelVariant }): Promise<ModelFilesV1> {
      const task = modelId.replace(/^llm-shield\//, '') as EmbeddedModelTask;
      const model = EMBEDDED_MODELS[task];
      if (!model) throw new Error(`no embedded model ${modelId}`);
      const file = (relative: string) => {
        const path = join(MODELS_DIR, relative);
        return { path, read: async () => new Uint8Array(await readFile(path)) };
      };
      const int8 = options?.variant === 'int8' && model.files.int8 !== undefined;
      return {
        modelId,
        revision: 'embedded',
        variant: int8 ? 'int8' : 'fp32',
        model: file(int8 ? model.files.int8! : model.files.fp32),
        tokenizer: file(model.files.tokenizer),
        tokenizerConfig: file(model.files.tokenizerConfig),
        config: file(model.files.config),
      };
    },
  };
}
