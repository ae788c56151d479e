export type { EncodeOptionsV1, EncodingV1, TokenizerV1, TruncationV1 } from '@llm-shield/core';
export * from './encode-options.js';
