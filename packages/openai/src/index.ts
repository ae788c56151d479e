export * from './wrap-openai.js';
export * from './chat-completions.js';
export * from './responses.js';
export * from './guarded-stream.js';
export { DEFAULT_REFUSAL_MESSAGE, type ShieldLike, type ShieldViolation, type ViolationAction } from '@llm-shield/shield';
export { OutputRejectedError, PromptRejectedError } from '@llm-shield/core';
