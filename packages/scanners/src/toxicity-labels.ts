import { InvalidModelError } from '@llm-shield/core';
import { TOXICITY_CATEGORIES } from '@llm-shield/heuristics';
import type { ModelReader } from './classifier-scanner.js';
import { foldLabel, MIN_LABEL_FINDING_SCORE } from './model-labels.js';

/**
 * Categories of the Toxicity scanner: the heuristic's six Jigsaw categories ({@link TOXICITY_CATEGORIES}) plus
 * `sexual_explicit`, which only models report (llm-guard counts it with `unitary/unbiased-toxic-roberta`).
 */
export const TOXICITY_SCANNER_CATEGORIES = [...TOXICITY_CATEGORIES, 'sexual_explicit'] as const;

/** One of {@link TOXICITY_SCANNER_CATEGORIES}. */
export type ToxicityScannerCategory = (typeof TOXICITY_SCANNER_CATEGORIES)[number];

/**
 * Model labels (folded: lower case, `_` for spaces and hyphens) → scanner categories. Covers
 * `unitary/unbiased-toxic-roberta` (llm-guard's seven labels `toxicity`, `severe_toxicity`, `obscene`, `threat`,
 * `insult`, `identity_attack`, `sexual_explicit`) and the original Jigsaw labels (`toxic`, `severe_toxic`,
 * `identity_hate`, as `unitary/toxic-bert`). Other labels, such as the identity mentions `male`, `female`,
 * `christian`… of the 16-label model, or `non_toxic`, are ignored.
 */
export const TOXICITY_LABEL_CATEGORIES: Readonly<Record<string, ToxicityScannerCategory>> = Object.freeze({
  toxicity: 'toxic',
  toxic: 'toxic',
  severe_toxicity: 'severe_toxic',
  severe_toxic: 'severe_toxic',
  obscene: 'obscene',
  threat: 'threat',
  insult: 'insult',
  identity_attack: 'identity_hate',
  identity_hate: 'identity_hate',
  sexual_explicit: 'sexual_explicit',
});

/**
 * Reads a toxicity classifier: the score is the highest probability among the labels whose category is in
 * `categories` (sigmoid per label for multi-label models such as `unitary/unbiased-toxic-roberta`); one finding per
 * counted label at or above {@link MIN_LABEL_FINDING_SCORE}. Raises `InvalidModelError` when no label of the model
 * maps to a configured category.
 */
export function bindToxicityLabels(labels: readonly string[], categories: readonly ToxicityScannerCategory[]): ModelReader {
  const counted: Array<{ index: number; category: ToxicityScannerCategory }> = [];
  labels.forEach((label, index) => {
    const category = TOXICITY_LABEL_CATEGORIES[foldLabel(label)];
    if (category !== undefined && categories.includes(category)) counted.push({ index, category });
  });
  if (counted.length === 0) {
    throw new InvalidModelError(
      `Toxicity: none of the model's labels [${labels.join(', ')}] maps to the configured categories (${categories.join(', ')}).`,
      { details: { labels: [...labels], categories: [...categories] } },
    );
  }
  return (probabilities) => {
    let score = 0;
    let top = counted[0]!.category;
    const findings = [];
    for (const { index, category } of counted) {
      const probability = probabilities[index] ?? 0;
      if (probability > score) {
        score = probability;
        top = category;
      }
      if (probability >= MIN_LABEL_FINDING_SCORE) findings.push({ category, score: probability, rules: [], spans: [] });
    }
    return { score, findings, summary: `${top} ${score.toFixed(2)}` };
  };
}
