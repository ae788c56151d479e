import { InvalidConfigError, type InputScannerV1, type OutputScannerV1, type ScanContextV1, type ScanResultV1 } from '@llm-shield/core';
import { analyzeSentiment, SENTIMENT_LABELS, type SentimentLabel } from '@llm-shield/heuristics';
import { scanWithClassifier } from './classifier-scanner.js';
import {
  assertKnownKeys,
  CLASSIFIER_CONFIG_KEYS,
  resolveClassifierConfig,
  type ClassifierScannerConfig,
  type ResolvedClassifierConfig,
} from './scanner-config.js';

/** llm-guard's default sentiment threshold, on VADER's compound scale [-1, 1]. */
export const DEFAULT_SENTIMENT_THRESHOLD = -0.3;

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
}

type ResolvedSentimentConfig = Readonly<ResolvedClassifierConfig & { allowedSentiments?: readonly SentimentLabel[] }>;

function resolveSentimentConfig(name: string, config: SentimentConfig): ResolvedSentimentConfig {
  assertKnownKeys(name, config, [...CLASSIFIER_CONFIG_KEYS, 'allowedSentiments']);
  const resolved = resolveClassifierConfig(name, config, {
    modelThreshold: DEFAULT_SENTIMENT_THRESHOLD,
    heuristicThreshold: DEFAULT_SENTIMENT_THRESHOLD,
    range: [-1, 1],
  });
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

function scanSentiment(name: string, text: string, context: ScanContextV1, config: ResolvedSentimentConfig) {
  return scanWithClassifier(
    name,
    text,
    context,
    config,
    (input) => {
      const analysis = analyzeSentiment(input);
      const allowed = config.allowedSentiments;
      return {
        score: compoundToNegativity(analysis.compound),
        findings: analysis.findings,
        summary: `sentiment ${analysis.label} (compound ${analysis.compound.toFixed(2)})`,
        ...(allowed ? { valid: () => allowed.includes(analysis.label) } : {}),
      };
    },
    compoundToNegativity,
  );
}

/** Input scanner that flags negative prompts, like llm-guard's input `Sentiment`. */
export class Sentiment implements InputScannerV1 {
  readonly specificationVersion = 'v1' as const;
  readonly kind = 'input' as const;
  readonly name = 'Sentiment';
  /** The validated configuration. */
  readonly config: ResolvedSentimentConfig;

  constructor(config: SentimentConfig = {}) {
    this.config = resolveSentimentConfig(this.name, config);
  }

  /** Scans a prompt; the score is its negativity `(1 - compound) / 2`. */
  async scan(prompt: string, context: ScanContextV1): Promise<ScanResultV1> {
    return scanSentiment(this.name, prompt, context, this.config);
  }
}

/** Output scanner that flags negative model answers, like llm-guard's output `Sentiment`. */
export class OutputSentiment implements OutputScannerV1 {
  readonly specificationVersion = 'v1' as const;
  readonly kind = 'output' as const;
  readonly name = 'Sentiment';
  /** The validated configuration. */
  readonly config: ResolvedSentimentConfig;

  constructor(config: SentimentConfig = {}) {
    this.config = resolveSentimentConfig(this.name, config);
  }

  /** Scans a model output (the prompt is not scored). */
  async scan(_prompt: string, output: string, context: ScanContextV1): Promise<ScanResultV1> {
    return scanSentiment(this.name, output, context, this.config);
  }
}
