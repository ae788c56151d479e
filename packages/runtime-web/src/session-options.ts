import { InvalidConfigError, type SessionOptionsV1 } from '@llm-shield/core';

/** Options of sessions created by the onnxruntime-web backend. */
export interface WebSessionOptions extends SessionOptionsV1 {
  /** Execution providers in order of preference (default `['wasm']`). `webgpu` needs a browser with WebGPU. */
  executionProviders?: ReadonlyArray<'wasm' | 'webgpu'>;
}

/** The plain object onnxruntime-web's `InferenceSession.create` takes, built from {@link WebSessionOptions}. */
export interface OrtWebSessionOptions {
  executionProviders: string[];
  graphOptimizationLevel: 'disabled' | 'basic' | 'extended' | 'all';
}

/** Every option {@link toOrtWebSessionOptions} knows (the runtime adds `wasmPaths`). */
export const WEB_SESSION_OPTION_KEYS: readonly string[] = ['executionProviders', 'graphOptimizationLevel', 'intraOpThreads'];

/**
 * Validates {@link WebSessionOptions} and converts them to onnxruntime-web's option object (default: WASM,
 * graph optimisation `all`). WASM threads are an environment setting of onnxruntime-web (`env.wasm.numThreads`),
 * not a session option, so `intraOpThreads` is returned separately. Unknown keys (other than `extraKeys`) are refused
 * with `InvalidConfigError`.
 */
export function toOrtWebSessionOptions(
  options: WebSessionOptions = {},
  extraKeys: readonly string[] = [],
): { session: OrtWebSessionOptions; wasmThreads?: number } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidConfigError('Session options must be an object.', { details: { field: 'sessionOptions' } });
  }
  const known = [...WEB_SESSION_OPTION_KEYS, ...extraKeys];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new InvalidConfigError(`Unknown session option ${JSON.stringify(key)}; known: ${known.join(', ')}.`, { details: { option: key } });
    }
  }
  const providers = options.executionProviders ?? ['wasm'];
  if (providers.length === 0 || providers.some((provider) => provider !== 'wasm' && provider !== 'webgpu')) {
    throw new InvalidConfigError(`executionProviders must list wasm and/or webgpu, got ${JSON.stringify(providers)}.`);
  }
  const level = options.graphOptimizationLevel ?? 'all';
  if (!['disabled', 'basic', 'extended', 'all'].includes(level)) {
    throw new InvalidConfigError(`graphOptimizationLevel must be disabled, basic, extended or all, got ${JSON.stringify(level)}.`);
  }
  const threads = options.intraOpThreads;
  if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) {
    throw new InvalidConfigError(`intraOpThreads must be a positive integer, got ${JSON.stringify(threads)}.`);
  }
  const session = { executionProviders: [...providers], graphOptimizationLevel: level };
  return threads === undefined ? { session } : { session, wasmThreads: threads };
}
