import {
  InvalidConfigError,
  LlmShieldError,
  type InferenceRuntimeV1,
  type ModelSourceV1,
  type ModelVariant,
  type SessionOptionsV1,
} from '@llm-shield/core';

/** Precision variants a model source may serve. */
export const MODEL_VARIANTS: readonly ModelVariant[] = ['fp32', 'fp16', 'int8', 'quantized'];

/** Default pause after a failed model load before a scan tries to load it again: 30 s. */
export const DEFAULT_MODEL_RETRY_AFTER_MS = 30_000;

/**
 * The model of an ML classifier scanner. Scanners import neither a runtime nor the hub: the application hands
 * them both. Scanners given the same `runtime` instance, the same `source` instance and the same `id`, `variant`
 * and `sessionOptions` share one loaded session (loaded once, on the first scan that needs it).
 */
export interface ClassifierModelOptions {
  /** Where the model's files come from (`@llm-shield/model-hub`, a folder, embedded bytes…). */
  source: ModelSourceV1;
  /** The inference backend that creates the session (`@llm-shield/runtime-node`, `@llm-shield/runtime-web`…). */
  runtime: InferenceRuntimeV1;
  /** Model id passed to `source.resolve`, e.g. `protectai/deberta-v3-base-prompt-injection-v2`. */
  id: string;
  /** Precision variant passed to `source.resolve` (default: the source's own default). */
  variant?: ModelVariant;
  /**
   * Options passed to `runtime.createSession` (default: none, the runtime's defaults). When the runtime has
   * `checkSessionOptions` (runtime-node, runtime-web), they are checked at construction: an unknown (misspelled)
   * option or a bad value raises `InvalidConfigError`.
   */
  sessionOptions?: SessionOptionsV1;
  /**
   * After a failed load, every scan reports the remembered failure through the scanner's `onModelFailure` policy
   * (failed closed, fallback or a typed error, never a silent pass) for this long before the next scan tries to load
   * again, so that an unreachable hub is not retried on every scan. Default {@link DEFAULT_MODEL_RETRY_AFTER_MS} (30 s); `0` retries on the next scan.
   */
  retryAfterMs?: number;
}

/** Validated form of {@link ClassifierModelOptions}. */
export interface ResolvedModelOptions {
  readonly source: ModelSourceV1;
  readonly runtime: InferenceRuntimeV1;
  readonly id: string;
  readonly variant?: ModelVariant;
  readonly sessionOptions?: SessionOptionsV1;
  readonly retryAfterMs: number;
}

function fail(scanner: string, message: string, field: string): never {
  throw new InvalidConfigError(`${scanner}: model.${field} ${message}`, { details: { scanner, field: `model.${field}` } });
}

/**
 * Validates the `model` option of a classifier scanner; raises {@link InvalidConfigError} naming the bad field.
 * `undefined` stays `undefined` (no model: heuristic mode by default).
 */
export function resolveModelOptions(scanner: string, model: unknown): ResolvedModelOptions | undefined {
  if (model === undefined) return undefined;
  if (typeof model !== 'object' || model === null || Array.isArray(model)) {
    throw new InvalidConfigError(`${scanner}: model must be an object { source, runtime, id, variant?, sessionOptions? }.`, {
      details: { scanner, field: 'model' },
    });
  }
  const options = model as Partial<ClassifierModelOptions> & Record<string, unknown>;
  const known = ['source', 'runtime', 'id', 'variant', 'sessionOptions', 'retryAfterMs'];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) fail(scanner, `is not an option; known: ${known.join(', ')}.`, key);
  }
  const source = options.source;
  if (typeof source !== 'object' || source === null || typeof source.resolve !== 'function') {
    fail(scanner, 'must be a ModelSourceV1 (an object with resolve()).', 'source');
  }
  const runtime = options.runtime;
  if (typeof runtime !== 'object' || runtime === null || typeof runtime.createSession !== 'function') {
    fail(scanner, 'must be an InferenceRuntimeV1 (an object with createSession()).', 'runtime');
  }
  if (typeof options.id !== 'string' || options.id.trim() === '') fail(scanner, 'must be a non-empty string.', 'id');
  if (options.variant !== undefined && !MODEL_VARIANTS.includes(options.variant)) {
    fail(scanner, `must be one of ${MODEL_VARIANTS.join(', ')}.`, 'variant');
  }
  if (options.sessionOptions !== undefined && (typeof options.sessionOptions !== 'object' || options.sessionOptions === null)) {
    fail(scanner, 'must be an object.', 'sessionOptions');
  }
  if (options.sessionOptions !== undefined && typeof runtime.checkSessionOptions === 'function') {
    // The runtime knows its options: a misspelled one is refused here, not when the model first loads.
    try {
      runtime.checkSessionOptions(options.sessionOptions);
    } catch (error) {
      const option = LlmShieldError.isInstance(error) ? error.details['option'] ?? error.details['field'] : undefined;
      throw new InvalidConfigError(`${scanner}: model.sessionOptions: ${error instanceof Error ? error.message : String(error)}`, {
        cause: error,
        details: { scanner, field: `model.sessionOptions${typeof option === 'string' ? `.${option}` : ''}`, ...(typeof option === 'string' ? { option } : {}) },
      });
    }
  }
  const retryAfterMs = options.retryAfterMs ?? DEFAULT_MODEL_RETRY_AFTER_MS;
  if (typeof retryAfterMs !== 'number' || !Number.isFinite(retryAfterMs) || retryAfterMs < 0) {
    fail(scanner, 'must be a finite number ≥ 0.', 'retryAfterMs');
  }
  return Object.freeze({
    source,
    runtime,
    id: options.id,
    retryAfterMs,
    ...(options.variant === undefined ? {} : { variant: options.variant }),
    ...(options.sessionOptions === undefined ? {} : { sessionOptions: Object.freeze({ ...options.sessionOptions }) }),
  });
}
