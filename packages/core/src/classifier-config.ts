import { InvalidModelError } from './errors.js';

/** How a classification head's logits become probabilities. */
export type ProblemType = 'single_label_classification' | 'multi_label_classification';

/** What a scanner needs from a Hugging Face `config.json`. */
export interface ClassifierConfig {
  /** Labels in logit order (`id2label[0]`, `id2label[1]`, …). */
  labels: string[];
  /** `multi_label_classification` → sigmoid per label; otherwise softmax over labels. */
  problemType: ProblemType;
  /**
   * The model's own calibrated decision threshold, from `config.json`'s `llm_shield.threshold` (on the scanner's
   * threshold scale; Sentiment: compound in [-1, 1]). Absent when the file has none.
   */
  threshold?: number;
  /** The detection mode the model is meant to run in, from `llm_shield.default_mode`. Absent when the file has none. */
  defaultMode?: 'ml' | 'hybrid';
  /**
   * Size in tokens of the chunks a long input is read in when the scanner's `longInput` is `chunks` without a `size`,
   * from `llm_shield.chunk_tokens`: a model that averages over its input (a bag of words) dilutes a short attack in a
   * long window and is given smaller chunks. Absent when the file has none (chunks fill the window).
   */
  chunkTokens?: number;
}

/** The settings of a `config.json`'s `llm_shield` object. */
export type LlmShieldModelSettings = Pick<ClassifierConfig, 'threshold' | 'defaultMode' | 'chunkTokens'>;

/**
 * Reads the optional `llm_shield` object of a `config.json`: `{ "threshold": number in [-1, 1], "default_mode":
 * "ml" | "hybrid", "chunk_tokens": integer ≥ 8 }`, each optional. Raises {@link InvalidModelError} for any other
 * shape or key.
 */
export function parseLlmShieldSettings(value: unknown): LlmShieldModelSettings {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new InvalidModelError('config.json llm_shield must be an object.');
  const settings = value as Record<string, unknown>;
  for (const key of Object.keys(settings)) {
    if (key !== 'threshold' && key !== 'default_mode' && key !== 'chunk_tokens') {
      throw new InvalidModelError(`config.json llm_shield.${key} is not a setting; known: threshold, default_mode, chunk_tokens.`);
    }
  }
  const out: LlmShieldModelSettings = {};
  const { threshold, default_mode: mode, chunk_tokens: chunkTokens } = settings;
  if (chunkTokens !== undefined && chunkTokens !== null) {
    if (typeof chunkTokens !== 'number' || !Number.isInteger(chunkTokens) || chunkTokens < 8) {
      throw new InvalidModelError(`config.json llm_shield.chunk_tokens must be an integer ≥ 8, got ${JSON.stringify(chunkTokens)}.`);
    }
    out.chunkTokens = chunkTokens;
  }
  if (threshold !== undefined && threshold !== null) {
    if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold < -1 || threshold > 1) {
      throw new InvalidModelError(`config.json llm_shield.threshold must be a number in [-1, 1], got ${JSON.stringify(threshold)}.`);
    }
    out.threshold = threshold;
  }
  if (mode !== undefined && mode !== null) {
    if (mode !== 'ml' && mode !== 'hybrid') {
      throw new InvalidModelError(`config.json llm_shield.default_mode must be "ml" or "hybrid", got ${JSON.stringify(mode)}.`);
    }
    out.defaultMode = mode;
  }
  return out;
}

/**
 * Reads `id2label`, `problem_type` and the optional `llm_shield` settings ({@link parseLlmShieldSettings}) from a
 * parsed `config.json`. A missing `problem_type` means single-label (softmax), as in transformers. Raises
 * {@link InvalidModelError} when `id2label` is missing, not dense from 0, or has non-string labels.
 */
export function parseClassifierConfig(config: unknown): ClassifierConfig {
  if (typeof config !== 'object' || config === null) throw new InvalidModelError('config.json is not a JSON object.');
  const { id2label, problem_type: problemType, llm_shield: settings } = config as { id2label?: unknown; problem_type?: unknown; llm_shield?: unknown };
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
  return {
    labels,
    problemType: problemType === 'multi_label_classification' ? problemType : 'single_label_classification',
    ...parseLlmShieldSettings(settings),
  };
}
