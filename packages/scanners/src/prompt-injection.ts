import {
  DEFAULT_PROMPT_INJECTION_THRESHOLD,
  detectPromptInjection,
  PROMPT_INJECTION_CATEGORIES,
  type PromptInjectionCategory,
} from '@llm-shield/heuristics';
import { InvalidConfigError } from '@llm-shield/core';
import { ClassifierEngine } from './classifier-scanner.js';
import { EngineInputScanner } from './engine-scanner.js';
import { bindPromptInjectionLabels } from './prompt-injection-labels.js';
import { resolveCategorizedClassifierConfig, type ClassifierScannerConfig, type ResolvedClassifierConfig } from './scanner-config.js';

/** llm-guard's default threshold for `protectai/deberta-v3-base-prompt-injection-v2`. */
export const PROMPT_INJECTION_MODEL_THRESHOLD = 0.92;
/** Default `hybridGate` of PromptInjection: heuristic score 0.2 (any heuristic finding opens the gate too). */
export const PROMPT_INJECTION_HYBRID_GATE = 0.2;

/** Options of {@link PromptInjection}. */
export interface PromptInjectionConfig extends ClassifierScannerConfig {
  /**
   * Threshold on the injection score. Default: 0.92 (llm-guard's, for the model) in `ml`/`hybrid` mode,
   * 0.5 ({@link DEFAULT_PROMPT_INJECTION_THRESHOLD}) in `heuristic` mode.
   */
  threshold?: number;
  /**
   * Heuristic categories that count (default: all six, {@link PROMPT_INJECTION_CATEGORIES}). The model is binary, so
   * they act where the rule-based detector decides: `heuristic` mode, the `hybrid` gate, and the fallback. Given with
   * a model in `ml` mode (explicit or the model's default) and a policy other than `fallback`, they would change no
   * verdict and are refused with `InvalidConfigError`.
   */
  categories?: readonly PromptInjectionCategory[];
  /** `hybrid` mode: heuristic score from which the model runs (default {@link PROMPT_INJECTION_HYBRID_GATE}). */
  hybridGate?: number;
}

type ResolvedPromptInjectionConfig = Readonly<ResolvedClassifierConfig & { categories: readonly PromptInjectionCategory[] }>;

function resolvePromptInjectionConfig(name: string, config: PromptInjectionConfig): ResolvedPromptInjectionConfig {
  const defaults = { modelThreshold: PROMPT_INJECTION_MODEL_THRESHOLD, heuristicThreshold: DEFAULT_PROMPT_INJECTION_THRESHOLD, hybridGate: PROMPT_INJECTION_HYBRID_GATE, onModelFailure: 'block' as const, longInput: 'chunks' as const };
  const resolved = resolveCategorizedClassifierConfig(name, config, defaults, PROMPT_INJECTION_CATEGORIES);
  // The model is binary: categories decide only where the rule-based detector decides (heuristic mode, the hybrid
  // gate, the fallback). With a model that alone decides, they would change nothing: refused.
  const rulesDecide = config.mode === 'heuristic' || config.mode === 'hybrid' || resolved.onModelFailure === 'fallback';
  if (config.categories !== undefined && resolved.model !== undefined && !rulesDecide) {
    throw new InvalidConfigError(
      `${name}: categories select the rule-based detector's categories, but with a model in ml mode the binary model alone decides; ` +
        "use mode 'hybrid' (the categories then open the gate), mode 'heuristic', or onModelFailure 'fallback'.",
      { details: { scanner: name, field: 'categories', value: config.categories } },
    );
  }
  return resolved;
}

function promptInjectionEngine(name: string, config: ResolvedPromptInjectionConfig): ClassifierEngine {
  return new ClassifierEngine({
    name,
    config,
    heuristic: (text) => {
      const detection = detectPromptInjection(text, { categories: config.categories });
      return { score: detection.score, findings: detection.findings };
    },
    bindLabels: (labels) => bindPromptInjectionLabels(labels),
  });
}

/**
 * Input scanner for prompt injection and jailbreaks, like llm-guard's `PromptInjection`. With a `model` (a binary
 * SAFE/INJECTION classifier) the score is P(INJECTION) and the default mode is `ml`; see {@link ClassifierScannerConfig}.
 * The score is the injection likelihood; above the threshold the prompt is invalid.
 */
export class PromptInjection extends EngineInputScanner<ResolvedPromptInjectionConfig> {
  constructor(config: PromptInjectionConfig = {}) {
    const resolved = resolvePromptInjectionConfig('PromptInjection', config);
    super('PromptInjection', resolved, promptInjectionEngine('PromptInjection', resolved));
  }
}
