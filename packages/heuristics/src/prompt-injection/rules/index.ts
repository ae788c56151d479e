import type { PatternRule } from '../rule.js';
import { CONTEXT_CONFUSION_RULES } from './context-confusion.js';
import { DELIMITER_ATTACK_RULES } from './delimiter-attack.js';
import { INSTRUCTION_OVERRIDE_RULES } from './instruction-override.js';
import { OBFUSCATION_RULES } from './obfuscation.js';
import { PROMPT_EXTRACTION_RULES } from './prompt-extraction.js';
import { ROLE_PLAY_RULES } from './role-play.js';

/** Every pattern rule of the prompt-injection detector, all categories. */
export const PROMPT_INJECTION_RULES: readonly PatternRule[] = [
  ...INSTRUCTION_OVERRIDE_RULES,
  ...ROLE_PLAY_RULES,
  ...CONTEXT_CONFUSION_RULES,
  ...PROMPT_EXTRACTION_RULES,
  ...DELIMITER_ATTACK_RULES,
  ...OBFUSCATION_RULES,
];
