import {
  AbortedError,
  ErrorCode,
  InferenceFailedError,
  InvalidModelError,
  LlmShieldError,
  ModelUnavailableError,
} from '@llm-shield/core';

/** Where a model failed: finding its files, reading them, creating the session, or running it. */
export type ModelFailureStage = 'resolve' | 'files' | 'session' | 'run';

const KEPT: readonly string[] = [ErrorCode.ModelUnavailable, ErrorCode.InvalidModel, ErrorCode.InferenceFailed, ErrorCode.Aborted];

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Turns anything a model source, tokenizer or runtime threw into one of the typed errors of ML scanners:
 * `ModelUnavailableError` (the files could not be had: hub errors, offline, unreadable files), `InvalidModelError`
 * (files or graph do not fit a classifier), `InferenceFailedError` (the runtime failed), or `AbortedError` (kept).
 * Errors already of those codes are returned as they are.
 *
 * @param error - what was thrown
 * @param stage - where it was thrown, which picks the type of a foreign error
 * @param modelId - named in the message
 */
export function toModelError(error: unknown, stage: ModelFailureStage, modelId: string): LlmShieldError {
  if (LlmShieldError.isInstance(error) && KEPT.includes(error.code)) return error;
  const details = { model: modelId, stage, ...(LlmShieldError.isInstance(error) ? { code: error.code } : {}) };
  const options = { cause: error, details };
  switch (stage) {
    case 'resolve':
      return new ModelUnavailableError(`Model ${modelId} is unavailable: ${messageOf(error)}`, options);
    case 'files':
      return LlmShieldError.hasCode(error, ErrorCode.InvalidConfig)
        ? new InvalidModelError(`Model ${modelId} has invalid files: ${messageOf(error)}`, options)
        : new ModelUnavailableError(`Model ${modelId}: its files could not be read: ${messageOf(error)}`, options);
    case 'session':
    case 'run':
      return new InferenceFailedError(`Model ${modelId}: inference failed: ${messageOf(error)}`, options);
  }
}

/** True when `error` is (or wraps) an abort of the scan: an `AbortedError`, or any error once `signal` aborted. */
export function isAbort(error: unknown, signal: Pick<AbortSignal, 'aborted'> | undefined): boolean {
  return AbortedError.isInstance(error) || signal?.aborted === true;
}
