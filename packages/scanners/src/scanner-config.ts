import { InvalidConfigError } from '@llm-shield/core';
import { resolveCategories } from './categories.js';
import { DEFAULT_BATCH_SIZE } from './classifier-inference.js';
import { resolveLongInput, type LongInputMode, type LongInputOption, type ResolvedLongInput } from './long-input.js';
import { resolveModelOptions, type ClassifierModelOptions, type ResolvedModelOptions } from './model-options.js';
import { resolveCacheOptions, type ResolvedCacheOptions, type ResultCacheOptions } from './result-cache.js';

/**
 * What a classifier scanner does when its model cannot answer (not configured in `ml`/`hybrid` mode, unavailable,
 * invalid files or labels, a failed or non-finite inference, or `timeoutMs` expired):
 * - `block`: the result is invalid (`valid: false`, `score: 1`, `method: 'failed-closed'`, `failure: { code, message }`
 *   with the typed error's code, e.g. `LLMS_MODEL_UNAVAILABLE`, `LLMS_INVALID_MODEL`, `LLMS_INFERENCE_FAILED`,
 *   `LLMS_TIMEOUT`). The default of the security scanners (PromptInjection, Toxicity).
 * - `fallback`: the rule-based detector answers, `method: 'fallback'` with `fallbackReason`. Sentiment's default.
 * - `throw`: the scan rejects with the typed error (`ModelUnavailableError`, `InvalidModelError`,
 *   `InferenceFailedError`, `TimeoutError`).
 */
export type ModelFailurePolicy = 'block' | 'fallback' | 'throw';

/** The failure policies. */
export const MODEL_FAILURE_POLICIES: readonly ModelFailurePolicy[] = ['block', 'fallback', 'throw'];

/** Default `timeoutMs` of the classifier scanners when a model is asked: 30,000 ms (load and inference of one call). */
export const DEFAULT_MODEL_TIMEOUT_MS = 30_000;

/**
 * How a classifier scanner decides.
 * - `heuristic`: the rule-based detector answers (no model needed).
 * - `ml`: the model answers; if it cannot (see {@link ModelFailurePolicy}) `onModelFailure` decides: an invalid
 *   failed-closed result, the heuristic's answer as `fallback`, or a typed error.
 * - `hybrid`: the heuristic pre-filters. The model runs only when the heuristic's score is at least `hybridGate` or
 *   it reported any finding (Sentiment: a negative finding); the result then comes from the model with
 *   `method: 'hybrid'` (findings of both). Otherwise the heuristic answers alone (`method: 'heuristic'`, compared
 *   with `fallbackThreshold`) and the model is not called. Without a model it behaves like `ml`.
 */
export type DetectionMode = 'heuristic' | 'ml' | 'hybrid';

/** Options shared by the classifier scanners (PromptInjection, Toxicity, Sentiment). */
export interface ClassifierScannerConfig {
  /**
   * Decision threshold for the detector of `mode`: a score above it makes the text invalid.
   * Each scanner documents its default.
   */
  threshold?: number;
  /**
   * Threshold applied when the heuristic answers instead of the model (`fallback`, or `hybrid` with the model not
   * run). Default: the heuristic's own.
   */
  fallbackThreshold?: number;
  /**
   * Detection mode (see {@link DetectionMode}). Default when `model` is given: the model's own `default_mode` (the
   * `llm_shield` object of its `config.json`), else `ml`; without a model, `heuristic`. With `ml` or `hybrid` and
   * no usable model, `onModelFailure` decides.
   */
  mode?: DetectionMode;
  /**
   * What to do when the model cannot answer (see {@link ModelFailurePolicy}). Each scanner documents its default:
   * `block` for PromptInjection and Toxicity, `fallback` for Sentiment.
   */
  onModelFailure?: ModelFailurePolicy;
  /**
   * @deprecated Use `onModelFailure`: `true` is `'fallback'`, `false` is `'throw'`. Giving both is refused.
   */
  useFallback?: boolean;
  /**
   * Time limit of one `scan`/`scanMany` call's model work (loading included) in milliseconds; on expiry
   * `onModelFailure` decides, with `TimeoutError` (code `LLMS_TIMEOUT`). Default {@link DEFAULT_MODEL_TIMEOUT_MS}
   * (30 s); `0` means none. It cannot interrupt synchronous work (tokenizing, the rule-based detector): the check
   * happens when that work yields.
   */
  timeoutMs?: number;
  /** The model (source, runtime, id, variant, session options). Default: none (heuristic only). */
  model?: ClassifierModelOptions;
  /**
   * How text longer than the model's window is read. Each scanner documents its default: token `chunks` with
   * overlap (every token scored, the worst part decides) for PromptInjection and Toxicity, `full` for Sentiment.
   * See {@link LongInputOption}.
   */
  longInput?: LongInputOption;
  /**
   * `hybrid` mode: the heuristic score from which the model is asked, in [0, 1] on the result's score scale (the
   * model also runs whenever the heuristic reports a finding). Each scanner documents its default.
   */
  hybridGate?: number;
  /** Sequences per inference call in `scanMany` and for multi-part texts (default {@link DEFAULT_BATCH_SIZE}, 8). */
  batchSize?: number;
  /**
   * When a model answers (`ml`), also run the rule-based detector and report what it saw in `result.heuristic`, as
   * the explanation of the verdict. `'flagged'` (default): only for results that are invalid, and only when
   * `result.heuristic` is first read (a property computed on first access, then kept; `JSON.stringify` and spreads
   * read it), so a clean text costs only the model's work and a caller that only checks `valid` never pays for the
   * rules; `true`: for every result, during the scan; `false`: never. It never changes the verdict. (`hybrid`
   * always reports the rules, which gate the model.)
   */
  explain?: boolean | 'flagged';
  /**
   * LRU + TTL cache of results, used by `scan` and `scanMany` (default off). `true` takes the defaults
   * (1,000 entries, 5 minutes); see {@link ResultCacheOptions}.
   */
  cache?: boolean | ResultCacheOptions;
}

/** Validated, defaulted form of {@link ClassifierScannerConfig}. */
export interface ResolvedClassifierConfig {
  threshold: number;
  /** True when the user gave `threshold`; otherwise a model's own threshold (config.json `llm_shield`) wins. */
  thresholdGiven: boolean;
  fallbackThreshold: number;
  mode: DetectionMode;
  /** True when the user gave `mode`; otherwise a model's own `default_mode` (config.json `llm_shield`) wins. */
  modeGiven: boolean;
  onModelFailure: ModelFailurePolicy;
  /** 0: no limit. */
  timeoutMs: number;
  /** Absent when no model is configured. */
  model?: ResolvedModelOptions;
  longInput: ResolvedLongInput;
  hybridGate: number;
  batchSize: number;
  explain: boolean | 'flagged';
  /** Absent when caching is off. */
  cache?: ResolvedCacheOptions;
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
export const CLASSIFIER_CONFIG_KEYS = [
  'threshold',
  'fallbackThreshold',
  'mode',
  'onModelFailure',
  'useFallback',
  'timeoutMs',
  'model',
  'longInput',
  'hybridGate',
  'batchSize',
  'explain',
  'cache',
] as const;

/** Per-scanner defaults of {@link resolveClassifierConfig}. */
export interface ClassifierDefaults {
  /** Default threshold when a model answers. */
  modelThreshold: number;
  /** Default threshold when the heuristic answers. */
  heuristicThreshold: number;
  /** Default {@link ClassifierScannerConfig.hybridGate}. */
  hybridGate: number;
  /** Allowed threshold range (default [0, 1]). */
  range?: [number, number];
  /** Default {@link ClassifierScannerConfig.onModelFailure}. */
  onModelFailure: ModelFailurePolicy;
  /** Default {@link ClassifierScannerConfig.longInput}. */
  longInput: LongInputOption;
}

/**
 * Validates the options of a classifier scanner that also takes `categories` (PromptInjection, Toxicity): rejects
 * unknown option names, resolves the category list against `known` (default: all of them) and the shared options
 * with `defaults`. Raises {@link InvalidConfigError}.
 *
 * @param scanner - scanner name for error messages
 * @param config - user options
 * @param defaults - the scanner's defaults
 * @param known - every category the scanner knows
 */
export function resolveCategorizedClassifierConfig<Category extends string>(
  scanner: string,
  config: ClassifierScannerConfig & { categories?: readonly Category[] },
  defaults: ClassifierDefaults,
  known: readonly Category[],
): Readonly<ResolvedClassifierConfig & { categories: readonly Category[] }> {
  assertKnownKeys(scanner, config, [...CLASSIFIER_CONFIG_KEYS, 'categories']);
  const categories = resolveCategories(scanner, config.categories, known);
  return Object.freeze({ ...resolveClassifierConfig(scanner, config, defaults), categories });
}

/**
 * Validates the shared options and fills defaults.
 *
 * @param scanner - scanner name for error messages
 * @param config - user options
 * @param defaults.modelThreshold - default threshold when a model answers
 * @param defaults.heuristicThreshold - default threshold when the heuristic answers
 * @param defaults.range - allowed threshold range (default [0, 1])
 * @param defaults.hybridGate - default {@link ClassifierScannerConfig.hybridGate}
 * @param defaults.onModelFailure - default {@link ClassifierScannerConfig.onModelFailure}
 * @param defaults.longInput - default {@link ClassifierScannerConfig.longInput}
 */
export function resolveClassifierConfig(
  scanner: string,
  config: ClassifierScannerConfig,
  defaults: ClassifierDefaults,
): ResolvedClassifierConfig {
  const [min, max] = defaults.range ?? [0, 1];
  const model = resolveModelOptions(scanner, config.model);
  const mode = config.mode ?? (model ? 'ml' : 'heuristic');
  if (!MODES.includes(mode)) {
    throw new InvalidConfigError(`${scanner}: mode must be one of ${MODES.join(', ')}, got ${JSON.stringify(mode)}.`, {
      details: { scanner, field: 'mode', value: mode },
    });
  }
  const onModelFailure = resolveFailurePolicy(scanner, config, defaults.onModelFailure);
  const timeoutMs = config.timeoutMs ?? DEFAULT_MODEL_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs < 0) {
    throw new InvalidConfigError(`${scanner}: timeoutMs must be a finite number ≥ 0 (0: none), got ${JSON.stringify(timeoutMs)}.`, {
      details: { scanner, field: 'timeoutMs', value: timeoutMs },
    });
  }
  const defaultThreshold = mode === 'heuristic' ? defaults.heuristicThreshold : defaults.modelThreshold;
  const batchSize = config.batchSize ?? DEFAULT_BATCH_SIZE;
  if (typeof batchSize !== 'number' || !Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1024) {
    throw new InvalidConfigError(`${scanner}: batchSize must be an integer in [1, 1024], got ${JSON.stringify(batchSize)}.`, {
      details: { scanner, field: 'batchSize', value: batchSize },
    });
  }
  const cache = resolveCacheOptions(scanner, config.cache);
  if (config.explain !== undefined && typeof config.explain !== 'boolean' && config.explain !== 'flagged') {
    throw new InvalidConfigError(`${scanner}: explain must be true, false or "flagged".`, { details: { scanner, field: 'explain', value: config.explain } });
  }
  return {
    mode,
    modeGiven: config.mode !== undefined,
    onModelFailure,
    timeoutMs,
    threshold: assertNumberInRange(scanner, 'threshold', config.threshold ?? defaultThreshold, min, max),
    thresholdGiven: config.threshold !== undefined,
    fallbackThreshold: assertNumberInRange(scanner, 'fallbackThreshold', config.fallbackThreshold ?? defaults.heuristicThreshold, min, max),
    longInput: resolveLongInput(scanner, config.longInput ?? defaults.longInput, defaultLongInputMode(defaults.longInput)),
    hybridGate: assertNumberInRange(scanner, 'hybridGate', config.hybridGate ?? defaults.hybridGate, 0, 1),
    batchSize,
    explain: config.explain ?? 'flagged',
    ...(model ? { model } : {}),
    ...(cache ? { cache } : {}),
  };
}

/**
 * Resolves `onModelFailure` and its deprecated alias `useFallback` (`true` → `fallback`, `false` → `throw`); giving
 * both, or a value of the wrong type, raises {@link InvalidConfigError}.
 */
export function resolveFailurePolicy(
  scanner: string,
  config: Pick<ClassifierScannerConfig, 'onModelFailure' | 'useFallback'>,
  fallback: ModelFailurePolicy,
): ModelFailurePolicy {
  const { onModelFailure, useFallback } = config;
  if (useFallback !== undefined && typeof useFallback !== 'boolean') {
    throw new InvalidConfigError(`${scanner}: useFallback must be a boolean.`, { details: { scanner, field: 'useFallback', value: useFallback } });
  }
  if (onModelFailure !== undefined && !MODEL_FAILURE_POLICIES.includes(onModelFailure)) {
    throw new InvalidConfigError(`${scanner}: onModelFailure must be one of ${MODEL_FAILURE_POLICIES.join(', ')}, got ${JSON.stringify(onModelFailure)}.`, {
      details: { scanner, field: 'onModelFailure', value: onModelFailure },
    });
  }
  if (onModelFailure !== undefined && useFallback !== undefined) {
    throw new InvalidConfigError(`${scanner}: give onModelFailure or its deprecated alias useFallback, not both.`, {
      details: { scanner, field: 'useFallback', value: useFallback },
    });
  }
  if (onModelFailure !== undefined) return onModelFailure;
  if (useFallback !== undefined) return useFallback ? 'fallback' : 'throw';
  return fallback;
}

/** The mode of a scanner's default `longInput` (a mode name, or an object's `mode`). */
function defaultLongInputMode(option: LongInputOption): LongInputMode {
  return typeof option === 'string' ? option : option.mode;
}
