import {
  AbortedError,
  InvalidConfigError,
  InvalidModelError,
  LlmShieldError,
  ModelUnavailableError,
  type ModelFilesV1,
  type ModelVariant,
} from '@llm-shield/core';
import type { ProgressCallback } from '../progress.js';

/**
 * What a model source raises for a failure to obtain `modelId`: `ModelUnavailableError`, `InvalidModelError`,
 * `InvalidConfigError` and `AbortedError` as they are; anything else wrapped in a `ModelUnavailableError` whose
 * `cause` is the failure and whose `details.causeCode` is its code (llm-shield errors keep message and details).
 *
 * @param error - the failure
 * @param modelId - the model asked for
 */
export function asModelUnavailable(error: unknown, modelId: string): unknown {
  if (
    ModelUnavailableError.isInstance(error) ||
    InvalidModelError.isInstance(error) ||
    InvalidConfigError.isInstance(error) ||
    AbortedError.isInstance(error)
  ) {
    return error;
  }
  const typed = LlmShieldError.isInstance(error);
  return new ModelUnavailableError(typed ? error.message : `Model ${modelId} could not be obtained: ${String(error)}`, {
    cause: error,
    details: { ...(typed ? error.details : {}), modelId, causeCode: typed ? error.code : undefined },
  });
}

/** Options of one pull as a model source passes them on. */
export interface SourcePullOptions {
  variant?: ModelVariant;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
}

/**
 * Resolves `modelId` through `pull`, as both platforms' model sources do: the resolve's variant (else the source's
 * default), signal and the source's progress callback go to `pull`; failures go through {@link asModelUnavailable}.
 *
 * @param pull - the hub's pull
 * @param toFiles - turns a pulled model into its files
 * @param modelId - the model asked for
 * @param resolveOptions - the resolve's variant and signal
 * @param defaults - the source's default variant and progress callback
 */
export async function resolveByPull<P>(
  pull: (modelId: string, options: SourcePullOptions) => Promise<P>,
  toFiles: (pulled: P) => ModelFilesV1,
  modelId: string,
  resolveOptions: { variant?: ModelVariant; signal?: AbortSignal },
  defaults: { variant?: ModelVariant; onProgress?: ProgressCallback },
): Promise<ModelFilesV1> {
  const variant = resolveOptions.variant ?? defaults.variant;
  try {
    const pulled = await pull(modelId, {
      ...(variant === undefined ? {} : { variant }),
      ...(resolveOptions.signal === undefined ? {} : { signal: resolveOptions.signal }),
      ...(defaults.onProgress === undefined ? {} : { onProgress: defaults.onProgress }),
    });
    return toFiles(pulled);
  } catch (error) {
    throw asModelUnavailable(error, modelId);
  }
}
