import type { ModelFilesV1, ModelSourceV1, ModelVariant } from '@llm-shield/core';
import type { ProgressCallback } from '../progress.js';
import { resolveByPull } from '../shared/model-unavailable.js';
import { nodeModelFile } from './node-model-file.js';
import { createModelHub, type ModelHub, type ModelHubOptions, type PulledModel } from './pull-model.js';

/** Options of {@link createHubModelSource}: those of {@link createModelHub} plus defaults for each resolve. */
export interface HubModelSourceOptions extends ModelHubOptions {
  /** Variant when `resolve` names none (default: the first the model has of fp32, fp16, int8, quantized). */
  variant?: ModelVariant;
  /** Progress of downloads started by `resolve`. */
  onProgress?: ProgressCallback;
}

/** A {@link ModelSourceV1} over the Hugging Face Hub and its cache, with the {@link ModelHub} it uses. */
export interface HubModelSource extends ModelSourceV1 {
  readonly hub: ModelHub;
}

/**
 * A model source that returns verified files from the hub cache, downloading what is missing unless offline.
 * As the contract asks, failures to obtain the model (offline and not cached, no network, 401/403, 404, checksum,
 * disk full, interrupted) reject with `ModelUnavailableError` whose `cause` is the specific typed error and whose
 * `details.causeCode` is its code; `InvalidConfigError` (unknown model or variant) and `AbortedError` pass through.
 */
export function createHubModelSource(options: HubModelSourceOptions = {}): HubModelSource {
  const hub = createModelHub(options);
  return {
    specificationVersion: 'v1',
    hub,
    resolve: (modelId, resolveOptions = {}) => resolveByPull((id, pullOptions) => hub.pull(id, pullOptions), toModelFiles, modelId, resolveOptions, options),
  };
}

/** The {@link ModelFilesV1} of a pulled model. */
export function toModelFiles(pulled: PulledModel): ModelFilesV1 {
  return {
    modelId: pulled.modelId,
    revision: pulled.commit,
    variant: pulled.variant,
    model: nodeModelFile(pulled.files.model.path),
    tokenizer: nodeModelFile(pulled.files.tokenizer.path),
    ...(pulled.files.tokenizerConfig ? { tokenizerConfig: nodeModelFile(pulled.files.tokenizerConfig.path) } : {}),
    config: nodeModelFile(pulled.files.config.path),
  };
}
