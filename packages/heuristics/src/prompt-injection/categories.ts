/** The kinds of prompt injection the rule-based detector reports, one finding per kind that fired. */
export const PROMPT_INJECTION_CATEGORIES = [
  'instruction_override',
  'role_play',
  'context_confusion',
  'prompt_extraction',
  'delimiter_attack',
  'obfuscation',
] as const;

/** One of {@link PROMPT_INJECTION_CATEGORIES}. */
export type PromptInjectionCategory = (typeof PROMPT_INJECTION_CATEGORIES)[number];
