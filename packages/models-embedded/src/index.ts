/**
 * Manifest of the compact classifiers shipped in this package's `models/` folder (trained from scratch by
 * `tools/train`). Pure data: no I/O, safe in browsers. File paths are relative to the package's `models/`
 * folder; values mirror each model's `metrics.json` and model card (`models/<name>/README.md`).
 */

/** Task an embedded model performs. */
export type EmbeddedModelTask = 'prompt-injection' | 'toxicity' | 'sentiment' | 'emotion';

/** Files of one embedded model, relative to the package's `models/` folder. */
export interface EmbeddedModelFiles {
  /** fp32 ONNX graph. */
  readonly fp32: string;
  /** int8 (dynamic, per-channel) ONNX graph, when it keeps accuracy. */
  readonly int8?: string;
  readonly tokenizer: string;
  readonly tokenizerConfig: string;
  readonly config: string;
  readonly card: string;
  readonly metrics: string;
}

/** A dev-split metric recorded in the model card (for accuracy regression tests). */
export interface EmbeddedDevMetric {
  readonly name: 'f1' | 'macro_recall' | 'macro_f1';
  readonly value: number;
  /**
   * The threshold the metric is measured at, when it is not the scanner's {@link EmbeddedModel.threshold} (emotion:
   * the 28-label macro-F1 is calibrated apart from the scanner's blocked-emotion verdict).
   */
  readonly threshold?: number;
}

/** One shipped model. */
export interface EmbeddedModel {
  readonly name: EmbeddedModelTask;
  readonly task: EmbeddedModelTask;
  /** Labels in `id2label` order. */
  readonly labels: readonly string[];
  readonly problemType: 'single_label_classification' | 'multi_label_classification';
  /**
   * Default decision threshold on the positive/any-label probability (emotion: on each label's probability); `null` =
   * argmax (sentiment).
   */
  readonly threshold: number | null;
  /** Truncation length (`model_max_length`). */
  readonly maxLength: number;
  /** SPDX id, or a `LicenseRef-` marker when a training set's licence is unverified or research-only. */
  readonly license: string;
  readonly files: EmbeddedModelFiles;
  /** Metric on the seeded dev split, as recorded in `metrics.json`. */
  readonly dev: EmbeddedDevMetric;
  /**
   * Detection mode `llm-shield scan` uses with this model when none is asked for: `ml` (the model decides) or
   * `hybrid` (the rule-based detector decides when the model is asked). Chosen per model from the measured
   * trade-off in docs/accuracy.md.
   */
  readonly defaultMode: 'ml' | 'hybrid';
  /**
   * Chunk size in tokens for long inputs (scanners' `longInput: 'chunks'` without a size), when the model needs
   * chunks smaller than its window: the bag-of-words prompt-injection model averages over its input, so a short
   * attack after hundreds of harmless tokens would be diluted in a full window (docs/security.md). Absent: chunks
   * fill the window.
   */
  readonly chunkTokens?: number;
}

/**
 * The settings a model's `config.json` carries for the scanners (its `llm_shield` object), from the manifest:
 * `threshold` (left out when `null`), `default_mode` and `chunk_tokens` (when set). The shipped `config.json` files
 * hold exactly this; a test checks that they agree.
 */
export function llmShieldSettingsOf(model: EmbeddedModel): { threshold?: number; default_mode: 'ml' | 'hybrid'; chunk_tokens?: number } {
  return {
    ...(model.threshold === null ? {} : { threshold: model.threshold }),
    default_mode: model.defaultMode,
    ...(model.chunkTokens === undefined ? {} : { chunk_tokens: model.chunkTokens }),
  };
}

function files(name: EmbeddedModelTask): EmbeddedModelFiles {
  return {
    fp32: `${name}/model.onnx`,
    int8: `${name}/model_int8.onnx`,
    tokenizer: `${name}/tokenizer.json`,
    tokenizerConfig: `${name}/tokenizer_config.json`,
    config: `${name}/config.json`,
    card: `${name}/README.md`,
    metrics: `${name}/metrics.json`,
  };
}

export const EMBEDDED_MODELS: Readonly<Record<EmbeddedModelTask, EmbeddedModel>> = {
  'prompt-injection': {
    name: 'prompt-injection',
    task: 'prompt-injection',
    labels: ['BENIGN', 'INJECTION'],
    problemType: 'single_label_classification',
    // Calibrated on held-back data: the smallest threshold with <= 1% FPR on the pooled dev benign rows and the 10%
    // calibration parts of the multilingual / harmful-request sets and <= 1.5% on each such set of 200+ rows,
    // floored at 0.5 (tools/train/pi_data.calibrated_threshold).
    threshold: 0.5,
    maxLength: 512,
    // Second generation (issue 13): trained without deepset (licence unverified) and without research-only data; the
    // least permissive training sets are CC BY 4.0 (Mintaka, AILuminate) and CC BY 2.0 FR (Tatoeba).
    license: 'CC-BY-4.0',
    files: files('prompt-injection'),
    dev: { name: 'f1', value: 0.9351 },
    // The model alone: FPR <= 1.5% on the held-back ordinary prompts of every language, recall 0.94 on jackhhao test
    // and 0.88-0.94 on held-back indirect injections (docs/embedded-models.md).
    defaultMode: 'ml',
    // A bag of words: an attack after ~600 harmless tokens scores 0.03 in a 512-token chunk, 0.90 in a 64-token one
    // (tools/bench/long-input-cost.mjs, docs/security.md).
    chunkTokens: 64,
  },
  toxicity: {
    name: 'toxicity',
    task: 'toxicity',
    labels: ['toxic', 'severe_toxic', 'obscene', 'threat', 'insult', 'identity_hate'],
    problemType: 'multi_label_classification',
    // A text is toxic when any label's sigmoid >= threshold (best F1 on dev). One CNN with fixed toxicity-lexicon
    // channels, trained with ordinary prompts (English and 45 other languages) as non-toxic rows.
    threshold: 0.6,
    maxLength: 256,
    // Since issue 13 trained on permissive data only (Jigsaw, Davidson, ConvAbuse, Civil Comments spans, ToxiGen,
    // HateCheck templates, ordinary prompts and sentences): no TweetEval.
    license: 'MIT',
    files: files('toxicity'),
    dev: { name: 'f1', value: 0.9537 },
    // Hybrid: the model alone still flags everyday words out of context on 3.6% of AlpacaEval and 6.2% of NQ-open
    // (docs/accuracy.md); the rules gate it.
    defaultMode: 'hybrid',
  },
  sentiment: {
    name: 'sentiment',
    task: 'sentiment',
    labels: ['negative', 'neutral', 'positive'],
    problemType: 'single_label_classification',
    threshold: null,
    maxLength: 128,
    // Trained only on GoEmotions (Apache-2.0; Reddit comments, the authors' sentiment grouping, ambiguous = neutral).
    license: 'Apache-2.0',
    files: files('sentiment'),
    dev: { name: 'macro_recall', value: 0.7059 },
    // GoEmotions test macro-recall 0.717; out of domain (evaluation only) SemEval-2017 0.537, SST-5 0.433.
    defaultMode: 'ml',
  },
  emotion: {
    name: 'emotion',
    task: 'emotion',
    labels: [
      'admiration', 'amusement', 'anger', 'annoyance', 'approval', 'caring', 'confusion', 'curiosity', 'desire',
      'disappointment', 'disapproval', 'disgust', 'embarrassment', 'excitement', 'fear', 'gratitude', 'grief', 'joy',
      'love', 'nervousness', 'optimism', 'pride', 'realization', 'relief', 'remorse', 'sadness', 'surprise', 'neutral',
    ],
    problemType: 'multi_label_classification',
    // The EmotionDetection scanner's threshold: best dev F0.5 of "a blocked emotion (llm-guard's list) above it".
    threshold: 0.3,
    maxLength: 128,
    // Trained only on GoEmotions (Apache-2.0; Reddit comments, 28 labels).
    license: 'Apache-2.0',
    files: files('emotion'),
    // 28-label macro-F1 on GoEmotions dev at the threshold with the best dev macro-F1 (test: see the model card).
    dev: { name: 'macro_f1', value: 0.4277, threshold: 0.19 },
    defaultMode: 'ml',
  },
};

/** The shipped models, in a stable order. */
export const EMBEDDED_MODEL_LIST: readonly EmbeddedModel[] = [
  EMBEDDED_MODELS['prompt-injection'],
  EMBEDDED_MODELS.toxicity,
  EMBEDDED_MODELS.sentiment,
  EMBEDDED_MODELS.emotion,
];

/** The embedded model for a task. */
export function embeddedModel(task: EmbeddedModelTask): EmbeddedModel {
  return EMBEDDED_MODELS[task];
}
export * from './model-url.js';
