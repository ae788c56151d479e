/**
 * `@llm-shield/models-embedded/assets`: the embedded models' files as static assets for browsers (see
 * {@link loadEmbeddedModelAssets}).
 */
export * from './embedded-assets.js';
