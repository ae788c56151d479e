import { InvalidConfigError, type InferenceRuntimeV1, type InferenceSessionV1, type ModelInputV1 } from '@llm-shield/core';
import { warmUpModelBytes } from './warm-up-model.js';
import { createWebRuntimeWith, toOrtWebSessionOptions, type OrtWebModule, type WebRuntimeOptions, type WebSessionOptions } from '@llm-shield/runtime-web/with-ort';

/** Options of {@link createLazyWebRuntime}: the runtime's session defaults, plus which onnxruntime-web entry to load. */
export interface LazyWebRuntimeOptions extends WebRuntimeOptions {
  /**
   * Loads the onnxruntime-web module when the first model runs (default: `() => import('onnxruntime-web/wasm')`,
   * the WASM-only entry: 14 MB of wasm in the build instead of the main entry's 28 MB). For WebGPU pass
   * `() => import('onnxruntime-web/webgpu')` together with `executionProviders: ['webgpu', 'wasm']`; bundlers then
   * ship that entry's wasm instead.
   */
  onnxruntime?: () => Promise<OrtWebModule>;
}

/** onnxruntime-web imported on first use, which can also start ahead of the first session ({@link LazyWebRuntime.warmUp}). */
export interface LazyWebRuntime extends InferenceRuntimeV1 {
  /**
   * Imports onnxruntime-web and starts its wasm (fetch, compile, instantiate) through a tiny warm-up session, without
   * waiting: the browser platform calls it when a model starts loading, so the wasm starts while the model files are
   * fetched and verified. Failures are left to the first real session to report. Idempotent.
   */
  warmUp(): void;
}

/** The WASM-only onnxruntime-web entry, imported on first use (bundlers split it, and its wasm, into their own files). */
export const loadWasmOnnxruntime = (): Promise<OrtWebModule> => import('onnxruntime-web/wasm');

/**
 * onnxruntime-web behind an {@link InferenceRuntimeV1} that imports it only when the first session is created, so a
 * page whose shield never runs a model (rules only, or `detectionMode: 'heuristic'`) never downloads onnxruntime or
 * its wasm. Raises `InvalidConfigError` at once for bad session options, and for `executionProviders` naming
 * `webgpu` without an `onnxruntime` loader (the default WASM-only entry has no WebGPU).
 *
 * @param options - session defaults (`executionProviders` default `['wasm']`, `intraOpThreads`, `wasmPaths`) and the loader
 */
export function createLazyWebRuntime(options: LazyWebRuntimeOptions = {}): LazyWebRuntime {
  const { onnxruntime, ...defaults } = options;
  toOrtWebSessionOptions(defaults);
  if (onnxruntime !== undefined && typeof onnxruntime !== 'function') {
    throw new InvalidConfigError('onnxruntime must be a function that imports an onnxruntime-web entry, e.g. () => import("onnxruntime-web/webgpu").', {
      details: { field: 'onnxruntime', value: typeof onnxruntime },
    });
  }
  if (defaults.executionProviders?.includes('webgpu') && onnxruntime === undefined) {
    throw new InvalidConfigError(
      'executionProviders names webgpu, but the default onnxruntime-web entry (onnxruntime-web/wasm) has no WebGPU: also pass onnxruntime: () => import("onnxruntime-web/webgpu").',
      { details: { field: 'executionProviders', value: [...defaults.executionProviders] } },
    );
  }
  let runtime: Promise<InferenceRuntimeV1> | undefined;
  let warming: Promise<unknown> | undefined;
  const load = () => (runtime ??= (onnxruntime ?? loadWasmOnnxruntime)().then((ort) => createWebRuntimeWith(ort, defaults)));
  return {
    specificationVersion: 'v1',
    name: 'onnxruntime-web',
    async createSession(model: ModelInputV1, sessionOptions?: WebSessionOptions): Promise<InferenceSessionV1> {
      return (await load()).createSession(model, sessionOptions);
    },
    warmUp() {
      warming ??= load()
        .then((ready) => ready.createSession({ bytes: warmUpModelBytes() }))
        .then((session) => session.dispose())
        .catch(() => undefined);
    },
  };
}
