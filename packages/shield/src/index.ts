// The parser and schema (zod, yaml) are in the `@llm-shield/shield/config` entry, loaded on use; types only here.
export type { ScannerEntry, ShieldConfig } from './config/config-schema.js';
export type { ParseConfigOptions } from './config/parse-config.js';
export * from './config/config-limits.js';
export * from './config/load-config-module.js';
export * from './config/env-substitution.js';
export * from './catalog/scanner-catalog.js';
export * from './catalog/scanner-params.js';
export * from './catalog/builtin-catalog.js';
export * from './policy/model-platform.js';
export * from './policy/resolve-model.js';
export * from './shield.js';
export * from './integration/shield-like.js';
export * from './integration/guard-options.js';
export * from './integration/input-texts.js';
export * from './integration/guarded-call.js';
