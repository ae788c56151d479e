import type { InputScannerV1, OutputScannerV1, ScanContextV1, ScanResultV1 } from '@llm-shield/core';
import { DEFAULT_TOXICITY_THRESHOLD, detectToxicity, TOXICITY_CATEGORIES, type ToxicityCategory } from '@llm-shield/heuristics';
import { resolveCategories } from './categories.js';
import { ClassifierEngine, type ScanManyOptions } from './classifier-scanner.js';
import {
  assertKnownKeys,
  CLASSIFIER_CONFIG_KEYS,
  resolveClassifierConfig,
  type ClassifierScannerConfig,
  type ResolvedClassifierConfig,
} from './scanner-config.js';
import { bindToxicityLabels, TOXICITY_SCANNER_CATEGORIES, type ToxicityScannerCategory } from './toxicity-labels.js';

/** llm-guard's default threshold for `unitary/unbiased-toxic-roberta`. */
export const TOXICITY_MODEL_THRESHOLD = 0.5;
/** Default `hybridGate` of Toxicity: heuristic score 0.2 (any heuristic finding opens the gate too). */
export const TOXICITY_HYBRID_GATE = 0.2;

/** Options of {@link Toxicity} and {@link OutputToxicity}. */
export interface ToxicityConfig extends ClassifierScannerConfig {
  /** Threshold on the toxicity score (default 0.5 for the model, as llm-guard, and {@link DEFAULT_TOXICITY_THRESHOLD} for the heuristic). */
  threshold?: number;
  /**
   * Categories that count (default: all seven, {@link TOXICITY_SCANNER_CATEGORIES}). `sexual_explicit` is reported by
   * models only; the heuristic scores the others.
   */
  categories?: readonly ToxicityScannerCategory[];
  /** `hybrid` mode: heuristic score from which the model runs (default {@link TOXICITY_HYBRID_GATE}). */
  hybridGate?: number;
}

type ResolvedToxicityConfig = Readonly<ResolvedClassifierConfig & { categories: readonly ToxicityScannerCategory[] }>;

function resolveToxicityConfig(name: string, config: ToxicityConfig): ResolvedToxicityConfig {
  assertKnownKeys(name, config, [...CLASSIFIER_CONFIG_KEYS, 'categories']);
  return Object.freeze({
    ...resolveClassifierConfig(name, config, {
      modelThreshold: TOXICITY_MODEL_THRESHOLD,
      heuristicThreshold: DEFAULT_TOXICITY_THRESHOLD,
      hybridGate: TOXICITY_HYBRID_GATE,
    }),
    categories: resolveCategories(name, config.categories, TOXICITY_SCANNER_CATEGORIES),
  });
}

function toxicityEngine(name: string, config: ResolvedToxicityConfig): ClassifierEngine {
  const heuristicCategories = config.categories.filter((category): category is ToxicityCategory =>
    (TOXICITY_CATEGORIES as readonly string[]).includes(category),
  );
  return new ClassifierEngine({
    name,
    config,
    heuristic: (input) => {
      if (heuristicCategories.length === 0) return { score: 0, findings: [] };
      const detection = detectToxicity(input, { categories: heuristicCategories });
      return { score: detection.score, findings: detection.findings };
    },
    bindLabels: (labels) => bindToxicityLabels(labels, config.categories),
  });
}

/**
 * Input scanner for toxic prompts, like llm-guard's input `Toxicity`. With a multi-label `model` such as
 * `unitary/unbiased-toxic-roberta` the score is the highest probability among the counted labels.
 */
export class Toxicity implements InputScannerV1 {
  readonly specificationVersion = 'v1' as const;
  readonly kind = 'input' as const;
  readonly name = 'Toxicity';
  /** The validated configuration. */
  readonly config: ResolvedToxicityConfig;
  private readonly engine: ClassifierEngine;

  constructor(config: ToxicityConfig = {}) {
    this.config = resolveToxicityConfig(this.name, config);
    this.engine = toxicityEngine(this.name, this.config);
  }

  /** Scans a prompt; the score is the strongest toxicity category's. */
  async scan(prompt: string, context: ScanContextV1): Promise<ScanResultV1> {
    return this.engine.scan(prompt, context.signal);
  }

  /** Scans many prompts, batching the model's work; results in input order. */
  async scanMany(prompts: readonly string[], options?: ScanManyOptions): Promise<ScanResultV1[]> {
    return this.engine.scanMany(prompts, options);
  }

  /** Empties the result cache (when `cache` is on). */
  clearCache(): void {
    this.engine.clearCache();
  }
}

/** Output scanner for toxic model answers, like llm-guard's output `Toxicity`. Only the output is scored. */
export class OutputToxicity implements OutputScannerV1 {
  readonly specificationVersion = 'v1' as const;
  readonly kind = 'output' as const;
  readonly name = 'Toxicity';
  /** The validated configuration. */
  readonly config: ResolvedToxicityConfig;
  private readonly engine: ClassifierEngine;

  constructor(config: ToxicityConfig = {}) {
    this.config = resolveToxicityConfig(this.name, config);
    this.engine = toxicityEngine(this.name, this.config);
  }

  /** Scans a model output (the prompt is not scored). */
  async scan(_prompt: string, output: string, context: ScanContextV1): Promise<ScanResultV1> {
    return this.engine.scan(output, context.signal);
  }

  /** Scans many model outputs, batching the model's work; results in input order. */
  async scanMany(outputs: readonly string[], options?: ScanManyOptions): Promise<ScanResultV1[]> {
    return this.engine.scanMany(outputs, options);
  }

  /** Empties the result cache (when `cache` is on). */
  clearCache(): void {
    this.engine.clearCache();
  }
}
