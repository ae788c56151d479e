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
}

/** The plain object onnxruntime-node's `InferenceSession.create` takes, built from {@link NodeSessionOptions}. */
export interface OrtNodeSessionOptions {
  executionProviders: string[];
  graphOptimizationLevel: 'disabled' | 'basic' | 'extended' | 'all';
  intraOpNumThreads?: number;
  interOpNumThreads?: number;
  enableCpuMemArena: boolean;
  enableMemPattern: boolean;
}

function threads(field: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 1) throw new InvalidConfigError(`${field} must be a positive integer, got ${JSON.stringify(value)}.`);
  return value;
}

/**
 * Validates {@link NodeSessionOptions} and converts them to onnxruntime-node's option object.
 * Defaults: CPU provider, graph optimisation `all`, arena and memory pattern on, threads left to onnxruntime.
 */
export function toOrtNodeSessionOptions(options: NodeSessionOptions = {}): OrtNodeSessionOptions {
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
  const intra = threads('intraOpThreads', options.intraOpThreads);
  const inter = threads('interOpThreads', options.interOpThreads);
  if (intra !== undefined) result.intraOpNumThreads = intra;
  if (inter !== undefined) result.interOpNumThreads = inter;
  return result;
}
