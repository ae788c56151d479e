/**
 * The public API of `@llm-shield/cli`: run the command line in-process. Scanning from code is `createShield()` of
 * `@llm-shield/node`; the evaluation internals are not exported.
 */
export * from './main.js';
export * from './exit-code.js';
export * from './cli-io.js';
export * from './usage-error.js';
export * from './version.js';
