import { InferenceFailedError, InvalidModelError, LlmShieldError } from '@llm-shield/core';

/** onnxruntime messages that mean "these bytes or this file are not a loadable ONNX model". */
const INVALID_MODEL =
  /protobuf parsing failed|failed to load external data file|external data path|failed to fetch|no graph was found|model data pointer is null|enoent|eacces|eisdir|load model|file doesn't exist|no such file|invalid_protobuf|invalid_graph|no_model|modelproto|is not a valid|failed to load model|opset|no opset import|model_path|unsupported model ir version|ir_version/i;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Maps an error of onnxruntime's session creation to a typed error: {@link InvalidModelError} when the model
 * cannot be read or parsed (a model with external data given as bytes included: its message says to give a path),
 * {@link InferenceFailedError} otherwise (an execution provider that cannot load…).
 * llm-shield errors pass through unchanged.
 */
export function toCreateError(error: unknown, details: Record<string, unknown>): LlmShieldError {
  if (LlmShieldError.isInstance(error)) return error;
  const message = messageOf(error);
  if (INVALID_MODEL.test(message)) {
    // A model with external data (model.onnx + model.onnx.data) given as bytes: onnxruntime has no folder to find it in.
    const hint = 'bytes' in details && /external data/i.test(message) ? ' (a model with external data must be given as { path }, with its data file beside it)' : '';
    return new InvalidModelError(`onnxruntime cannot load the model: ${message}${hint}`, { cause: error, details });
  }
  return new InferenceFailedError(`onnxruntime could not create a session: ${message}`, { cause: error, details });
}

/** Maps an error of `run` to {@link InferenceFailedError}; llm-shield errors pass through unchanged. */
export function toRunError(error: unknown): LlmShieldError {
  if (LlmShieldError.isInstance(error)) return error;
  return new InferenceFailedError(`onnxruntime run failed: ${messageOf(error)}`, { cause: error, details: { reason: 'run-failed' } });
}
