import type { ModelFilesV1, ModelSourceV1, ModelVariant } from '@llm-shield/core';
import type { ProgressCallback } from '../progress.js';
import { resolveByPull } from '../shared/model-unavailable.js';
import { createBrowserModelHub, type BrowserModelHub, type BrowserModelHubOptions, type BrowserPulledModel } from './browser-model-hub.js';

/** Options of {@link createBrowserModelSource}: those of {@link createBrowserModelHub} plus defaults for each resolve. */
export interface BrowserModelSourceOptions extends BrowserModelHubOptions {
  /** Variant when `resolve` names none (default: the first the model has of fp32, fp16, int8, quantized). */
  variant?: ModelVariant;
  /** Progress of downloads started by `resolve`. */
  onProgress?: ProgressCallback;
}

/** A {@link ModelSourceV1} over the Hub and the browser cache, with the {@link BrowserModelHub} it uses. */
export interface BrowserModelSource extends ModelSourceV1 {
  readonly hub: BrowserModelHub;
}

/**
 * A model source for browsers: returns verified files from the browser cache (OPFS or the Cache API), downloading
 * what is missing unless offline; a pinned commit already cached is served without any request. Each file's `read()`
 * returns its cached bytes; files have no `path`. As in Node's `createHubModelSource`, failures to obtain the model
 * (offline and not cached, no network, 401/403, 404, checksum, quota, interrupted) reject with `ModelUnavailableError`
 * whose `cause` is the specific typed error and whose `details.causeCode` is its code; `InvalidConfigError` (unknown
 * model or variant) and `AbortedError` pass through. Use `source.hub.pull` for the specific errors directly.
 */
export function createBrowserModelSource(options: BrowserModelSourceOptions = {}): BrowserModelSource {
  const hub = createBrowserModelHub(options);
  return {
    specificationVersion: 'v1',
    hub,
    resolve: (modelId, resolveOptions = {}) => resolveByPull((id, pullOptions) => hub.pull(id, pullOptions), browserModelFiles, modelId, resolveOptions, options),
  };
}

/** The {@link ModelFilesV1} of a model in the browser cache: `read()` only, no `path`. */
export function browserModelFiles(pulled: BrowserPulledModel): ModelFilesV1 {
  const file = (f: { read(): Promise<Uint8Array> }) => ({ read: () => f.read() });
  return {
    modelId: pulled.modelId,
    revision: pulled.commit,
    variant: pulled.variant,
    model: file(pulled.files.model),
    tokenizer: file(pulled.files.tokenizer),
    ...(pulled.files.tokenizerConfig ? { tokenizerConfig: file(pulled.files.tokenizerConfig) } : {}),
    config: file(pulled.files.config),
  };
}
