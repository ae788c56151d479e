export { PROMPT_INJECTION_CATEGORIES, type PromptInjectionCategory } from './categories.js';
export {
  detectPromptInjection,
  DEFAULT_PROMPT_INJECTION_THRESHOLD,
  type PromptInjectionOptions,
  type PromptInjectionDetection,
  type PromptInjectionStats,
} from './detector.js';
export { noisyOr } from './combine.js';
export { PROMPT_INJECTION_RULES } from './rules/index.js';
export type { PatternRule, RuleView } from './rule.js';
