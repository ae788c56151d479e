export type { InferenceRuntimeV1, InferenceSessionV1, ModelInputV1, SessionOptionsV1, TensorV1 } from '@llm-shield/core';
export * from './session-options.js';
export { createNodeRuntime, type NodeRuntime, type NodeRuntimeOptions } from './node-runtime.js';
export { NodeInferenceSession } from './node-session.js';
export { checkFeeds, checkTensor } from '@llm-shield/runtime-ort';
