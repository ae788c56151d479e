import { InvalidConfigError, type InferenceRuntimeV1, type InferenceSessionV1, type ModelInputV1 } from '@llm-shield/core';
import * as ort from 'onnxruntime-web';
import { checkModelInput, createOrtSession } from '@llm-shield/runtime-ort';
import { toOrtWebSessionOptions, type WebSessionOptions } from './session-options.js';
import { WebInferenceSession } from './web-session.js';

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

/** onnxruntime-web initialises its WASM module once per page or process; creations wait for one another. */
let creations: Promise<unknown> = Promise.resolve();
/** The environment the first session set (threads and wasmPaths), once set. */
let environment: { threads: number | undefined; wasmPaths: WebRuntimeOptions['wasmPaths'] } | undefined;

function serialise<T>(task: () => Promise<T>): Promise<T> {
  const result = creations.then(task);
  creations = result.catch(() => undefined);
  return result;
}

/**
 * Raises `InvalidConfigError` when an explicit `intraOpThreads` or `wasmPaths` differs from what the first session
 * set: onnxruntime-web reads both once per page or process, so a different later value could not be honoured.
 * Unset values accept what is there.
 */
function checkEnvironment(wasmThreads: number | undefined, wasmPaths: WebRuntimeOptions['wasmPaths']): void {
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

function setEnvironment(wasmThreads: number | undefined, wasmPaths: WebRuntimeOptions['wasmPaths']): void {
  checkEnvironment(wasmThreads, wasmPaths);
  if (environment !== undefined) return;
  const threads = wasmThreads ?? (isNode() ? 1 : undefined);
  environment = { threads, wasmPaths };
  if (threads !== undefined) ort.env.wasm.numThreads = threads;
  if (wasmPaths !== undefined) ort.env.wasm.wasmPaths = wasmPaths;
}

/**
 * Creates an {@link InferenceRuntimeV1} over onnxruntime-web (a peer dependency), for browsers and Node.
 *
 * - Execution providers: WASM by default; `executionProviders: ['webgpu', 'wasm']` prefers WebGPU where the
 *   browser has it. Without any usable provider session creation rejects with `InferenceFailedError`.
 * - Threads: `intraOpThreads` sets `ort.env.wasm.numThreads` (default 1 in Node; in browsers onnxruntime-web's
 *   default, which uses threads only on cross-origin-isolated pages). `wasmPaths` sets `ort.env.wasm.wasmPaths`.
 *   Both are process/page-wide settings that onnxruntime-web reads once, when the first session is created: a later
 *   session or runtime that asks for a different value explicitly is refused with `InvalidConfigError` (one that
 *   leaves them unset takes what is there).
 * - Models: `{ bytes }` everywhere; `{ path }` is read from the file system in Node and fetched as a URL in
 *   browsers (the whole file is loaded into memory either way).
 * - Session creations are serialised, and each session queues its runs (onnxruntime-web runs one at a time).
 *
 * Errors: `InvalidConfigError` for bad or unknown (misspelled) options, and for threads or wasmPaths that differ
 * from the first session's, `InvalidModelError` for unreadable or invalid models,
 * `InferenceFailedError` for other failures.
 *
 * @param defaults - session options applied to every session (default: WASM, level `all`, 1 thread in Node)
 */
export function createWebRuntime(defaults: WebRuntimeOptions = {}): WebRuntime {
  const fromDefaults = toOrtWebSessionOptions(defaults, RUNTIME_KEYS); // fail fast on bad defaults
  checkEnvironment(fromDefaults.wasmThreads, defaults.wasmPaths);
  const check = (options: WebSessionOptions) => {
    const resolved = toOrtWebSessionOptions({ ...defaults, ...options }, RUNTIME_KEYS);
    checkEnvironment(resolved.wasmThreads, defaults.wasmPaths);
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
      return serialise(async () => {
        setEnvironment(wasmThreads, defaults.wasmPaths);
        return createOrtSession(ort.InferenceSession, model, sessionOptions, (session) => new WebInferenceSession(session));
      });
    },
  };
}
