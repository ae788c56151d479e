import { InvalidConfigError } from '@llm-shield/core';
import { analyzeSentiment, SENTIMENT_LABELS, type SentimentLabel } from '@llm-shield/heuristics';
import { ClassifierEngine } from './classifier-scanner.js';
import { EngineInputScanner, EngineOutputScanner } from './engine-scanner.js';
import {
  assertKnownKeys,
  CLASSIFIER_CONFIG_KEYS,
  resolveClassifierConfig,
  type ClassifierScannerConfig,
  type ResolvedClassifierConfig,
} from './scanner-config.js';
import { bindSentimentLabels } from './sentiment-labels.js';
import { preprocessTweet } from './tweet-preprocess.js';

/** llm-guard's default sentiment threshold, on VADER's compound scale [-1, 1]. */
export const DEFAULT_SENTIMENT_THRESHOLD = -0.3;
/**
 * Default `hybridGate` of Sentiment: negativity 0.5, i.e. compound ≤ 0. Neutral and negative texts (and any text with
 * a negative word) go to the model; clearly positive ones are answered by the heuristic.
 */
export const SENTIMENT_HYBRID_GATE = 0.5;

/** Options of {@link Sentiment} and {@link OutputSentiment}. */
export interface SentimentConfig extends ClassifierScannerConfig {
  /**
   * Threshold on the compound sentiment in [-1, 1], as llm-guard: a text whose compound is below it is invalid
   * (default -0.3). Results report it on the [0, 1] negativity scale: `score = (1 - compound) / 2`,
   * `threshold = (1 - this) / 2`.
   */
  threshold?: number;
  /** Same scale as `threshold`, used when the heuristic answers for a model (default -0.3). */
  fallbackThreshold?: number;
  /**
   * When set, the verdict is by label instead of threshold: the text is invalid when its predicted label
   * (negative / neutral / positive) is not in this list. Default: unset (threshold decides).
   */
  allowedSentiments?: readonly SentimentLabel[];
  /** `hybrid` mode: negativity score from which the model runs (default {@link SENTIMENT_HYBRID_GATE}). */
  hybridGate?: number;
  /**
   * Rewriting of text before the model reads it (the heuristic always reads the input): `twitter` (default), the
   * preprocessing documented for `cardiffnlp/twitter-roberta-base-sentiment-latest` (user mentions → `@user`,
   * words starting with `http` → `http`, see {@link preprocessTweet}); `none` for models trained without it.
   */
  preprocess?: 'twitter' | 'none';
}

type ResolvedSentimentConfig = Readonly<
  ResolvedClassifierConfig & { allowedSentiments?: readonly SentimentLabel[]; preprocess: 'twitter' | 'none' }
>;

function resolveSentimentConfig(name: string, config: SentimentConfig): ResolvedSentimentConfig {
  assertKnownKeys(name, config, [...CLASSIFIER_CONFIG_KEYS, 'allowedSentiments', 'preprocess']);
  const preprocess = config.preprocess ?? 'twitter';
  if (preprocess !== 'twitter' && preprocess !== 'none') {
    throw new InvalidConfigError(`${name}: preprocess must be twitter or none.`, { details: { scanner: name, field: 'preprocess' } });
  }
  const resolved = {
    ...resolveClassifierConfig(name, config, {
      modelThreshold: DEFAULT_SENTIMENT_THRESHOLD,
      heuristicThreshold: DEFAULT_SENTIMENT_THRESHOLD,
      hybridGate: SENTIMENT_HYBRID_GATE,
      range: [-1, 1],
      onModelFailure: 'fallback',
      longInput: 'full',
    }),
    preprocess,
  };
  const allowed = config.allowedSentiments;
  if (allowed === undefined) return Object.freeze(resolved);
  if (!Array.isArray(allowed) || allowed.length === 0 || allowed.some((label) => !SENTIMENT_LABELS.includes(label))) {
    throw new InvalidConfigError(`${name}: allowedSentiments must be a non-empty array of ${SENTIMENT_LABELS.join(', ')}.`, {
      details: { scanner: name, field: 'allowedSentiments' },
    });
  }
  return Object.freeze({ ...resolved, allowedSentiments: Object.freeze([...allowed]) });
}

/** Maps a compound threshold in [-1, 1] to the [0, 1] negativity scale of results. */
export function compoundToNegativity(compound: number): number {
  return (1 - compound) / 2;
}

/**
 * The engine of the Sentiment scanners. Model results use the heuristic's scale: `compound = P(positive) −
 * P(negative)`, `score = (1 − compound) / 2`, compared with `(1 − threshold) / 2`; with `allowedSentiments` the
 * argmax label decides. The hybrid gate opens on a negative finding or a negativity ≥ `hybridGate`.
 */
function sentimentEngine(name: string, config: ResolvedSentimentConfig): ClassifierEngine {
  const allowed = config.allowedSentiments;
  return new ClassifierEngine({
    name,
    config,
    heuristic: (input) => {
      const analysis = analyzeSentiment(input);
      return {
        score: compoundToNegativity(analysis.compound),
        findings: analysis.findings,
        summary: `sentiment ${analysis.label} (compound ${analysis.compound.toFixed(2)})`,
        flagged: analysis.findings.some((finding) => finding.category === 'negative'),
        ...(allowed ? { valid: () => allowed.includes(analysis.label) } : {}),
      };
    },
    bindLabels: (labels) => bindSentimentLabels(labels, allowed),
    thresholdToScore: compoundToNegativity,
    ...(config.preprocess === 'twitter' ? { preprocess: preprocessTweet } : {}),
  });
}

/** Input scanner that flags negative prompts, like llm-guard's input `Sentiment`. */
export class Sentiment extends EngineInputScanner<ResolvedSentimentConfig> {
  constructor(config: SentimentConfig = {}) {
    const resolved = resolveSentimentConfig('Sentiment', config);
    super('Sentiment', resolved, sentimentEngine('Sentiment', resolved));
  }
}

/** Output scanner that flags negative model answers, like llm-guard's output `Sentiment`. */
export class OutputSentiment extends EngineOutputScanner<ResolvedSentimentConfig> {
  constructor(config: SentimentConfig = {}) {
    const resolved = resolveSentimentConfig('Sentiment', config);
    super('Sentiment', resolved, sentimentEngine('Sentiment', resolved));
  }
}
