import { InvalidModelError } from '@llm-shield/core';
import type { ModelReader } from './classifier-scanner.js';
import { foldLabel, MIN_LABEL_FINDING_SCORE } from './model-labels.js';

/** Labels that mean "prompt injection" (protectai's `INJECTION`, and common synonyms). */
export const INJECTION_LABELS: readonly string[] = ['injection', 'jailbreak', 'prompt_injection', 'malicious', 'unsafe'];
/** Labels that mean "safe", used to find the other label of a binary model. */
export const SAFE_LABELS: readonly string[] = ['safe', 'benign', 'legit', 'legitimate', 'clean'];

/**
 * Reads a binary SAFE/INJECTION classifier such as `protectai/deberta-v3-base-prompt-injection-v2`: the score is
 * P(INJECTION). The injection label is found by name ({@link INJECTION_LABELS}), or as the label beside a safe one
 * ({@link SAFE_LABELS}) in a two-label model; otherwise `InvalidModelError`. The finding is `injection` with that
 * probability (left out below {@link MIN_LABEL_FINDING_SCORE}).
 */
export function bindPromptInjectionLabels(labels: readonly string[]): ModelReader {
  const folded = labels.map(foldLabel);
  let index = folded.findIndex((label) => INJECTION_LABELS.includes(label));
  if (index < 0 && labels.length === 2) {
    const safe = folded.findIndex((label) => SAFE_LABELS.includes(label));
    if (safe >= 0) index = 1 - safe;
  }
  if (index < 0) {
    throw new InvalidModelError(
      `PromptInjection: the model's labels [${labels.join(', ')}] name no injection label (${INJECTION_LABELS.join(', ')}), nor a safe one beside it.`,
      { details: { labels: [...labels] } },
    );
  }
  const name = labels[index]!;
  return (probabilities) => {
    const score = probabilities[index] ?? 0;
    return {
      score,
      findings: score >= MIN_LABEL_FINDING_SCORE ? [{ category: 'injection', score, rules: [], spans: [] }] : [],
      summary: `${name} ${score.toFixed(2)}`,
    };
  };
}
