import { InvalidConfigError, type ModelVariant } from '@llm-shield/core';
import { BUILTIN_MODELS } from './builtin-models.js';
import { assertModelEntry, MODEL_VARIANTS, type ModelRegistryEntry } from './model-entry.js';

/** A set of models, looked up by registry id or by the id of the repo that holds the files. */
export interface ModelRegistry {
  /** Every entry, built-ins first, in insertion order. */
  list(): readonly ModelRegistryEntry[];
  /** The entry for a registry id or repo id (case-insensitive), or `undefined`. */
  find(idOrRepoId: string): ModelRegistryEntry | undefined;
  /** Like {@link ModelRegistry.find} but raises {@link InvalidConfigError} listing the known ids. */
  get(idOrRepoId: string): ModelRegistryEntry;
}

/** Options of {@link createModelRegistry}. */
export interface ModelRegistryOptions {
  /** Include {@link BUILTIN_MODELS} (default true). */
  builtins?: boolean;
}

/**
 * Creates a registry of the built-in models plus `entries` (validated with {@link assertModelEntry}). A user entry
 * with the id of a built-in replaces it.
 */
export function createModelRegistry(entries: readonly ModelRegistryEntry[] = [], options: ModelRegistryOptions = {}): ModelRegistry {
  const byId = new Map<string, ModelRegistryEntry>();
  if (options.builtins ?? true) for (const entry of Object.values(BUILTIN_MODELS)) byId.set(entry.id.toLowerCase(), entry);
  for (const entry of entries) byId.set(assertModelEntry(entry).id.toLowerCase(), entry);
  const find = (idOrRepoId: string): ModelRegistryEntry | undefined => {
    const key = idOrRepoId.toLowerCase();
    return byId.get(key) ?? [...byId.values()].find((entry) => entry.repoId.toLowerCase() === key);
  };
  return {
    list: () => [...byId.values()],
    find,
    get(idOrRepoId) {
      const entry = find(idOrRepoId);
      if (entry) return entry;
      throw new InvalidConfigError(
        `Unknown model ${JSON.stringify(idOrRepoId)}. Known: ${[...byId.values()].map((e) => e.id).join(', ')}. ` +
          'Add your own with defineModelEntry({ repoId, onnx }) or use a local folder.',
        { details: { modelId: idOrRepoId } },
      );
    },
  };
}

/** The repo paths of one variant of a model. */
export interface ModelVariantFiles {
  variant: ModelVariant;
  model: string;
  tokenizer: string;
  tokenizerConfig?: string;
  config: string;
}

/**
 * The files to fetch for `variant` of `entry`; without a variant, the first the repo has of fp32, fp16, int8,
 * quantized. Raises {@link InvalidConfigError} naming the available variants when the repo lacks it.
 */
export function variantFiles(entry: ModelRegistryEntry, variant?: ModelVariant): ModelVariantFiles {
  const chosen = variant ?? MODEL_VARIANTS.find((candidate) => entry.files.onnx[candidate] !== undefined);
  const model = chosen === undefined ? undefined : entry.files.onnx[chosen];
  if (chosen === undefined || model === undefined) {
    throw new InvalidConfigError(
      `Model ${entry.id} has no ${JSON.stringify(variant)} variant; available: ${Object.keys(entry.files.onnx).join(', ')}.`,
      { details: { modelId: entry.id, variant } },
    );
  }
  return {
    variant: chosen,
    model,
    tokenizer: entry.files.tokenizer,
    ...(entry.files.tokenizerConfig === undefined ? {} : { tokenizerConfig: entry.files.tokenizerConfig }),
    config: entry.files.config,
  };
}
