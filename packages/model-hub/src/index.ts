export type { ModelFileV1, ModelFilesV1, ModelSourceV1, ModelVariant } from '@llm-shield/core';
export * from './cache-layout.js';
