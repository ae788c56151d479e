import { ModelUnavailableError, type ModelVariant } from '@llm-shield/core';
import { DEFAULT_HUB_URL, normalizeHubUrl } from '../hub-environment.js';
import type { ProgressCallback, WarningCallback } from '../progress.js';
import type { ModelRegistryEntry } from '../registry/model-entry.js';
import { createModelRegistry, type ModelRegistry } from '../registry/model-registry.js';
import { fetchPlannedFiles, findCachedCommit, planPull, resolvePlanCommit, rolesOf, type FileRole, type PullPlan } from '../shared/pull-plan.js';
import { pulledModelFields, type PulledModelBase } from '../shared/pulled-model.js';
import { collectWarnings } from '../shared/warnings.js';
import { browserRemoteFiles, browserResolveUrl, resolveBrowserCommit, type BrowserRemoteFile } from './browser-hub-api.js';
import { createBrowserHubHttp } from './browser-hub-http.js';
import { downloadToStore } from './download-to-store.js';
import type { BrowserModelStore } from './model-store.js';
import { openBrowserModelStore, type BrowserStoreOptions } from './open-store.js';
import { readBrowserRef, readManifest, updateManifest, writeBrowserRef } from './snapshot-manifest.js';
import { browserCacheKeys } from './store-keys.js';
import { withWebLock } from './web-lock.js';

/** Options of {@link createBrowserModelHub}: where the hub is, where files are kept, how hard to try. */
export interface BrowserModelHubOptions extends BrowserStoreOptions {
  /** Hub URL, e.g. a mirror; it must allow the page's origin (CORS) (default {@link DEFAULT_HUB_URL}). */
  hubUrl?: string;
  /** Access token for gated and private repos (default none). Anything given to a page is visible to its users. */
  token?: string;
  /** The fetch to use (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /** Use the cache only, never the network (default false). */
  offline?: boolean;
  /** Models known by id (default: the built-ins, {@link createModelRegistry}). */
  registry?: ModelRegistry;
  /** Receives warnings (default `console.warn`). */
  onWarning?: WarningCallback;
  /** Extra attempts after network errors, 5xx and 429 (default 2). */
  retries?: number;
  /** First pause between attempts, doubled each time (default 500 ms). */
  retryDelayMs?: number;
  /** Further attempts, each from the start, after a transfer stops early (default 2). */
  transferRetries?: number;
  /** A transfer receiving nothing for this long is interrupted (default 60 000 ms). */
  stallTimeoutMs?: number;
  /** A metadata request (commit, file sizes) without an answer, or a pause in its body, for this long fails (default 10 000 ms). */
  metadataTimeoutMs?: number;
}

/** Options of one {@link BrowserModelHub.pull}. */
export interface BrowserPullOptions {
  /** ONNX variant (default: the first the model has of fp32, fp16, int8, quantized). */
  variant?: ModelVariant;
  /** Commit, branch or tag to use instead of the registry pin. */
  revision?: string;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
}

/** One verified file of a model in the browser cache. */
export interface BrowserPulledFile {
  /** Path inside the repo, e.g. `onnx/model.onnx`. */
  repoPath: string;
  /** Key of the bytes in the store: `files/models--org--name/<commit>/<repoPath>`. */
  key: string;
  size: number;
  /** Lower-case hex sha256 (LFS files) or git blob sha1 (files stored in git). */
  hash: string;
  algorithm: 'sha256' | 'git-sha1';
  /** True when this call downloaded it. */
  downloaded: boolean;
  /** Reads the cached bytes; raises `ModelUnavailableError` when the browser evicted them meanwhile. */
  read(): Promise<Uint8Array>;
}

/** A model whose files are verified and in the browser cache. */
export interface BrowserPulledModel extends PulledModelBase<BrowserPulledFile> {
  /** The store's kind: `opfs`, `cache-api`, `memory`… */
  storage: string;
  /** `network` when the hub was asked, `cache` when the cache alone answered (pinned and cached, offline, or hub unreachable). */
  resolvedFrom: 'network' | 'cache';
}

/** Gets, verifies and caches model files in a browser (the browser counterpart of `createModelHub`). */
export interface BrowserModelHub {
  readonly registry: ModelRegistry;
  readonly store: BrowserModelStore;
  readonly hubUrl: string;
  readonly offline: boolean;
  /**
   * Makes the files of `model` (registry id, repo id or entry) available in the browser cache and returns them. Uses
   * the cache alone when offline, and for a pinned commit already cached. Raises `ModelUnavailableError` (offline and
   * not cached), `HubUnreachableError`, `HubAuthRequiredError`, `HubNotFoundError`, `ChecksumMismatchError`,
   * `TransferInterruptedError`, `DiskFullError` (storage quota), `AbortedError`, `InvalidConfigError` (unknown model
   * or variant).
   */
  pull(model: string | ModelRegistryEntry, options?: BrowserPullOptions): Promise<BrowserPulledModel>;
  /** The cached files of `model` without any network access, or `undefined` when they are not all cached. */
  findCached(model: string | ModelRegistryEntry, options?: Pick<BrowserPullOptions, 'variant' | 'revision'>): Promise<BrowserPulledModel | undefined>;
}

type Found = Map<FileRole, BrowserPulledFile>;
type Plan = PullPlan;

/**
 * Creates a {@link BrowserModelHub}. Files are keyed by repo, commit and path, so one commit's files never change;
 * each is verified (size, and sha256 or git sha1 as the Hub's `paths-info` gives them) before it is committed to the
 * store. Downloads of the same file by several tabs take turns through Web Locks.
 */
export function createBrowserModelHub(options: BrowserModelHubOptions = {}): BrowserModelHub {
  const registry = options.registry ?? createModelRegistry();
  const store = openBrowserModelStore(options);
  const hubUrl = normalizeHubUrl(options.hubUrl ?? DEFAULT_HUB_URL);
  const offline = options.offline ?? false;
  const warn = options.onWarning ?? ((message: string) => console.warn(message));
  const http = createBrowserHubHttp({
    hubUrl,
    ...(options.token === undefined ? {} : { token: options.token }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.retries === undefined ? {} : { retries: options.retries }),
    ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
    ...(options.metadataTimeoutMs === undefined ? {} : { timeoutMs: options.metadataTimeoutMs }),
  });

  function plan(model: string | ModelRegistryEntry, variant: ModelVariant | undefined, revision: string | undefined): Plan {
    return planPull(registry, model, variant, revision);
  }

  function storedFile(repoId: string, commit: string, repoPath: string, record: { size: number; hash: string; algorithm: 'sha256' | 'git-sha1' }, downloaded: boolean): BrowserPulledFile {
    const key = browserCacheKeys.file(repoId, commit, repoPath);
    return {
      repoPath,
      key,
      size: record.size,
      hash: record.hash,
      algorithm: record.algorithm,
      downloaded,
      async read() {
        const bytes = await store.read(key);
        if (bytes === undefined || bytes.length !== record.size) {
          throw new ModelUnavailableError(
            `${repoPath} of ${repoId}@${commit} is no longer in the browser cache (${store.kind}): the browser may have evicted it. ` +
              'Resolve the model again while online; navigator.storage.persist() asks the browser to keep it.',
            { details: { repoId, revision: commit, file: repoPath, storage: store.kind } },
          );
        }
        return bytes;
      },
    };
  }

  /** The commit's files when every required one is stored (the optional tokenizer config may be recorded absent). */
  async function cachedFiles(p: Plan, commit: string): Promise<Found | undefined> {
    const manifest = await readManifest(store, p.entry.repoId, commit);
    if (!manifest) return undefined;
    const found: Found = new Map();
    for (const [role, repoPath] of rolesOf(p.files)) {
      const record = manifest.files[repoPath];
      if (record !== undefined && (await store.size(browserCacheKeys.file(p.entry.repoId, commit, repoPath))) === record.size) {
        found.set(role, storedFile(p.entry.repoId, commit, repoPath, record, false));
      } else if (role !== 'tokenizerConfig' || !manifest.absent.includes(repoPath)) {
        return undefined;
      }
    }
    return found;
  }

  async function findCached(model: string | ModelRegistryEntry, pullOptions: Pick<BrowserPullOptions, 'variant' | 'revision'> = {}) {
    const p = plan(model, pullOptions.variant, pullOptions.revision);
    return findCachedCommit(
      p,
      (branch) => readBrowserRef(store, p.entry.repoId, branch),
      async (commit) => {
        const found = await cachedFiles(p, commit);
        return found ? result(p, commit, found, 'cache', []) : undefined;
      },
    );
  }

  async function pull(model: string | ModelRegistryEntry, pullOptions: BrowserPullOptions = {}): Promise<BrowserPulledModel> {
    const p = plan(model, pullOptions.variant, pullOptions.revision);
    const { warnings, warning } = collectWarnings(warn);
    if (offline) {
      const cached = await findCached(p.entry, pullOptions);
      if (cached) return cached;
      throw new ModelUnavailableError(
        `Model ${p.entry.id} (${p.files.variant}) is not in the browser cache (${store.kind}) and offline mode is on. ` +
          'Resolve it once while online (offline: false), then it is served from the cache.',
        { details: { modelId: p.entry.id, variant: p.files.variant, storage: store.kind, offline: true } },
      );
    }
    let asked = p.commit === undefined;
    const commit = await resolvePlanCommit(
      p,
      (branch) => resolveBrowserCommit(http, p.entry.repoId, branch, pullOptions.signal),
      () => findCached(p.entry, pullOptions),
      warning,
    );
    if (typeof commit !== 'string') return { ...commit, warnings };
    let found = await cachedFiles(p, commit);
    if (!found) {
      found = await download(p, commit, pullOptions);
      asked = true;
    }
    if (p.branch !== undefined) await writeBrowserRef(store, p.entry.repoId, p.branch, commit);
    return result(p, commit, found, asked ? 'network' : 'cache', warnings);
  }

  async function download(p: Plan, commit: string, pullOptions: BrowserPullOptions): Promise<Found> {
    const repoId = p.entry.repoId;
    const remote = await browserRemoteFiles(http, repoId, commit, [...rolesOf(p.files).values()], pullOptions.signal);
    return fetchPlannedFiles(
      p,
      commit,
      remote,
      (repoPath) =>
        updateManifest(store, repoId, commit, (manifest) => {
          if (!manifest.absent.includes(repoPath)) manifest.absent.push(repoPath);
        }),
      (file) => fetchFile(repoId, commit, file, pullOptions),
    );
  }

  async function fetchFile(repoId: string, commit: string, file: BrowserRemoteFile, pullOptions: BrowserPullOptions): Promise<BrowserPulledFile> {
    const key = browserCacheKeys.file(repoId, commit, file.path);
    const { expected } = file;
    const stored = async () => {
      const record = (await readManifest(store, repoId, commit))?.files[file.path];
      return record?.hash === expected.hash && record.size === expected.size && (await store.size(key)) === expected.size;
    };
    return withWebLock(
      `llm-shield-model-hub:${store.kind}:${key}`,
      async () => {
        if (await stored()) return storedFile(repoId, commit, file.path, expected, false);
        await downloadToStore({
          http,
          url: browserResolveUrl(hubUrl, repoId, commit, file.path),
          context: { repoId, revision: commit, file: file.path },
          store,
          key,
          expected,
          ...(pullOptions.onProgress === undefined ? {} : { onProgress: pullOptions.onProgress }),
          ...(pullOptions.signal === undefined ? {} : { signal: pullOptions.signal }),
          ...(options.transferRetries === undefined ? {} : { transferRetries: options.transferRetries }),
          ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
          ...(options.stallTimeoutMs === undefined ? {} : { stallTimeoutMs: options.stallTimeoutMs }),
        });
        await updateManifest(store, repoId, commit, (manifest) => {
          manifest.files[file.path] = { ...expected, storedAt: new Date().toISOString() };
        });
        return storedFile(repoId, commit, file.path, expected, true);
      },
      pullOptions.signal,
    );
  }

  function result(p: Plan, commit: string, found: Found, resolvedFrom: 'network' | 'cache', warnings: string[]): BrowserPulledModel {
    return { ...pulledModelFields(p, commit, found, { storage: store.kind }), resolvedFrom, warnings };
  }

  return { registry, store, hubUrl, offline, pull, findCached };
}
