export * from './categories.js';
export { detectToxicity } from './detect.js';
export { tokenizeForToxicity, type ToxicToken } from './tokens.js';
export { resolveToxicToken, resolveSpelled, type ToxicTerm, type TermMatch } from './lexicon.js';
export { findPatterns, type PatternHit } from './patterns.js';
