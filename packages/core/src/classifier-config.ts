import { InvalidModelError } from './errors.js';

/** How a classification head's logits become probabilities. */
export type ProblemType = 'single_label_classification' | 'multi_label_classification';

/** What a scanner needs from a Hugging Face `config.json`. */
export interface ClassifierConfig {
  /** Labels in logit order (`id2label[0]`, `id2label[1]`, …). */
  labels: string[];
  /** `multi_label_classification` → sigmoid per label; otherwise softmax over labels. */
  problemType: ProblemType;
}

/**
 * Reads `id2label` and `problem_type` from a parsed `config.json`. A missing `problem_type` means
 * single-label (softmax), as in transformers. Raises {@link InvalidModelError} when `id2label` is missing,
 * not dense from 0, or has non-string labels.
 */
export function parseClassifierConfig(config: unknown): ClassifierConfig {
  if (typeof config !== 'object' || config === null) throw new InvalidModelError('config.json is not a JSON object.');
  const { id2label, problem_type: problemType } = config as { id2label?: unknown; problem_type?: unknown };
  if (typeof id2label !== 'object' || id2label === null) {
    throw new InvalidModelError('config.json has no id2label map: this is not a classification model config.');
  }
  const entries = Object.entries(id2label as Record<string, unknown>);
  const labels: string[] = new Array(entries.length);
  for (const [key, value] of entries) {
    const index = Number(key);
    if (!Number.isInteger(index) || index < 0 || index >= entries.length || typeof value !== 'string') {
      throw new InvalidModelError(`config.json id2label must map 0..${entries.length - 1} to strings; found ${JSON.stringify(key)}.`);
    }
    labels[index] = value;
  }
  if (labels.length === 0) throw new InvalidModelError('config.json id2label is empty.');
  if (problemType !== undefined && problemType !== null && problemType !== 'single_label_classification' &&
    problemType !== 'multi_label_classification' && problemType !== 'regression') {
    throw new InvalidModelError(`config.json problem_type ${JSON.stringify(problemType)} is not supported.`);
  }
  if (problemType === 'regression') throw new InvalidModelError('Regression heads are not classifiers.');
  return { labels, problemType: problemType === 'multi_label_classification' ? problemType : 'single_label_classification' };
}
