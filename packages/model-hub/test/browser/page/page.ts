/**
 * The Chromium test's page (built by Vite in chromium.test.ts): resolves a fixture model through the browser entry
 * of @llm-shield/model-hub into the Cache API or OPFS, reads the bytes back and hashes them with WebCrypto.
 */
// eslint-disable-next-line @nx/enforce-module-boundaries -- the page imports the package's published browser entry on purpose
import * as hub from '@llm-shield/model-hub/browser';

/** What the test asks the page to resolve. */
export interface PageRequest {
  hubUrl: string;
  storage: 'cache-api' | 'opfs' | 'auto';
  cacheName: string;
  offline: boolean;
  repoId: string;
  commit: string;
  variant: 'fp32' | 'quantized';
}

/** What the page reports back. */
export interface PageResult {
  ok: boolean;
  storage?: string;
  revision?: string;
  /** sha256 (WebCrypto) of each file read back, by role. */
  sha256?: Record<string, string>;
  sizes?: Record<string, number>;
  progressEvents: number;
  error?: { name: string; code?: string; causeCode?: string; message: string };
  /** The store's file keys and pending temporary entries after the call. */
  fileKeys: string[];
  temporaryKeys: string[];
  cached: Array<{ repoId: string; commit: string; files: number; totalBytes: number }>;
}

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

function registryFor(request: PageRequest) {
  const entry = hub.defineModelEntry({
    id: 'tiny',
    repoId: request.repoId,
    revision: request.commit,
    onnx: { fp32: 'onnx/model.onnx', quantized: 'onnx/model_quantized.onnx' },
    tokenizerConfig: 'tokenizer_config.json',
  });
  return hub.createModelRegistry([entry], { builtins: false });
}

async function resolveModel(request: PageRequest): Promise<PageResult> {
  const registry = registryFor(request);
  const options = { storage: request.storage, cacheName: request.cacheName, registry };
  let progressEvents = 0;
  const source = hub.createBrowserModelSource({
    ...options,
    hubUrl: request.hubUrl,
    offline: request.offline,
    retries: 0,
    retryDelayMs: 1,
    transferRetries: 0,
    onProgress: () => progressEvents++,
  });
  const result: PageResult = { ok: false, progressEvents: 0, fileKeys: [], temporaryKeys: [], cached: [] };
  try {
    const files = await source.resolve('tiny', { variant: request.variant });
    const roles = { model: files.model, tokenizer: files.tokenizer, tokenizerConfig: files.tokenizerConfig, config: files.config };
    result.sha256 = {};
    result.sizes = {};
    for (const [role, file] of Object.entries(roles)) {
      if (!file) continue;
      if ('path' in file) throw new Error(`${role} has a path in a browser`);
      const bytes = await file.read();
      result.sha256[role] = await sha256(bytes);
      result.sizes[role] = bytes.length;
    }
    result.ok = true;
    result.revision = files.revision;
  } catch (error) {
    const e = error as Error & { code?: string; details?: { causeCode?: string } };
    result.error = { name: e.name, message: e.message, ...(e.code ? { code: e.code } : {}), ...(e.details?.causeCode ? { causeCode: e.details.causeCode } : {}) };
  }
  result.storage = source.hub.store.kind;
  result.progressEvents = progressEvents;
  result.fileKeys = (await source.hub.store.keys('files/')).sort();
  result.temporaryKeys = await source.hub.store.temporaryKeys();
  result.cached = (await hub.listBrowserCachedModels(options)).map((m) => ({ repoId: m.repoId, commit: m.commit, files: m.files.length, totalBytes: m.totalBytes }));
  return result;
}

async function removeModel(request: PageRequest): Promise<{ commits: string[]; left: number }> {
  const options = { storage: request.storage, cacheName: request.cacheName, registry: registryFor(request) };
  const removed = await hub.removeBrowserCachedModel('tiny', options);
  return { commits: removed.commits, left: (await hub.listBrowserCachedModels(options)).length };
}

Object.assign(globalThis, { resolveModel, removeModel, detectStorage: () => hub.detectBrowserStorage() });
document.getElementById('status')!.textContent = 'ready';
