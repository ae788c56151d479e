import { InvalidConfigError, type InferenceRuntimeV1, type InferenceSessionV1, type ModelInputV1 } from '@llm-shield/core';
import type * as OrtWeb from 'onnxruntime-web';
import { checkModelInput, createOrtSession } from '@llm-shield/runtime-ort';
import { toOrtWebSessionOptions, type WebSessionOptions } from './session-options.js';
import { WebInferenceSession } from './web-session.js';

/**
 * The parts of an onnxruntime-web module the runtime uses. Any of its entries fits: `onnxruntime-web` (WASM and
 * WebGPU, 28 MB of wasm), `onnxruntime-web/wasm` (WASM only, 14 MB), `onnxruntime-web/webgpu`, `onnxruntime-web/all`.
 */
export type OrtWebModule = Pick<typeof OrtWeb, 'InferenceSession' | 'Tensor' | 'env'>;

/** Options of {@link createWebRuntime}: defaults for every session, plus onnxruntime-web's environment. */
export interface WebRuntimeOptions extends WebSessionOptions {
  /**
   * Where onnxruntime-web finds its `.wasm`/`.mjs` files: a URL prefix (ending in `/`) or a map of file names to
   * URLs, as `ort.env.wasm.wasmPaths` takes (default: onnxruntime-web's own choice, next to its module, which
   * works in Node and with bundlers that copy the files; set it when a bundler or CDN moves them).
   */
  wasmPaths?: string | Record<string, string>;
}

/** The onnxruntime-web runtime: an {@link InferenceRuntimeV1} whose sessions also take {@link WebSessionOptions}. */
export interface WebRuntime extends InferenceRuntimeV1 {
  readonly name: 'onnxruntime-web';
  createSession(model: ModelInputV1, options?: WebSessionOptions): Promise<InferenceSessionV1>;
  checkSessionOptions(options: WebSessionOptions): void;
}

/** Options of the runtime beyond the session options: `wasmPaths`. */
const RUNTIME_KEYS: readonly string[] = ['wasmPaths'];

interface ProcessLike {
  versions?: { node?: string };
}

/** True in Node (and Node-like runtimes), where onnxruntime-web's own thread default is not wanted. */
function isNode(): boolean {
  return typeof (globalThis as { process?: ProcessLike }).process?.versions?.node === 'string';
}

/** Per onnxruntime-web module (keyed by its `env`): its WASM initialises once, so creations wait for one another. */
interface ModuleState {
  creations: Promise<unknown>;
  /** The environment the first session set (threads and wasmPaths), once set. */
  environment: { threads: number | undefined; wasmPaths: WebRuntimeOptions['wasmPaths'] } | undefined;
}
const states = new WeakMap<object, ModuleState>();

function stateOf(ort: OrtWebModule): ModuleState {
  let state = states.get(ort.env);
  if (!state) states.set(ort.env, (state = { creations: Promise.resolve(), environment: undefined }));
  return state;
}

function serialise<T>(state: ModuleState, task: () => Promise<T>): Promise<T> {
  const result = state.creations.then(task);
  state.creations = result.catch(() => undefined);
  return result;
}

/**
 * Raises `InvalidConfigError` when an explicit `intraOpThreads` or `wasmPaths` differs from what the first session
 * set: onnxruntime-web reads both once per page or process, so a different later value could not be honoured.
 * Unset values accept what is there.
 */
function checkEnvironment(state: ModuleState, wasmThreads: number | undefined, wasmPaths: WebRuntimeOptions['wasmPaths']): void {
  const environment = state.environment;
  if (environment === undefined) return;
  if (wasmThreads !== undefined && wasmThreads !== environment.threads) {
    throw new InvalidConfigError(
      `intraOpThreads ${wasmThreads} differs from the ${environment.threads ?? 'default'} threads onnxruntime-web was started with; ` +
        'its WASM threads are set once per page or process.',
      { details: { field: 'intraOpThreads', value: wasmThreads, current: environment.threads } },
    );
  }
  if (wasmPaths !== undefined && JSON.stringify(wasmPaths) !== JSON.stringify(environment.wasmPaths)) {
    throw new InvalidConfigError('wasmPaths differs from the one onnxruntime-web was started with; it is set once per page or process.', {
      details: { field: 'wasmPaths', value: wasmPaths, current: environment.wasmPaths },
    });
  }
}

function setEnvironment(ort: OrtWebModule, state: ModuleState, wasmThreads: number | undefined, wasmPaths: WebRuntimeOptions['wasmPaths']): void {
  checkEnvironment(state, wasmThreads, wasmPaths);
  if (state.environment !== undefined) return;
  const threads = wasmThreads ?? (isNode() ? 1 : undefined);
  state.environment = { threads, wasmPaths };
  if (threads !== undefined) ort.env.wasm.numThreads = threads;
  if (wasmPaths !== undefined) ort.env.wasm.wasmPaths = wasmPaths;
}

/**
 * Creates an {@link InferenceRuntimeV1} over the onnxruntime-web module given, so an application (or
 * `@llm-shield/browser`) picks the entry, and with it the wasm it ships: `onnxruntime-web/wasm` for WASM only,
 * `onnxruntime-web/webgpu` for WebGPU. This module never imports onnxruntime-web itself, so the module can be
 * imported lazily (`await import('onnxruntime-web/wasm')`) when a model first runs. {@link createWebRuntime} is this
 * function over the `onnxruntime-web` main entry; see it for options, threads and errors.
 *
 * @param ort - an onnxruntime-web module
 * @param defaults - session options applied to every session (default: WASM, level `all`, 1 thread in Node)
 */
export function createWebRuntimeWith(ort: OrtWebModule, defaults: WebRuntimeOptions = {}): WebRuntime {
  const state = stateOf(ort);
  const fromDefaults = toOrtWebSessionOptions(defaults, RUNTIME_KEYS); // fail fast on bad defaults
  checkEnvironment(state, fromDefaults.wasmThreads, defaults.wasmPaths);
  const check = (options: WebSessionOptions) => {
    const resolved = toOrtWebSessionOptions({ ...defaults, ...options }, RUNTIME_KEYS);
    checkEnvironment(state, resolved.wasmThreads, defaults.wasmPaths);
    return resolved;
  };
  return {
    specificationVersion: 'v1',
    name: 'onnxruntime-web',
    checkSessionOptions(options: WebSessionOptions) {
      check(options);
    },
    async createSession(model: ModelInputV1, options: WebSessionOptions = {}) {
      const { session: sessionOptions, wasmThreads } = check(options);
      checkModelInput(model);
      return serialise(state, async () => {
        setEnvironment(ort, state, wasmThreads, defaults.wasmPaths);
        return createOrtSession(ort.InferenceSession, model, sessionOptions, (session) => new WebInferenceSession(session, ort.Tensor));
      });
    },
  };
}
