import { InvalidConfigError } from '@llm-shield/core';

/**
 * How a classifier scanner decides.
 * - `heuristic`: the rule-based detector answers (no model needed).
 * - `ml`: a model answers; if none can run, the heuristic answers as `fallback` (or an error is raised when
 *   `useFallback` is `false`).
 * - `hybrid`: the heuristic pre-filters and the model confirms; without a model it behaves like `ml`.
 */
export type DetectionMode = 'heuristic' | 'ml' | 'hybrid';

/** Options shared by the classifier scanners (PromptInjection, Toxicity, Sentiment). */
export interface ClassifierScannerConfig {
  /**
   * Decision threshold for the detector of `mode`: a score above it makes the text invalid.
   * Each scanner documents its default.
   */
  threshold?: number;
  /** Threshold applied when the heuristic answers instead of the model (`fallback`). Default: the heuristic's own. */
  fallbackThreshold?: number;
  /**
   * Detection mode (default `heuristic`: no model is configured in this release; see {@link DetectionMode}).
   * With `ml` or `hybrid` and no model available the scanner falls back to the heuristic and says why.
   */
  mode?: DetectionMode;
  /** Let the heuristic answer when the model cannot (default `true`). With `false`, `ModelUnavailableError` is raised. */
  useFallback?: boolean;
}

/** Validated, defaulted form of {@link ClassifierScannerConfig}. */
export interface ResolvedClassifierConfig {
  threshold: number;
  fallbackThreshold: number;
  mode: DetectionMode;
  useFallback: boolean;
}

const MODES: readonly DetectionMode[] = ['heuristic', 'ml', 'hybrid'];

/** Checks that `value` is a number in [min, max]; raises {@link InvalidConfigError} naming `field` otherwise. */
export function assertNumberInRange(scanner: string, field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new InvalidConfigError(`${scanner}: ${field} must be a number in [${min}, ${max}], got ${JSON.stringify(value)}.`, {
      details: { scanner, field, value },
    });
  }
  return value;
}

/** Raises {@link InvalidConfigError} if `config` is not a plain object or names an unknown option. */
export function assertKnownKeys(scanner: string, config: unknown, known: readonly string[]): void {
  if (config === undefined) return;
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new InvalidConfigError(`${scanner}: config must be an object.`, { details: { scanner } });
  }
  for (const key of Object.keys(config)) {
    if (!known.includes(key)) {
      throw new InvalidConfigError(`${scanner}: unknown option ${JSON.stringify(key)}; known options: ${known.join(', ')}.`, {
        details: { scanner, option: key },
      });
    }
  }
}

/** Options every classifier scanner accepts. */
export const CLASSIFIER_CONFIG_KEYS = ['threshold', 'fallbackThreshold', 'mode', 'useFallback'] as const;

/**
 * Validates the shared options and fills defaults.
 *
 * @param scanner - scanner name for error messages
 * @param config - user options
 * @param defaults.modelThreshold - default threshold when a model answers
 * @param defaults.heuristicThreshold - default threshold when the heuristic answers
 * @param defaults.range - allowed threshold range (default [0, 1])
 */
export function resolveClassifierConfig(
  scanner: string,
  config: ClassifierScannerConfig,
  defaults: { modelThreshold: number; heuristicThreshold: number; range?: [number, number] },
): ResolvedClassifierConfig {
  const [min, max] = defaults.range ?? [0, 1];
  const mode = config.mode ?? 'heuristic';
  if (!MODES.includes(mode)) {
    throw new InvalidConfigError(`${scanner}: mode must be one of ${MODES.join(', ')}, got ${JSON.stringify(mode)}.`, {
      details: { scanner, field: 'mode', value: mode },
    });
  }
  if (config.useFallback !== undefined && typeof config.useFallback !== 'boolean') {
    throw new InvalidConfigError(`${scanner}: useFallback must be a boolean.`, { details: { scanner, field: 'useFallback' } });
  }
  const defaultThreshold = mode === 'heuristic' ? defaults.heuristicThreshold : defaults.modelThreshold;
  return {
    mode,
    useFallback: config.useFallback ?? true,
    threshold: assertNumberInRange(scanner, 'threshold', config.threshold ?? defaultThreshold, min, max),
    fallbackThreshold: assertNumberInRange(scanner, 'fallbackThreshold', config.fallbackThreshold ?? defaults.heuristicThreshold, min, max),
  };
}
