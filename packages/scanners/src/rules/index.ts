export * from './rule-options.js';
export * from './span-redaction.js';
export * from './word-boundary.js';
export * from './case-fold.js';
export * from './literal-matcher.js';
export * from './rule-scanner.js';
export * from './ban-substrings.js';
export * from './no-refusal-light.js';
