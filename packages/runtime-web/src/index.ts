export type { InferenceRuntimeV1, InferenceSessionV1, ModelInputV1, SessionOptionsV1, TensorV1 } from '@llm-shield/core';
export * from './session-options.js';
export { createWebRuntime, type WebRuntime, type WebRuntimeOptions } from './web-runtime.js';
export { createWebRuntimeWith, type OrtWebModule } from './web-runtime-with.js';
export { WebInferenceSession } from './web-session.js';
export { checkFeeds, checkTensor } from '@llm-shield/runtime-ort';
