import type { InputScannerV1, ScanContextV1, ScanResultV1 } from '@llm-shield/core';
import {
  DEFAULT_PROMPT_INJECTION_THRESHOLD,
  detectPromptInjection,
  PROMPT_INJECTION_CATEGORIES,
  type PromptInjectionCategory,
} from '@llm-shield/heuristics';
import { scanWithClassifier } from './classifier-scanner.js';
import {
  assertKnownKeys,
  CLASSIFIER_CONFIG_KEYS,
  resolveClassifierConfig,
  type ClassifierScannerConfig,
  type ResolvedClassifierConfig,
} from './scanner-config.js';
import { resolveCategories } from './categories.js';

/** llm-guard's default threshold for `protectai/deberta-v3-base-prompt-injection-v2`. */
export const PROMPT_INJECTION_MODEL_THRESHOLD = 0.92;

/** Options of {@link PromptInjection}. */
export interface PromptInjectionConfig extends ClassifierScannerConfig {
  /**
   * Threshold on the injection score. Default: 0.92 (llm-guard's, for the model) in `ml`/`hybrid` mode,
   * 0.5 ({@link DEFAULT_PROMPT_INJECTION_THRESHOLD}) in `heuristic` mode.
   */
  threshold?: number;
  /** Heuristic categories that count (default: all six, {@link PROMPT_INJECTION_CATEGORIES}). */
  categories?: readonly PromptInjectionCategory[];
}

/** Input scanner for prompt injection and jailbreaks, like llm-guard's `PromptInjection`. */
export class PromptInjection implements InputScannerV1 {
  readonly specificationVersion = 'v1' as const;
  readonly kind = 'input' as const;
  readonly name = 'PromptInjection';
  /** The validated configuration. */
  readonly config: Readonly<ResolvedClassifierConfig & { categories: readonly PromptInjectionCategory[] }>;

  constructor(config: PromptInjectionConfig = {}) {
    assertKnownKeys(this.name, config, [...CLASSIFIER_CONFIG_KEYS, 'categories']);
    const categories = resolveCategories(this.name, config.categories, PROMPT_INJECTION_CATEGORIES);
    this.config = Object.freeze({
      ...resolveClassifierConfig(this.name, config, {
        modelThreshold: PROMPT_INJECTION_MODEL_THRESHOLD,
        heuristicThreshold: DEFAULT_PROMPT_INJECTION_THRESHOLD,
      }),
      categories,
    });
  }

  /** Scans a prompt. The score is the injection likelihood; above the threshold the prompt is invalid. */
  async scan(prompt: string, context: ScanContextV1): Promise<ScanResultV1> {
    return scanWithClassifier(this.name, prompt, context, this.config, (text) => {
      const detection = detectPromptInjection(text, { categories: this.config.categories });
      return { score: detection.score, findings: detection.findings };
    });
  }
}
