import { InvalidConfigError, type InferenceRuntimeV1, type InferenceSessionV1, type ModelInputV1 } from '@llm-shield/core';
import * as ort from 'onnxruntime-node';
import { NodeInferenceSession } from './node-session.js';
import { checkModelInput, createOrtSession } from '@llm-shield/runtime-ort';
import { toOrtNodeSessionOptions, type NodeSessionOptions } from './session-options.js';
import { checkMappedWeightsOptions, resolveMappedModel, type MappedWeightsOptions } from './mapped-weights/mapped-weights-cache.js';

/** Options of {@link createNodeRuntime}: defaults for every session it creates, plus logging. */
export interface NodeRuntimeOptions extends NodeSessionOptions {
  /**
   * onnxruntime's log level for these sessions: 0 verbose, 1 info, 2 warning, 3 error, 4 fatal (default 3,
   * so that a failed CUDA probe does not print its native error on top of the typed error you get).
   */
  logSeverityLevel?: 0 | 1 | 2 | 3 | 4;
  /**
   * Memory-mapped weights (default off): single-file models of at least `minModelBytes` (16 MiB) given as
   * `{ path }` are rewritten once into `dir` with their weights in a page-aligned data file, which onnxruntime
   * memory-maps instead of copying into each process's heap. The weights then live in file-backed pages that every
   * process loading the same model shares and the kernel can reclaim. Combine with `enableCpuMemArena: false` and
   * `configEntries: { 'session.disable_prepacking': '1' }`, otherwise onnxruntime copies the weights it pre-packs.
   * `{ bytes }` models are loaded as they are. Figures: docs/performance.md, "Resident memory".
   */
  mappedWeights?: MappedWeightsOptions | false;
}

/** The onnxruntime-node runtime: an {@link InferenceRuntimeV1} whose sessions also take {@link NodeRuntimeOptions}. */
export interface NodeRuntime extends InferenceRuntimeV1 {
  readonly name: 'onnxruntime-node';
  createSession(model: ModelInputV1, options?: NodeRuntimeOptions): Promise<InferenceSessionV1>;
  checkSessionOptions(options: NodeRuntimeOptions): void;
}

/** Options of the runtime beyond the session options: `logSeverityLevel`. */
const RUNTIME_KEYS: readonly string[] = ['logSeverityLevel', 'mappedWeights'];

function checkLogLevel(level: unknown): void {
  if (level !== undefined && !(Number.isInteger(level) && (level as number) >= 0 && (level as number) <= 4)) {
    throw new InvalidConfigError(`logSeverityLevel must be an integer from 0 to 4, got ${JSON.stringify(level)}.`);
  }
}

/**
 * Creates an {@link InferenceRuntimeV1} over onnxruntime-node (a peer dependency).
 *
 * - Execution providers: CPU by default; `executionProviders: ['cuda', 'cpu']` asks for CUDA first, which needs a
 *   GPU and onnxruntime-node's CUDA binaries (installed with `npm install onnxruntime-node
 *   --onnxruntime-node-install=cuda12`); without them session creation rejects with `InferenceFailedError`.
 * - Threads: `intraOpThreads` / `interOpThreads` (default: onnxruntime's choice, about one per core).
 * - Graph optimisation: `graphOptimizationLevel` (default `all`).
 * - Memory: `enableCpuMemArena` (default `true`; `false` gives memory back after each run at some speed cost),
 *   `enableMemPattern` (default `true`).
 * - Memory-mapped weights: `mappedWeights: { dir }` (default off) rewrites large single-file models once into
 *   `dir` with page-aligned external data, so that their weights are shared between processes and reclaimable.
 * - Models: `{ path }` lets onnxruntime read the file itself, which is required for models with external data
 *   (`model.onnx` + `model.onnx_data` beside it: onnxruntime resolves the data relative to the model's folder and
 *   memory-maps it where the layout allows, instead of holding a second copy in the JS heap); `{ bytes }` suits
 *   single-file models already in memory.
 *
 * Options given to `createSession` override the runtime's defaults field by field; `checkSessionOptions` checks
 * them without creating a session (scanners call it at construction). Errors: `InvalidConfigError` for bad or
 * unknown (misspelled) options, `InvalidModelError` for unreadable or invalid models (missing file, empty, garbage, truncated),
 * `InferenceFailedError` for other creation failures.
 *
 * @param defaults - session options applied to every session (default: CPU, onnxruntime's threads, level `all`)
 */
export function createNodeRuntime(defaults: NodeRuntimeOptions = {}): NodeRuntime {
  const check = (options: NodeRuntimeOptions): NodeRuntimeOptions => {
    const merged: NodeRuntimeOptions = { ...defaults, ...options };
    toOrtNodeSessionOptions(merged, RUNTIME_KEYS);
    checkLogLevel(merged.logSeverityLevel);
    checkMappedWeightsOptions(merged.mappedWeights);
    return merged;
  };
  check({}); // fail fast on bad defaults
  return {
    specificationVersion: 'v1',
    name: 'onnxruntime-node',
    checkSessionOptions(options: NodeRuntimeOptions) {
      check(options);
    },
    async createSession(model: ModelInputV1, options: NodeRuntimeOptions = {}) {
      const merged = check(options);
      const sessionOptions: ort.InferenceSession.SessionOptions = {
        ...toOrtNodeSessionOptions(merged, RUNTIME_KEYS),
        logSeverityLevel: merged.logSeverityLevel ?? 3,
      };
      checkModelInput(model);
      const mapped = merged.mappedWeights;
      const source = mapped && 'path' in model ? { path: await resolveMappedModel(model.path, mapped) } : model;
      return createOrtSession(ort.InferenceSession, source, sessionOptions, (session) => new NodeInferenceSession(session));
    },
  };
}
