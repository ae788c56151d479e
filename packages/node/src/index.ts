export * from '@llm-shield/shield';
export * from './lazy-runtime.js';
export * from './node-platform.js';
export * from './load-config-file.js';
export * from './create-shield.js';
