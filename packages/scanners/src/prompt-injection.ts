import type { InputScannerV1, ScanContextV1, ScanResultV1 } from '@llm-shield/core';
import {
  DEFAULT_PROMPT_INJECTION_THRESHOLD,
  detectPromptInjection,
  PROMPT_INJECTION_CATEGORIES,
  type PromptInjectionCategory,
} from '@llm-shield/heuristics';
import { resolveCategories } from './categories.js';
import { ClassifierEngine, type ScanManyOptions } from './classifier-scanner.js';
import { bindPromptInjectionLabels } from './prompt-injection-labels.js';
import {
  assertKnownKeys,
  CLASSIFIER_CONFIG_KEYS,
  resolveClassifierConfig,
  type ClassifierScannerConfig,
  type ResolvedClassifierConfig,
} from './scanner-config.js';

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
  /** Heuristic categories that count (default: all six, {@link PROMPT_INJECTION_CATEGORIES}). The model is binary. */
  categories?: readonly PromptInjectionCategory[];
  /** `hybrid` mode: heuristic score from which the model runs (default {@link PROMPT_INJECTION_HYBRID_GATE}). */
  hybridGate?: number;
}

/**
 * Input scanner for prompt injection and jailbreaks, like llm-guard's `PromptInjection`. With a `model` (a binary
 * SAFE/INJECTION classifier) the score is P(INJECTION) and the default mode is `ml`; see {@link ClassifierScannerConfig}.
 */
export class PromptInjection implements InputScannerV1 {
  readonly specificationVersion = 'v1' as const;
  readonly kind = 'input' as const;
  readonly name = 'PromptInjection';
  /** The validated configuration. */
  readonly config: Readonly<ResolvedClassifierConfig & { categories: readonly PromptInjectionCategory[] }>;
  private readonly engine: ClassifierEngine;

  constructor(config: PromptInjectionConfig = {}) {
    assertKnownKeys(this.name, config, [...CLASSIFIER_CONFIG_KEYS, 'categories']);
    const categories = resolveCategories(this.name, config.categories, PROMPT_INJECTION_CATEGORIES);
    this.config = Object.freeze({
      ...resolveClassifierConfig(this.name, config, {
        modelThreshold: PROMPT_INJECTION_MODEL_THRESHOLD,
        heuristicThreshold: DEFAULT_PROMPT_INJECTION_THRESHOLD,
        hybridGate: PROMPT_INJECTION_HYBRID_GATE,
      }),
      categories,
    });
    this.engine = new ClassifierEngine({
      name: this.name,
      config: this.config,
      heuristic: (text) => {
        const detection = detectPromptInjection(text, { categories: this.config.categories });
        return { score: detection.score, findings: detection.findings };
      },
      bindLabels: (labels) => bindPromptInjectionLabels(labels),
    });
  }

  /** Scans a prompt. The score is the injection likelihood; above the threshold the prompt is invalid. */
  async scan(prompt: string, context: ScanContextV1): Promise<ScanResultV1> {
    return this.engine.scan(prompt, context.signal);
  }

  /** Scans many prompts, batching the model's work (see {@link ClassifierEngine.scanMany}); results in input order. */
  async scanMany(prompts: readonly string[], options?: ScanManyOptions): Promise<ScanResultV1[]> {
    return this.engine.scanMany(prompts, options);
  }

  /** Empties the result cache (when `cache` is on). */
  clearCache(): void {
    this.engine.clearCache();
  }
}
