import { InvalidConfigError } from '@llm-shield/core';
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
   * models only; the heuristic scores the others. Refused with `InvalidConfigError` where it could not be honoured:
   * `sexual_explicit` in `heuristic` mode (or with no model), and a list of only model categories in `hybrid` mode
   * or with `onModelFailure: 'fallback'`.
   */
  categories?: readonly ToxicityScannerCategory[];
  /** `hybrid` mode: heuristic score from which the model runs (default {@link TOXICITY_HYBRID_GATE}). */
  hybridGate?: number;
}

type ResolvedToxicityConfig = Readonly<ResolvedClassifierConfig & { categories: readonly ToxicityScannerCategory[] }>;

function resolveToxicityConfig(name: string, config: ToxicityConfig): ResolvedToxicityConfig {
  const defaults = { modelThreshold: TOXICITY_MODEL_THRESHOLD, heuristicThreshold: DEFAULT_TOXICITY_THRESHOLD, hybridGate: TOXICITY_HYBRID_GATE, onModelFailure: 'block' as const, longInput: 'chunks' as const };
  const resolved = resolveCategorizedClassifierConfig(name, config, defaults, TOXICITY_SCANNER_CATEGORIES);
  if (config.categories !== undefined) assertHeuristicCanHonour(name, resolved);
  return resolved;
}

/**
 * `sexual_explicit` is scored by models only. Raises `InvalidConfigError` when the categories the user gave ask the rule-based
 * detector for what it cannot see: in `heuristic` mode any model-only category; in `hybrid` mode, or with
 * `onModelFailure: 'fallback'`, a list of model-only categories (the gate would never open, the fallback always pass).
 */
function assertHeuristicCanHonour(name: string, config: ResolvedToxicityConfig): void {
  const modelOnly = config.categories.filter((category) => !(TOXICITY_CATEGORIES as readonly string[]).includes(category));
  if (modelOnly.length === 0) return;
  const refuse = (why: string): never => {
    throw new InvalidConfigError(`${name}: categories ${modelOnly.join(', ')} ${why}`, {
      details: { scanner: name, field: 'categories', value: modelOnly[0] },
    });
  };
  if (config.mode === 'heuristic') {
    refuse('are scored by a model only, and this scanner answers with the rule-based detector (mode heuristic or no model); give a model or drop them.');
  }
  if (modelOnly.length === config.categories.length && (config.mode === 'hybrid' || config.onModelFailure === 'fallback')) {
    refuse('are scored by a model only: the rule-based detector that gates hybrid mode and answers on fallback cannot see them; add a category it scores, or use mode ml with onModelFailure block or throw.');
  }
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
