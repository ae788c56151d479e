export type { InferenceRuntimeV1, InferenceSessionV1, ModelInputV1, SessionOptionsV1, TensorV1 } from '@llm-shield/core';
export * from './session-options.js';
