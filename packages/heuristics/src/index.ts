export * from './normalize.js';
export * from './detection.js';
