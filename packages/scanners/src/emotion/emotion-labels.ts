import { InvalidModelError } from '@llm-shield/core';
import type { ModelReader } from '../classifier-scanner.js';
import { foldLabel, MIN_LABEL_FINDING_SCORE } from '../model-labels.js';

/**
 * GoEmotions' 28 labels (27 emotions and `neutral`), in the dataset's order: the labels of llm-guard's
 * `SamLowe/roberta-base-go_emotions` and of the embedded `emotion` model.
 */
export const EMOTION_LABELS = [
  'admiration', 'amusement', 'anger', 'annoyance', 'approval', 'caring', 'confusion', 'curiosity', 'desire',
  'disappointment', 'disapproval', 'disgust', 'embarrassment', 'excitement', 'fear', 'gratitude', 'grief', 'joy',
  'love', 'nervousness', 'optimism', 'pride', 'realization', 'relief', 'remorse', 'sadness', 'surprise', 'neutral',
] as const;

/** One of {@link EMOTION_LABELS}. */
export type EmotionLabel = (typeof EMOTION_LABELS)[number];

/**
 * llm-guard's `DEFAULT_BLOCKED_EMOTIONS`: the eleven negative emotions (anger, annoyance, disappointment, disapproval,
 * disgust, embarrassment, fear, grief, nervousness, remorse, sadness).
 */
export const DEFAULT_BLOCKED_EMOTIONS: readonly EmotionLabel[] = Object.freeze([
  'anger', 'annoyance', 'disappointment', 'disapproval', 'disgust', 'embarrassment', 'fear', 'grief', 'nervousness', 'remorse', 'sadness',
]);

/** Options of {@link bindEmotionLabels}. */
export interface EmotionReaderOptions {
  /** The emotions that make a text invalid (`neutral` is never counted, as llm-guard). */
  blocked: readonly EmotionLabel[];
  /** Report every emotion of the model as a finding, with its probability (llm-guard's `return_full_output`). */
  returnEmotions: boolean;
}

/**
 * Reads an emotion classifier (GoEmotions labels, sigmoid per label, as `SamLowe/roberta-base-go_emotions`): the score
 * is the highest probability among the blocked emotions (llm-guard's `highest_emotion_score`; `neutral` is skipped),
 * so a text is invalid when a blocked emotion is above the threshold. Findings: one per blocked emotion at or above
 * {@link MIN_LABEL_FINDING_SCORE}; with `returnEmotions`, one per label of the model (blocked or not, `neutral`
 * included) whatever its probability. Labels match by name (folded: any case, `-`/space as `_`). Raises
 * `InvalidModelError` when a blocked emotion is not among the model's labels.
 */
export function bindEmotionLabels(labels: readonly string[], options: EmotionReaderOptions): ModelReader {
  const folded = labels.map(foldLabel);
  const missing = options.blocked.filter((emotion) => !folded.includes(emotion));
  if (missing.length > 0) {
    throw new InvalidModelError(`EmotionDetection: the model's labels [${labels.join(', ')}] lack the blocked emotions ${missing.join(', ')}.`, {
      details: { labels: [...labels], missing },
    });
  }
  const blocked = folded.flatMap((label, index) => ((options.blocked as readonly string[]).includes(label) && label !== 'neutral' ? [{ index, label }] : []));
  const all = folded.map((label, index) => ({ index, label }));
  return (probabilities) => {
    let score = 0;
    let top = blocked[0]?.label ?? 'none';
    for (const { index, label } of blocked) {
      const probability = probabilities[index] ?? 0;
      if (probability > score) {
        score = probability;
        top = label;
      }
    }
    const findings = options.returnEmotions
      ? all.map(({ index, label }) => ({ category: label, score: probabilities[index] ?? 0, rules: [], spans: [] }))
      : blocked
          .filter(({ index }) => (probabilities[index] ?? 0) >= MIN_LABEL_FINDING_SCORE)
          .map(({ index, label }) => ({ category: label, score: probabilities[index] ?? 0, rules: [], spans: [] }));
    return { score, findings, summary: `${top} ${score.toFixed(2)}` };
  };
}
