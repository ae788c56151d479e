/**
 * `@llm-shield/shield/config`: the configuration parser (YAML via `yaml`, validation via `zod`). A separate entry so
 * that importing `@llm-shield/shield` (and creating a shield without a configuration) does not load either library:
 * together they cost about a quarter of a cold start. `createShieldWith` and `loadShieldConfigFile` import it on use.
 */
export * from './config-schema.js';
export * from './parse-config.js';
export * from './config-limits.js';
