export * from './normalize.js';
export * from './detection.js';
export * from './prompt-injection/index.js';
export * from './toxicity/index.js';
export * from './sentiment/index.js';
