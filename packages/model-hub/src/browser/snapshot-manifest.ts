import { browserCacheKeys } from './store-keys.js';
import { putBytes, type BrowserModelStore } from './model-store.js';
import type { ExpectedFile } from './stream-hasher.js';
import { withWebLock } from './web-lock.js';

/** A file of a commit stored in the browser cache. */
export interface StoredFileRecord extends ExpectedFile {
  /** When it was stored (ISO 8601). */
  storedAt: string;
}

/** What the browser cache holds of one commit of a repo (stored as `manifests/models--org--name/<commit>.json`). */
export interface SnapshotManifest {
  version: 1;
  repoId: string;
  commit: string;
  /** Verified files by repo path. */
  files: Record<string, StoredFileRecord>;
  /** Optional files the commit does not have (like Python's `.no_exist` markers). */
  absent: string[];
}

/** The manifest of `repoId@commit`, or `undefined` when there is none or it is unreadable. */
export async function readManifest(store: BrowserModelStore, repoId: string, commit: string): Promise<SnapshotManifest | undefined> {
  return readManifestAt(store, browserCacheKeys.manifest(repoId, commit));
}

/** The manifest stored under `key`, or `undefined`. */
export async function readManifestAt(store: BrowserModelStore, key: string): Promise<SnapshotManifest | undefined> {
  const bytes = await store.read(key);
  if (bytes === undefined) return undefined;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(bytes)) as SnapshotManifest;
    return parsed?.version === 1 && typeof parsed.files === 'object' && Array.isArray(parsed.absent) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Changes the manifest of `repoId@commit` (read, `change`, write), under a Web Lock where the browser has them, so
 * two tabs recording files of the same commit do not drop each other's entries.
 */
export async function updateManifest(
  store: BrowserModelStore,
  repoId: string,
  commit: string,
  change: (manifest: SnapshotManifest) => void,
): Promise<void> {
  const key = browserCacheKeys.manifest(repoId, commit);
  await withWebLock(`llm-shield-model-hub:${store.kind}:${key}`, async () => {
    const manifest = (await readManifestAt(store, key)) ?? { version: 1, repoId, commit, files: {}, absent: [] };
    change(manifest);
    await putBytes(store, key, new TextEncoder().encode(JSON.stringify(manifest)));
  });
}

/** The commit `branch` of `repoId` resolved to last, from the cache. */
export async function readBrowserRef(store: BrowserModelStore, repoId: string, branch: string): Promise<string | undefined> {
  const bytes = await store.read(browserCacheKeys.ref(repoId, branch));
  const commit = bytes === undefined ? undefined : new TextDecoder().decode(bytes).trim();
  return commit !== undefined && /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
}

/** Records that `branch` of `repoId` resolved to `commit`. */
export async function writeBrowserRef(store: BrowserModelStore, repoId: string, branch: string, commit: string): Promise<void> {
  if ((await readBrowserRef(store, repoId, branch)) === commit) return;
  await putBytes(store, browserCacheKeys.ref(repoId, branch), new TextEncoder().encode(commit));
}
