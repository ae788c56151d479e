export * from '@llm-shield/shield';
export { createUrlModelSource, openBrowserModelStore, createMemoryModelStore, type UrlModelSourceOptions, type UrlModelFileSpec, type BrowserModelStore } from '@llm-shield/model-hub/browser';
export * from './lazy-web-runtime.js';
export * from './embedded-model-source.js';
export * from './browser-platform.js';
export * from './create-shield.js';
