import { InvalidModelError } from '@llm-shield/core';
import { SENTIMENT_LABELS, type SentimentLabel } from '@llm-shield/heuristics';
import type { ModelReader } from './classifier-scanner.js';
import { foldLabel, MIN_LABEL_FINDING_SCORE } from './model-labels.js';

const NAMES: Readonly<Record<string, SentimentLabel>> = { negative: 'negative', neg: 'negative', neutral: 'neutral', neu: 'neutral', positive: 'positive', pos: 'positive' };

/**
 * Which sentiment each label of a model means: by name (`negative`/`neutral`/`positive`, `neg`/`neu`/`pos`, any
 * case), or for three labels named `LABEL_0..2` the order negative, neutral, positive of
 * `cardiffnlp/twitter-roberta-base-sentiment`. Raises `InvalidModelError` unless a negative and a positive label exist.
 */
export function sentimentLabelsOf(labels: readonly string[]): Array<SentimentLabel | undefined> {
  const folded = labels.map(foldLabel);
  const mapped = folded.every((label) => /^label_\d+$/.test(label)) && labels.length === 3
    ? [...SENTIMENT_LABELS]
    : folded.map((label) => NAMES[label]);
  if (!mapped.includes('negative') || !mapped.includes('positive')) {
    throw new InvalidModelError(`Sentiment: the model's labels [${labels.join(', ')}] do not name a negative and a positive sentiment.`, {
      details: { labels: [...labels] },
    });
  }
  return mapped;
}

/**
 * Reads a sentiment classifier such as `cardiffnlp/twitter-roberta-base-sentiment-latest` on the scale of the
 * heuristic: `compound = P(positive) − P(negative)` in [-1, 1] and `score = (1 − compound) / 2` (negativity). The
 * label is the argmax; with `allowedSentiments` the part is valid when its label is allowed. Findings: one per
 * label at or above {@link MIN_LABEL_FINDING_SCORE}, scored with its probability.
 */
export function bindSentimentLabels(labels: readonly string[], allowed: readonly SentimentLabel[] | undefined): ModelReader {
  const mapped = sentimentLabelsOf(labels);
  return (probabilities) => {
    const sums: Record<SentimentLabel, number> = { negative: 0, neutral: 0, positive: 0 };
    let best: SentimentLabel = 'neutral';
    let bestProbability = -1;
    mapped.forEach((label, index) => {
      if (label === undefined) return;
      const probability = probabilities[index] ?? 0;
      sums[label] += probability;
      if (probability > bestProbability) {
        bestProbability = probability;
        best = label;
      }
    });
    const compound = sums.positive - sums.negative;
    const findings = SENTIMENT_LABELS.filter((label) => sums[label] >= MIN_LABEL_FINDING_SCORE).map((label) => ({
      category: label,
      score: sums[label],
      rules: [],
      spans: [],
    }));
    const label = best;
    return {
      score: (1 - compound) / 2,
      findings,
      summary: `sentiment ${label} (compound ${compound.toFixed(2)})`,
      ...(allowed ? { valid: () => allowed.includes(label) } : {}),
    };
  };
}
