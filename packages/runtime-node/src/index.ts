export type { InferenceRuntimeV1, InferenceSessionV1, ModelInputV1, SessionOptionsV1, TensorV1 } from '@llm-shield/core';
export * from './session-options.js';
export { createNodeRuntime, type NodeRuntime, type NodeRuntimeOptions } from './node-runtime.js';
export { NodeInferenceSession } from './node-session.js';
export { checkFeeds, checkTensor } from '@llm-shield/runtime-ort';
export {
  DEFAULT_MIN_MODEL_BYTES,
  MAPPED_DATA_FILE,
  MAPPED_MODEL_FILE,
  resolveMappedModel,
  type MappedWeightsOptions,
} from './mapped-weights/mapped-weights-cache.js';
