import type { InputScannerV1, OutputScannerV1, ScanContextV1, ScanResultV1 } from '@llm-shield/core';
import { DEFAULT_TOXICITY_THRESHOLD, detectToxicity, TOXICITY_CATEGORIES, type ToxicityCategory } from '@llm-shield/heuristics';
import { resolveCategories } from './categories.js';
import { scanWithClassifier } from './classifier-scanner.js';
import {
  assertKnownKeys,
  CLASSIFIER_CONFIG_KEYS,
  resolveClassifierConfig,
  type ClassifierScannerConfig,
  type ResolvedClassifierConfig,
} from './scanner-config.js';

/** llm-guard's default threshold for `unitary/unbiased-toxic-roberta`. */
export const TOXICITY_MODEL_THRESHOLD = 0.5;

/** Options of {@link Toxicity} and {@link OutputToxicity}. */
export interface ToxicityConfig extends ClassifierScannerConfig {
  /** Threshold on the toxicity score (default 0.5 for the model, as llm-guard, and {@link DEFAULT_TOXICITY_THRESHOLD} for the heuristic). */
  threshold?: number;
  /** Categories that count (default: all six, {@link TOXICITY_CATEGORIES}). */
  categories?: readonly ToxicityCategory[];
}

type ResolvedToxicityConfig = Readonly<ResolvedClassifierConfig & { categories: readonly ToxicityCategory[] }>;

function resolveToxicityConfig(name: string, config: ToxicityConfig): ResolvedToxicityConfig {
  assertKnownKeys(name, config, [...CLASSIFIER_CONFIG_KEYS, 'categories']);
  return Object.freeze({
    ...resolveClassifierConfig(name, config, {
      modelThreshold: TOXICITY_MODEL_THRESHOLD,
      heuristicThreshold: DEFAULT_TOXICITY_THRESHOLD,
    }),
    categories: resolveCategories(name, config.categories, TOXICITY_CATEGORIES),
  });
}

function scanToxicity(name: string, text: string, context: ScanContextV1, config: ResolvedToxicityConfig) {
  return scanWithClassifier(name, text, context, config, (input) => {
    const detection = detectToxicity(input, { categories: config.categories });
    return { score: detection.score, findings: detection.findings };
  });
}

/** Input scanner for toxic prompts, like llm-guard's input `Toxicity`. */
export class Toxicity implements InputScannerV1 {
  readonly specificationVersion = 'v1' as const;
  readonly kind = 'input' as const;
  readonly name = 'Toxicity';
  /** The validated configuration. */
  readonly config: ResolvedToxicityConfig;

  constructor(config: ToxicityConfig = {}) {
    this.config = resolveToxicityConfig(this.name, config);
  }

  /** Scans a prompt; the score is the strongest toxicity category's. */
  async scan(prompt: string, context: ScanContextV1): Promise<ScanResultV1> {
    return scanToxicity(this.name, prompt, context, this.config);
  }
}

/** Output scanner for toxic model answers, like llm-guard's output `Toxicity`. Only the output is scored. */
export class OutputToxicity implements OutputScannerV1 {
  readonly specificationVersion = 'v1' as const;
  readonly kind = 'output' as const;
  readonly name = 'Toxicity';
  /** The validated configuration. */
  readonly config: ResolvedToxicityConfig;

  constructor(config: ToxicityConfig = {}) {
    this.config = resolveToxicityConfig(this.name, config);
  }

  /** Scans a model output (the prompt is not scored). */
  async scan(_prompt: string, output: string, context: ScanContextV1): Promise<ScanResultV1> {
    return scanToxicity(this.name, output, context, this.config);
  }
}
