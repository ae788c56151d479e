import { readdir, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { repoCachePaths, type ModelRegistryEntry } from '@llm-shield/model-hub/node';
import { listLockFiles } from './cache-locks.js';
import { removeCachedModel, type RemoveOutcome } from './remove-cached-model.js';
import { distinctRepos } from './resolve-targets.js';

/** A `.incomplete` partial younger than this may belong to a running download (Python's, which we cannot see). */
export const INCOMPLETE_MIN_AGE_MS = 60_000;

/** Options of {@link cleanCache}. */
export interface CleanOptions {
  /** Also delete the cache folder of every given model (default false). */
  all?: boolean;
  /** Delete partials however recent, and folders whatever locks they have (default false). */
  force?: boolean;
  /** The clock (default `Date.now`). */
  now?: () => number;
}

/** One thing {@link cleanCache} deleted or kept. */
export interface CleanItem {
  path: string;
  kind: 'incomplete' | 'lock';
  /** `removed`, or why it was kept. */
  status: 'removed' | 'in-use' | 'recent';
  bytes: number;
}

/** What {@link cleanCache} did. */
export interface CleanReport {
  items: CleanItem[];
  /** With `all`: the model folders. */
  folders: RemoveOutcome[];
}

const PARTIAL = /^([0-9a-f]{40}|[0-9a-f]{64})(?:\.[A-Za-z0-9_-]+)?\.incomplete$/;

/**
 * The blob hash a partial download is for: `<hash>.incomplete` (llm-shield's and Python's), or
 * `<hash>.<suffix>.incomplete` (Python's `huggingface_hub` 2.x adds a random suffix per writer); `undefined` for any
 * other name.
 *
 * @param name - the file name in `blobs/`
 */
export function partialBlobHash(name: string): string | undefined {
  return PARTIAL.exec(name)?.[1];
}

/**
 * Removes leftovers from the cache: the `blobs/*.incomplete` partials (also Python's `<hash>.<suffix>.incomplete`
 * and other names ending in `.incomplete`, which no llm-shield lock guards) of the given models (kept while llm-shield's
 * lock of that blob is live, or, unless `force`, when touched in the last {@link INCOMPLETE_MIN_AGE_MS}, since a Python
 * download may be writing it), and every stale llm-shield lock file under `<cache>/.locks` (Python's `*.lock` files
 * are left alone). With `all`, also deletes each model's folder through {@link removeCachedModel}.
 */
export async function cleanCache(cacheDir: string, entries: readonly ModelRegistryEntry[], options: CleanOptions = {}): Promise<CleanReport> {
  const now = options.now ?? Date.now;
  const report: CleanReport = { items: [], folders: [] };
  const locks = await listLockFiles(cacheDir);
  const repos = distinctRepos(entries);
  for (const entry of repos) {
    const paths = repoCachePaths(cacheDir, entry.repoId);
    const blobs = join(paths.root, 'blobs');
    for (const name of await readdir(blobs).catch(() => [] as string[])) {
      if (!name.endsWith('.incomplete')) continue;
      const path = join(blobs, name);
      const info = await stat(path).catch(() => undefined);
      if (!info?.isFile()) continue;
      const hash = partialBlobHash(name);
      const lockPath = hash === undefined ? undefined : paths.lock(hash);
      const held = lockPath !== undefined && locks.some((lock) => lock.path === lockPath && !lock.stale);
      const recent = !options.force && now() - info.mtimeMs < INCOMPLETE_MIN_AGE_MS;
      const status: CleanItem['status'] = held ? 'in-use' : recent ? 'recent' : 'removed';
      if (status === 'removed') await rm(path, { force: true });
      report.items.push({ path, kind: 'incomplete', status, bytes: info.size });
    }
  }
  for (const lock of locks) {
    if (!lock.stale) continue;
    const size = (await stat(lock.path).catch(() => undefined))?.size ?? 0;
    await rm(lock.path, { force: true });
    report.items.push({ path: lock.path, kind: 'lock', status: 'removed', bytes: size });
    await rmdir(dirname(lock.path)).catch(() => undefined);
  }
  if (options.all) {
    for (const entry of repos) report.folders.push(await removeCachedModel(cacheDir, entry, { force: options.force ?? false }));
  }
  return report;
}
