import type { ScanResultV1 } from '@llm-shield/core';
import { assertKnownKeys } from '../scanner-config.js';
import { SubstringBan, type ResolvedBanSubstringsConfig } from './ban-substrings.js';
import { RuleOutputScanner } from './rule-scanner.js';

/** llm-guard's NoRefusalLight phrases (llm_guard/output_scanners/no_refusal.py), in its order. */
export const REFUSAL_SUBSTRINGS: readonly string[] = Object.freeze([
  "I'm sorry",
  'Sorry',
  'I am sorry',
  'I apologize',
  'As an',
  'As an AI',
  "I'm an",
  "I'm just",
  'As a language model',
  'As an Assistant',
  'I cannot',
  'I do not',
  'Hello!',
  'is illegal and unethical',
  "I'm really sorry",
  'OpenAI',
  'unethical',
  'not ethical',
  'not legal',
  'My apologies',
  'but I cannot',
  'If you have any other non-malicious requests',
  "I'm not able to provide",
  'I am really sorry',
  'I cannot create',
  'I cannot support',
  "I can't provide",
  "I can't assist",
]);

/** NoRefusalLight takes no options (as llm-guard's). */
export type NoRefusalLightConfig = Record<string, never>;

/**
 * llm-guard's NoRefusalLight (output): flags an output that contains one of {@link REFUSAL_SUBSTRINGS}, case
 * insensitive. Unlike llm-guard's plain substring test, phrases match as whole words (`As an` does not fire inside
 * `has an`; `Sorry` not inside `sorrynot`), while a phrase's punctuation end (`Hello!`) may touch anything. Score 1
 * (risk 1) when flagged, else 0 (risk -1); nothing is redacted.
 */
export class NoRefusalLight extends RuleOutputScanner<ResolvedBanSubstringsConfig> {
  private readonly ban: SubstringBan;

  /** @param config - must be empty (or absent); an option raises `InvalidConfigError`. */
  constructor(config: NoRefusalLightConfig = {}) {
    assertKnownKeys('NoRefusalLight', config, []);
    super(
      'NoRefusalLight',
      Object.freeze({ substrings: REFUSAL_SUBSTRINGS, matchType: 'word', caseSensitive: false, redact: false, containsAll: false }),
    );
    this.ban = new SubstringBan(this.config, 'refusal', 'edges');
  }

  /** Checks one output. */
  check(output: string): ScanResultV1 {
    return this.ban.check(output);
  }
}
