/**
 * `@llm-shield/runtime-web/with-ort`: the onnxruntime-web runtime over a module the caller gives (and imports when
 * it wants), without any import of onnxruntime-web itself.
 */
export type { InferenceRuntimeV1, InferenceSessionV1, ModelInputV1, SessionOptionsV1, TensorV1 } from '@llm-shield/core';
export * from './session-options.js';
export { createWebRuntimeWith, type OrtWebModule, type WebRuntime, type WebRuntimeOptions } from './web-runtime-with.js';
export { WebInferenceSession } from './web-session.js';
