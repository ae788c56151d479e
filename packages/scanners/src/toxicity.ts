import { DEFAULT_TOXICITY_THRESHOLD, detectToxicity, TOXICITY_CATEGORIES, type ToxicityCategory } from '@llm-shield/heuristics';
import { ClassifierEngine } from './classifier-scanner.js';
import { EngineInputScanner, EngineOutputScanner } from './engine-scanner.js';
import { resolveCategorizedClassifierConfig, type ClassifierScannerConfig, type ResolvedClassifierConfig } from './scanner-config.js';
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
  const defaults = { modelThreshold: TOXICITY_MODEL_THRESHOLD, heuristicThreshold: DEFAULT_TOXICITY_THRESHOLD, hybridGate: TOXICITY_HYBRID_GATE, onModelFailure: 'block' as const, longInput: 'chunks' as const };
  return resolveCategorizedClassifierConfig(name, config, defaults, TOXICITY_SCANNER_CATEGORIES);
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
export class Toxicity extends EngineInputScanner<ResolvedToxicityConfig> {
  constructor(config: ToxicityConfig = {}) {
    const resolved = resolveToxicityConfig('Toxicity', config);
    super('Toxicity', resolved, toxicityEngine('Toxicity', resolved));
  }
}

/** Output scanner for toxic model answers, like llm-guard's output `Toxicity`. Only the output is scored. */
export class OutputToxicity extends EngineOutputScanner<ResolvedToxicityConfig> {
  constructor(config: ToxicityConfig = {}) {
    const resolved = resolveToxicityConfig('Toxicity', config);
    super('Toxicity', resolved, toxicityEngine('Toxicity', resolved));
  }
}
