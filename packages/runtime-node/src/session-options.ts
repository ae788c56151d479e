import { InvalidConfigError, type SessionOptionsV1 } from '@llm-shield/core';

/** Options of sessions created by the onnxruntime-node backend. */
export interface NodeSessionOptions extends SessionOptionsV1 {
  /** Threads that run independent operators in parallel (default: onnxruntime's choice). */
  interOpThreads?: number;
  /** Execution providers in order of preference (default `['cpu']`). `cuda` needs a CUDA build and GPU. */
  executionProviders?: ReadonlyArray<'cpu' | 'cuda'>;
  /** Use onnxruntime's CPU memory arena (default `true`, onnxruntime's default). `false` lowers resident memory. */
  enableCpuMemArena?: boolean;
  /** Pre-plan memory from the first run's shapes (default `true`). */
  enableMemPattern?: boolean;
  /**
   * onnxruntime session configuration entries (`SessionOptions.AddConfigEntry`), passed through as strings; default
   * none. Example: `{ 'session.disable_prepacking': '1' }` keeps weights in one copy instead of a pre-packed second
   * one, which lowers resident memory of large fp32 models at some speed cost (docs/performance.md).
   */
  configEntries?: Readonly<Record<string, string>>;
}

/** The plain object onnxruntime-node's `InferenceSession.create` takes, built from {@link NodeSessionOptions}. */
export interface OrtNodeSessionOptions {
  executionProviders: string[];
  graphOptimizationLevel: 'disabled' | 'basic' | 'extended' | 'all';
  intraOpNumThreads?: number;
  interOpNumThreads?: number;
  enableCpuMemArena: boolean;
  enableMemPattern: boolean;
  /** Session configuration entries (onnxruntime's `extra`). */
  extra?: Record<string, string>;
}

/** Every option {@link toOrtNodeSessionOptions} knows (the runtime adds `logSeverityLevel`). */
export const NODE_SESSION_OPTION_KEYS: readonly string[] = [
  'intraOpThreads',
  'interOpThreads',
  'graphOptimizationLevel',
  'executionProviders',
  'enableCpuMemArena',
  'enableMemPattern',
  'configEntries',
];

/**
 * Raises {@link InvalidConfigError} (`details: { option }`) for a key of `options` not in `known`: a misspelled
 * option (`intraOpThread`) is refused, never ignored.
 */
export function assertKnownSessionOptions(options: object, known: readonly string[]): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidConfigError('Session options must be an object.', { details: { field: 'sessionOptions' } });
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new InvalidConfigError(`Unknown session option ${JSON.stringify(key)}; known: ${known.join(', ')}.`, { details: { option: key } });
    }
  }
}

function threads(field: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw new InvalidConfigError(`${field} must be a positive integer, got ${JSON.stringify(value)}.`);
  return value;
}

/**
 * Validates {@link NodeSessionOptions} and converts them to onnxruntime-node's option object. Unknown keys (other than
 * `extraKeys`) are refused with `InvalidConfigError`.
 * Defaults: CPU provider, graph optimisation `all`, arena and memory pattern on, threads left to onnxruntime.
 */
export function toOrtNodeSessionOptions(options: NodeSessionOptions = {}, extraKeys: readonly string[] = []): OrtNodeSessionOptions {
  assertKnownSessionOptions(options, [...NODE_SESSION_OPTION_KEYS, ...extraKeys]);
  const providers = options.executionProviders ?? ['cpu'];
  if (providers.length === 0 || providers.some((provider) => provider !== 'cpu' && provider !== 'cuda')) {
    throw new InvalidConfigError(`executionProviders must list cpu and/or cuda, got ${JSON.stringify(providers)}.`);
  }
  const level = options.graphOptimizationLevel ?? 'all';
  if (!['disabled', 'basic', 'extended', 'all'].includes(level)) {
    throw new InvalidConfigError(`graphOptimizationLevel must be disabled, basic, extended or all, got ${JSON.stringify(level)}.`);
  }
  const result: OrtNodeSessionOptions = {
    executionProviders: [...providers],
    graphOptimizationLevel: level,
    enableCpuMemArena: options.enableCpuMemArena ?? true,
    enableMemPattern: options.enableMemPattern ?? true,
  };
  const entries = options.configEntries;
  if (entries !== undefined) {
    if (typeof entries !== 'object' || entries === null || Object.entries(entries).some(([key, value]) => key === '' || typeof value !== 'string')) {
      throw new InvalidConfigError(`configEntries must map non-empty keys to strings, got ${JSON.stringify(entries)}.`);
    }
    if (Object.keys(entries).length > 0) result.extra = { ...entries };
  }
  const intra = threads('intraOpThreads', options.intraOpThreads);
  const inter = threads('interOpThreads', options.interOpThreads);
  if (intra !== undefined) result.intraOpNumThreads = intra;
  if (inter !== undefined) result.interOpNumThreads = inter;
  return result;
}
