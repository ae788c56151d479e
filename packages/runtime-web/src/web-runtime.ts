import * as ort from 'onnxruntime-web';
import { createWebRuntimeWith, type WebRuntime, type WebRuntimeOptions } from './web-runtime-with.js';

export type { WebRuntime, WebRuntimeOptions } from './web-runtime-with.js';

/**
 * Creates an {@link InferenceRuntimeV1} over onnxruntime-web (a peer dependency, its main entry: WASM and WebGPU), for
 * browsers and Node. To ship less wasm, give another entry to `createWebRuntimeWith` from
 * `@llm-shield/runtime-web/with-ort` (e.g. `onnxruntime-web/wasm`, WASM only: 14 MB of wasm instead of 28 MB).
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
  return createWebRuntimeWith(ort, defaults);
}
