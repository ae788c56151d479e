import { assertRepoId } from '../cache-layout.js';
import type { ModelRegistry } from '../registry/model-registry.js';
import { createModelRegistry } from '../registry/model-registry.js';
import type { BrowserModelStore } from './model-store.js';
import { openBrowserModelStore, type BrowserStoreOptions } from './open-store.js';
import { readBrowserRef, readManifestAt, type StoredFileRecord } from './snapshot-manifest.js';
import { browserCacheKeys } from './store-keys.js';

/** Options of {@link listBrowserCachedModels} and {@link removeBrowserCachedModel}. */
export interface BrowserCacheOptions extends BrowserStoreOptions {
  /** Registry whose ids are reported for each repo (default: the built-ins). */
  registry?: ModelRegistry;
}

/** One commit of a repo held in the browser cache. */
export interface BrowserCachedModel {
  repoId: string;
  commit: string;
  /** Registry ids whose files come from this repo. */
  modelIds: string[];
  /** Branches that last resolved to this commit. */
  refs: string[];
  /** Files whose bytes are present, by repo path. */
  files: Array<StoredFileRecord & { path: string }>;
  /** Optional files the commit does not have. */
  absent: string[];
  /** Bytes of the present files. */
  totalBytes: number;
}

/** Every commit the browser cache holds files of (a commit whose files were all evicted is left out). */
export async function listBrowserCachedModels(options: BrowserCacheOptions = {}): Promise<BrowserCachedModel[]> {
  const store = openBrowserModelStore(options);
  const registry = options.registry ?? createModelRegistry();
  const models: BrowserCachedModel[] = [];
  for (const key of (await store.keys(browserCacheKeys.manifests())).sort()) {
    const manifest = await readManifestAt(store, key);
    if (!manifest) continue;
    const files: BrowserCachedModel['files'] = [];
    for (const [path, record] of Object.entries(manifest.files)) {
      if ((await store.size(browserCacheKeys.file(manifest.repoId, manifest.commit, path))) === record.size) files.push({ path, ...record });
    }
    if (files.length === 0) continue;
    models.push({
      repoId: manifest.repoId,
      commit: manifest.commit,
      modelIds: registry
        .list()
        .filter((entry) => entry.repoId.toLowerCase() === manifest.repoId.toLowerCase())
        .map((entry) => entry.id),
      refs: await refsTo(store, manifest.repoId, manifest.commit),
      files: files.sort((a, b) => a.path.localeCompare(b.path)),
      absent: [...manifest.absent],
      totalBytes: files.reduce((sum, file) => sum + file.size, 0),
    });
  }
  return models;
}

/** What {@link removeBrowserCachedModel} removed. */
export interface BrowserCacheRemoval {
  repoId: string;
  /** Commits whose files and manifest were removed. */
  commits: string[];
  /** Number of store entries deleted (files, manifests, refs). */
  entries: number;
}

/**
 * Removes a model from the browser cache: every commit of its repo, or only `commit`, with the refs pointing to
 * what is removed. `model` is a registry id or a repo id (one the registry does not know is taken as a repo id).
 */
export async function removeBrowserCachedModel(model: string, options: BrowserCacheOptions & { commit?: string } = {}): Promise<BrowserCacheRemoval> {
  const store = openBrowserModelStore(options);
  const registry = options.registry ?? createModelRegistry();
  const repoId = registry.find(model)?.repoId ?? assertRepoId(model);
  let entries = 0;
  const remove = async (keys: string[]) => {
    for (const key of keys) if (await store.delete(key)) entries++;
  };
  const commits = new Set<string>();
  const manifestPrefix = browserCacheKeys.manifests(repoId);
  for (const key of await store.keys(manifestPrefix)) {
    const commit = key.slice(manifestPrefix.length).replace(/\.json$/, '');
    if (options.commit === undefined || commit === options.commit) commits.add(commit);
  }
  for (const key of await store.keys(browserCacheKeys.files(repoId, options.commit))) {
    commits.add(key.slice(browserCacheKeys.files(repoId).length).split('/')[0] ?? '');
  }
  commits.delete('');
  await remove(await store.keys(browserCacheKeys.files(repoId, options.commit)));
  for (const commit of commits) await remove([browserCacheKeys.manifest(repoId, commit)]);
  for (const key of await store.keys(browserCacheKeys.refs(repoId))) {
    const branch = key.slice(browserCacheKeys.refs(repoId).length);
    const target = await readBrowserRef(store, repoId, branch);
    if (options.commit === undefined || target === undefined || commits.has(target)) await remove([key]);
  }
  return { repoId, commits: [...commits].sort(), entries };
}

async function refsTo(store: BrowserModelStore, repoId: string, commit: string): Promise<string[]> {
  const prefix = browserCacheKeys.refs(repoId);
  const refs: string[] = [];
  for (const key of await store.keys(prefix)) {
    const branch = key.slice(prefix.length);
    if ((await readBrowserRef(store, repoId, branch)) === commit) refs.push(branch);
  }
  return refs.sort();
}
