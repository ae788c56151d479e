import {
  AbortedError,
  ChecksumMismatchError,
  InvalidModelError,
  ModelUnavailableError,
  type ModelFileV1,
  type ModelFilesV1,
  type ModelSourceV1,
  type ModelVariant,
} from '@llm-shield/core';
import { putBytes, type BrowserModelStore } from '../browser/model-store.js';
import { createSha256 } from '../browser/sha256.js';

/** One file of a URL model: where it is and, optionally, what it must be. */
export interface UrlModelFileSpec {
  /** The file's URL (default: its name resolved against the source's base URL). */
  url?: string | URL;
  /** Size in bytes; a different size raises `ChecksumMismatchError`. */
  size?: number;
  /** Lower-case hex sha256; a different hash raises `ChecksumMismatchError`. Files with a sha256 are kept in `store`. */
  sha256?: string;
}

/** Options of {@link createUrlModelSource}. */
export interface UrlModelSourceOptions {
  /** The fetch to use (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /**
   * Where verified files are kept (e.g. `openBrowserModelStore()`: OPFS or the Cache API), under a key made of their
   * sha256, so they are fetched once per origin, also across reloads and renamed asset URLs (default: none, every
   * resolve fetches; the browser's HTTP cache may still answer). Only files given a `sha256` are kept.
   */
  store?: BrowserModelStore;
  /**
   * The model's files by name (`model.onnx`, `model_int8.onnx`, `model_fp16.onnx`, `model_quantized.onnx`,
   * `config.json`, `tokenizer.json`, `tokenizer_config.json`): their URLs when they are not next to each other under
   * the base URL (a bundler's hashed asset URLs), and their size and sha256 for verification. When given, a variant
   * whose graph is not listed is not offered, and `tokenizer_config.json` is used only when listed.
   */
  files?: Readonly<Record<string, UrlModelFileSpec>>;
  /** `modelId` reported in the files (default: the id passed to `resolve`). */
  modelId?: string;
  /** `revision` reported in the files (default `url`). */
  revision?: string;
  /** Receives what the source skipped (a store that refused a file); default `console.warn`. */
  onWarning?: (message: string) => void;
}

/** The ONNX graph of each variant, as transformers.js / Optimum exports (and `@llm-shield/models-embedded`) name it. */
const GRAPH_NAMES: Readonly<Record<ModelVariant, string>> = {
  fp32: 'model.onnx',
  fp16: 'model_fp16.onnx',
  int8: 'model_int8.onnx',
  quantized: 'model_quantized.onnx',
};
const VARIANT_ORDER: readonly ModelVariant[] = ['fp32', 'fp16', 'int8', 'quantized'];

/** Key of a verified file in the store: content-addressed, so the same bytes under another URL are found. */
export function urlModelStoreKey(sha256: string): string {
  return `urls/sha256/${sha256}`;
}

function pageUrl(): string | undefined {
  const location = (globalThis as { location?: { href?: string } }).location;
  return typeof location?.href === 'string' ? location.href : undefined;
}

function toUrl(value: string | URL): URL {
  try {
    return new URL(value, pageUrl());
  } catch (cause) {
    throw new ModelUnavailableError(`${String(value)} is not a URL this page can fetch (a relative URL needs a page to resolve against).`, {
      cause,
      details: { url: String(value) },
    });
  }
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (subtle !== undefined) {
    const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  }
  const sha = createSha256();
  sha.update(bytes);
  return sha.hex();
}

/**
 * A model source that fetches one model's files over HTTP(S) with `fetch`: from a folder URL (`baseUrl` ending in
 * `/`, holding `model.onnx` or `model_int8.onnx`…, `config.json`, `tokenizer.json`, optionally
 * `tokenizer_config.json`) and/or from the URLs named in `options.files`. Platform-neutral: browsers, Node ≥ 20,
 * Deno, workers. Files with a size and sha256 are verified, and with a `store` kept there after verification and
 * read from it afterwards without any request.
 *
 * `resolve` fetches `config.json` (and `tokenizer_config.json`) at once; the graph and `tokenizer.json` are fetched
 * when read. Errors: `ModelUnavailableError` (no answer, non-2xx status, e.g. a 404 for a missing file),
 * `ChecksumMismatchError` (size or sha256 differ), `InvalidModelError` (`config.json` is not JSON, no graph listed
 * for the variant), `AbortedError`.
 *
 * ```ts
 * const source = createUrlModelSource('https://example.com/models/toxicity/', { store: openBrowserModelStore() });
 * new Toxicity({ model: { source, runtime, id: 'my-toxicity', variant: 'int8' } });
 * ```
 *
 * @param baseUrl - folder URL of the model (relative URLs resolve against the page); `undefined` when `files` names every URL
 * @param options - fetch, store, file URLs and checksums, reported id and revision
 */
export function createUrlModelSource(baseUrl: string | URL | undefined, options: UrlModelSourceOptions = {}): ModelSourceV1 {
  const base = baseUrl === undefined ? undefined : toUrl(baseUrl);
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const listed = options.files;

  function locate(name: string, modelId: string): { url: URL; spec: UrlModelFileSpec } {
    const spec = listed?.[name] ?? {};
    if (spec.url !== undefined) return { url: toUrl(spec.url), spec };
    if (base === undefined) {
      throw new InvalidModelError(`Model ${modelId} has no URL for ${name}: give a base URL or files['${name}'].url.`, { details: { modelId, file: name } });
    }
    return { url: new URL(name, base), spec };
  }

  async function download(name: string, modelId: string, signal: AbortSignal | undefined): Promise<Uint8Array> {
    const { url, spec } = locate(name, modelId);
    const key = spec.sha256 === undefined ? undefined : urlModelStoreKey(spec.sha256);
    if (key !== undefined && options.store) {
      try {
        const size = await options.store.size(key);
        if (size !== undefined && (spec.size === undefined || size === spec.size)) {
          const stored = await options.store.read(key);
          if (stored !== undefined) return stored;
        }
      } catch (error) {
        warn(`${name} of ${modelId}: the model store could not be read (${error instanceof Error ? error.message : String(error)}); fetching it.`);
      }
    }
    let response: Response;
    try {
      response = await doFetch(url, signal ? { signal } : {});
    } catch (cause) {
      if (signal?.aborted) throw new AbortedError(`Fetching ${url.href} was aborted.`, { cause: signal.reason });
      throw new ModelUnavailableError(`${name} of ${modelId} could not be fetched from ${url.href}: ${cause instanceof Error ? cause.message : String(cause)}.`, {
        cause,
        details: { modelId, file: name, url: url.href },
      });
    }
    if (!response.ok) {
      throw new ModelUnavailableError(`${name} of ${modelId}: ${url.href} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`, {
        details: { modelId, file: name, url: url.href, status: response.status },
      });
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (spec.size !== undefined && bytes.length !== spec.size) {
      throw new ChecksumMismatchError(`${name} of ${modelId} from ${url.href} has ${bytes.length} bytes, ${spec.size} expected.`, {
        details: { modelId, file: name, url: url.href, expected: { size: spec.size }, actualSize: bytes.length },
      });
    }
    if (spec.sha256 !== undefined) {
      const actual = await sha256Hex(bytes);
      if (actual !== spec.sha256.toLowerCase()) {
        throw new ChecksumMismatchError(`${name} of ${modelId} from ${url.href} has sha256 ${actual}, ${spec.sha256} expected.`, {
          details: { modelId, file: name, url: url.href, expected: { sha256: spec.sha256 }, actualHash: actual },
        });
      }
      if (key !== undefined && options.store) {
        await putBytes(options.store, key, bytes).catch((error: unknown) =>
          warn(`${name} of ${modelId} was not kept in the model store (${error instanceof Error ? error.message : String(error)}); it is fetched again next time.`),
        );
      }
    }
    return bytes;
  }

  return {
    specificationVersion: 'v1',
    async resolve(modelId, resolveOptions = {}): Promise<ModelFilesV1> {
      const { signal } = resolveOptions;
      if (signal?.aborted) throw new AbortedError('Resolving the model was aborted.', { cause: signal.reason });
      const variant = resolveOptions.variant ?? VARIANT_ORDER.find((name) => listed?.[GRAPH_NAMES[name]] !== undefined) ?? 'fp32';
      const graph = GRAPH_NAMES[variant];
      if (listed !== undefined && listed[graph] === undefined) {
        throw new InvalidModelError(`Model ${modelId} has no ${variant} graph (${graph}) among its files (${Object.keys(listed).join(', ')}).`, {
          details: { modelId, variant },
        });
      }
      const id = options.modelId ?? modelId;
      const configBytes = await download('config.json', id, signal);
      try {
        JSON.parse(new TextDecoder().decode(configBytes));
      } catch (cause) {
        throw new InvalidModelError(`config.json of ${id} is not valid JSON.`, { cause, details: { modelId: id } });
      }
      let tokenizerConfig: Uint8Array | undefined;
      if (listed === undefined || listed['tokenizer_config.json'] !== undefined) {
        tokenizerConfig = await download('tokenizer_config.json', id, signal).catch((error: unknown) => {
          if (listed === undefined && ModelUnavailableError.isInstance(error)) return undefined;
          throw error;
        });
      }
      const lazy = (name: string): ModelFileV1 => {
        let bytes: Promise<Uint8Array> | undefined;
        return { read: () => (bytes ??= download(name, id, signal)).then((b) => b.slice()) };
      };
      const ready = (b: Uint8Array): ModelFileV1 => ({ read: async () => b.slice() });
      return {
        modelId: id,
        revision: options.revision ?? 'url',
        variant,
        model: lazy(graph),
        tokenizer: lazy('tokenizer.json'),
        ...(tokenizerConfig === undefined ? {} : { tokenizerConfig: ready(tokenizerConfig) }),
        config: ready(configBytes),
      };
    },
  };
}
