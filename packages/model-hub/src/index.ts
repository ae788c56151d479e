export type { ModelFileV1, ModelFilesV1, ModelSourceV1, ModelVariant } from '@llm-shield/core';
export * from './cache-layout.js';
export * from './hub-environment.js';
export * from './progress.js';
export * from './registry/model-entry.js';
export * from './registry/builtin-models.js';
export * from './registry/model-registry.js';
export * from './browser/index.js';
export * from './url/url-model-source.js';
