export * from './shield-middleware.js';
export * from './output-stream-guard.js';
export * from './prompt-texts.js';
export type * from './prompt-types.js';
export { DEFAULT_REFUSAL_MESSAGE, type ShieldLike, type ShieldViolation, type ViolationAction } from '@llm-shield/shield';
export { OutputRejectedError, PromptRejectedError } from '@llm-shield/core';
