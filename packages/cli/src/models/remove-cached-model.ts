import { lstat, readdir, rm, rmdir } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { InvalidConfigError } from '@llm-shield/core';
import { repoCachePaths, repoFolderName, type ModelRegistryEntry } from '@llm-shield/model-hub/node';
import { listFiles } from './cache-inventory.js';
import { listLockFiles } from './cache-locks.js';

/** What {@link removeCachedModel} did. */
export interface RemoveOutcome {
  entry: ModelRegistryEntry;
  /** The `models--org--name` folder. */
  root: string;
  /**
   * `removed`; `absent` (nothing cached); `busy` (a live llm-shield lock: a download is running); `foreign` (the
   * folder holds more than a hub cache folder should, so it is left alone).
   */
  status: 'removed' | 'absent' | 'busy' | 'foreign';
  /** Bytes of regular files deleted. */
  bytesFreed: number;
  /** For `busy` and `foreign`: what was found. */
  reason?: string;
}

/**
 * Entries a hub cache repo folder holds: Python `huggingface_hub`'s (`blobs`, `refs`, `snapshots`, `.no_exist`, and
 * 2.x's `trees` of commit listings) and llm-shield's records (`.llm-shield`).
 */
export const CACHE_FOLDER_ENTRIES: ReadonlySet<string> = new Set(['blobs', 'refs', 'snapshots', '.no_exist', 'trees', '.llm-shield']);

/**
 * Deletes the cache folder of one registry model, `<cache>/models--org--name`, and nothing else: the path is
 * rebuilt from the repo id and must be a direct child of the cache folder; a symlinked folder only loses its link.
 * Refuses (`busy`) while a live llm-shield download lock of that repo exists, and (`foreign`) a folder holding
 * anything but {@link CACHE_FOLDER_ENTRIES}, unless `force`. Stale lock files of the repo go too.
 */
export async function removeCachedModel(cacheDir: string, entry: ModelRegistryEntry, options: { force?: boolean } = {}): Promise<RemoveOutcome> {
  const folder = repoFolderName(entry.repoId);
  const root = repoCachePaths(cacheDir, entry.repoId).root;
  if (relative(resolve(cacheDir), resolve(root)) !== folder) {
    throw new InvalidConfigError(`Refusing to delete ${root}: it is not the folder ${folder} directly inside the cache ${cacheDir}.`);
  }
  const outcome = (status: RemoveOutcome['status'], bytesFreed = 0, reason?: string): RemoveOutcome => ({
    entry,
    root,
    status,
    bytesFreed,
    ...(reason === undefined ? {} : { reason }),
  });
  const info = await lstat(root).catch(() => undefined);
  if (!info) return outcome('absent');
  const locks = await listLockFiles(cacheDir, entry.repoId);
  const live = locks.filter((lock) => !lock.stale);
  if (live.length > 0 && !options.force) return outcome('busy', 0, `a download holds ${live[0]?.path}`);
  if (info.isSymbolicLink()) {
    await rm(root);
    return outcome('removed');
  }
  if (!info.isDirectory()) return outcome('foreign', 0, `${root} is not a folder`);
  const unexpected = (await readdir(root)).filter((name) => !CACHE_FOLDER_ENTRIES.has(name));
  if (unexpected.length > 0 && !options.force) return outcome('foreign', 0, `it also holds ${unexpected.map((name) => JSON.stringify(name)).join(', ')}`);
  let bytes = 0;
  for (const file of await listFiles(root)) {
    const stats = await lstat(join(root, file)).catch(() => undefined);
    if (stats?.isFile()) bytes += stats.size;
  }
  await rm(root, { recursive: true, force: true });
  for (const lock of locks) if (lock.stale || options.force) await rm(lock.path, { force: true });
  await rmdir(join(cacheDir, '.locks', folder)).catch(() => undefined);
  return outcome('removed', bytes);
}
