export * from './emotion-labels.js';
export * from './emotion-detection.js';
export * from './definitions.js';
