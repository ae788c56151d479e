import { InvalidConfigError, type InferenceRuntimeV1, type ModelSourceV1, type ModelVariant } from '@llm-shield/core';
import {
  createBrowserModelHub,
  createBrowserModelSource,
  createUrlModelSource,
  DEFAULT_SCANNER_MODELS,
  openBrowserModelStore,
  type BrowserModelHubOptions,
  type BrowserModelStore,
  type BrowserStorageChoice,
} from '@llm-shield/model-hub/browser';
import { EMBEDDED_MODELS, type EmbeddedModelTask } from '@llm-shield/models-embedded';
import type { ModelCandidate, ModelRequest, ShieldPlatformV1 } from '@llm-shield/shield';
import { createEmbeddedModelSource } from './embedded-model-source.js';
import { createLazyWebRuntime, type LazyWebRuntimeOptions } from './lazy-web-runtime.js';

/** Variants looked for in the browser store when none is asked for: the quantised ones first (faster on CPUs). */
export const BROWSER_VARIANT_PREFERENCE: readonly ModelVariant[] = ['int8', 'quantized', 'fp32', 'fp16'];

/** Options of {@link createBrowserPlatform}. */
export interface BrowserPlatformOptions extends LazyWebRuntimeOptions {
  /** The inference runtime of every model (default: onnxruntime-web, see {@link LazyWebRuntimeOptions}, imported on first use). */
  runtime?: InferenceRuntimeV1;
  /**
   * Where model files are kept: `auto` (OPFS where usable, else the Cache API), `opfs`, `cache-api`, or `none` (keep
   * nothing: every page load fetches the embedded models again) (default `auto`; a page where neither exists, e.g. an
   * insecure http origin, keeps nothing and says so in the shield's warnings).
   */
  storage?: BrowserStorageChoice | 'none';
  /** A store to use instead of `storage` (e.g. `createMemoryModelStore()`). */
  store?: BrowserModelStore;
  /** Cache API cache name, or OPFS folder name (default model-hub's `DEFAULT_BROWSER_CACHE_NAME`). */
  cacheName?: string;
  /** The fetch for model files (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /** Hub URL for the production models (a mirror must allow the page's origin) (default `https://huggingface.co`). */
  hubUrl?: string;
  /** Access token for gated production models (anything given to a page is visible to its users) (default none). */
  token?: string;
}

function productionModel(scanner: string): string | undefined {
  return scanner in DEFAULT_SCANNER_MODELS ? DEFAULT_SCANNER_MODELS[scanner as keyof typeof DEFAULT_SCANNER_MODELS] : undefined;
}

const STORAGE_CHOICES = ['auto', 'opfs', 'cache-api', 'none'];

/**
 * The browser half of the model policy (the precedence is `resolveScannerModel` of `@llm-shield/shield`):
 * - `explicit`: a model folder URL ({@link createUrlModelSource}, relative URLs resolve against the page);
 * - `cached`: the production model when its files are already in the browser store (never a request);
 * - `download`: the production model pulled from the Hub into the store, verified (only with `download: true`);
 * - `embedded`: the int8 embedded model, served as the bundle's static assets, fetched once, verified (size and
 *   sha256) and kept in the store, with its own threshold and default mode;
 * - `runtime`: onnxruntime-web, WASM-only entry by default, imported when the first model runs.
 *
 * Raises `InvalidConfigError` for a bad `storage` or runtime option.
 *
 * @param options - runtime, storage and hub options
 */
export function createBrowserPlatform(options: BrowserPlatformOptions = {}): ShieldPlatformV1 {
  const { runtime: givenRuntime, storage, store: givenStore, cacheName, fetch, hubUrl, token, ...runtimeOptions } = options;
  if (storage !== undefined && !STORAGE_CHOICES.includes(storage)) {
    throw new InvalidConfigError(`storage must be one of ${STORAGE_CHOICES.join(', ')}, got ${JSON.stringify(storage)}.`, { details: { field: 'storage', value: storage } });
  }
  const lazy = givenRuntime === undefined ? createLazyWebRuntime(runtimeOptions) : undefined;
  const runtime = givenRuntime ?? lazy!;
  /** A model starts loading: start onnxruntime-web's wasm alongside (the default runtime only). */
  const warming = (source: ModelSourceV1): ModelSourceV1 =>
    lazy === undefined
      ? source
      : {
          specificationVersion: 'v1',
          resolve(modelId, resolveOptions) {
            lazy.warmUp();
            return source.resolve(modelId, resolveOptions);
          },
        };
  let opened: { store?: BrowserModelStore; problem?: string } | undefined;
  const openStore = (): { store?: BrowserModelStore; problem?: string } => {
    if (opened) return opened;
    if (givenStore) return (opened = { store: givenStore });
    if (storage === 'none') return (opened = {});
    try {
      opened = { store: openBrowserModelStore({ ...(storage ? { storage } : {}), ...(cacheName ? { cacheName } : {}) }) };
    } catch (error) {
      opened = { problem: error instanceof Error ? error.message : String(error) };
    }
    return opened;
  };
  const storeFor = (request: ModelRequest): BrowserModelStore | undefined => {
    const { store, problem } = openStore();
    if (problem !== undefined) request.warn(`${request.scanner}: no browser model store (${problem}); model files are fetched on every page load.`);
    return store;
  };
  const hubOptions = (request: ModelRequest, store: BrowserModelStore, offline: boolean): BrowserModelHubOptions => ({
    store,
    offline,
    onWarning: (message) => request.warn(message),
    ...(fetch ? { fetch } : {}),
    ...(hubUrl ? { hubUrl } : {}),
    ...(token ? { token } : {}),
  });
  return {
    specificationVersion: 'v1',
    name: 'browser',
    runtime: () => runtime,
    explicit(location, request): ModelCandidate {
      const store = openStore().store;
      return {
        source: warming(
          createUrlModelSource(location.endsWith('/') ? location : `${location}/`, {
            modelId: location,
            ...(fetch ? { fetch } : {}),
            ...(store ? { store } : {}),
            onWarning: (message) => request.warn(message),
          }),
        ),
        id: location,
        origin: 'explicit',
        ...(request.variant ? { variant: request.variant } : {}),
      };
    },
    async cached(request) {
      const id = productionModel(request.scanner);
      if (id === undefined) return undefined;
      const { store, problem } = openStore();
      if (store === undefined) {
        if (problem !== undefined) throw new Error(problem);
        return undefined;
      }
      const hub = createBrowserModelHub(hubOptions(request, store, true));
      const entry = hub.registry.get(id);
      const candidates = request.variant ? [request.variant] : BROWSER_VARIANT_PREFERENCE.filter((name) => entry.files.onnx[name] !== undefined);
      for (const variant of candidates) {
        if (await hub.findCached(entry, { variant })) {
          return { source: warming(createBrowserModelSource(hubOptions(request, store, true))), id, variant, origin: 'cache' };
        }
      }
      return undefined;
    },
    async download(request) {
      const id = productionModel(request.scanner);
      if (id === undefined) return undefined;
      const store = storeFor(request);
      if (store === undefined) return undefined;
      const hub = createBrowserModelHub(hubOptions(request, store, false));
      const entry = hub.registry.get(id);
      const variant = request.variant ?? BROWSER_VARIANT_PREFERENCE.find((name) => entry.files.onnx[name] !== undefined);
      const pulled = await hub.pull(entry, variant ? { variant } : {});
      return { source: warming(createBrowserModelSource(hubOptions(request, store, true))), id, variant: pulled.variant, origin: 'download' };
    },
    embedded(request) {
      const embedded = EMBEDDED_MODELS[request.task as EmbeddedModelTask];
      if (embedded === undefined) return undefined;
      if (request.variant !== undefined && request.variant !== 'int8') {
        throw new InvalidConfigError(
          `variant ${request.variant}: in browsers the embedded ${embedded.name} model ships its int8 graph only (the fp32 graphs would double every app's assets). Leave variant unset, or give a model URL (models.${request.scanner}).`,
          { details: { field: 'variant', value: request.variant } },
        );
      }
      const store = storeFor(request);
      const id = `llm-shield/${embedded.name}`;
      return {
        source: warming(createEmbeddedModelSource(embedded.task, { modelId: id, ...(fetch ? { fetch } : {}), ...(store ? { store } : {}), onWarning: (message) => request.warn(message) })),
        id,
        variant: 'int8',
        origin: 'embedded',
        mode: embedded.defaultMode,
        ...(embedded.threshold === null ? {} : { threshold: embedded.threshold }),
      };
    },
  };
}
