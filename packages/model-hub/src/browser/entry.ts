/**
 * `@llm-shield/model-hub/browser`: the browser entry point, everything of `@llm-shield/model-hub` (registry, layout
 * helpers, progress types and the browser model cache: `createBrowserModelSource`, `listBrowserCachedModels`…). It
 * holds no Node-only code; `@llm-shield/model-hub/node` has the filesystem cache.
 */
export * from '../index.js';
