export * from './scanner-config.js';
export * from './classifier-scanner.js';
export * from './prompt-injection.js';
export * from './toxicity.js';
export * from './sentiment.js';
export * from './registry.js';
