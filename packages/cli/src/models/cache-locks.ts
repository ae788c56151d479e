import { join } from 'node:path';
import { isStale, repoFolderName } from '@llm-shield/model-hub/node';
import { listFiles } from './cache-inventory.js';

/** Another host's download lock whose heartbeat is older than this is stale, as in the library (default of `lockStaleMs`). */
export const LOCK_STALE_MS = 120_000;

/** Suffix of llm-shield's lock files (Python's `huggingface_hub` uses `<hash>.lock`, which is left alone). */
export const LOCK_SUFFIX = '.llm-shield.lock';

/** A lock file of llm-shield in `<cache>/.locks`. */
export interface LockFileInfo {
  path: string;
  /** Repo folder it belongs to (`models--org--name`). */
  folder: string;
  /** Blob hash it guards. */
  hash: string;
  /**
   * True as the library judges it (`isStale`): its process on this host is gone, or another host's heartbeat is older
   * than {@link LOCK_STALE_MS}; a leftover is always stale.
   */
  stale: boolean;
  /**
   * True for a `….stale-*` file left by an interrupted takeover, or a `….tmp-<pid>-*` file of a lock being written
   * by a process that is gone.
   */
  leftover: boolean;
}

/**
 * The llm-shield lock files under `<cache>/.locks` (of one repo when `repoId` is given), each judged stale or live
 * the way the library judges them.
 */
export async function listLockFiles(cacheDir: string, repoId?: string): Promise<LockFileInfo[]> {
  const base = join(cacheDir, '.locks');
  const scope = repoId === undefined ? base : join(base, repoFolderName(repoId));
  const out: LockFileInfo[] = [];
  for (const file of await listFiles(scope)) {
    const path = join(scope, file);
    const parts = path.slice(base.length + 1).split(/[\\/]/);
    const folder = parts[0] ?? '';
    const name = parts[parts.length - 1] ?? '';
    const temporary = /\.llm-shield\.lock\.tmp-(\d+)-/.exec(name);
    if (temporary && processIsAlive(Number(temporary[1]))) continue; // a lock being written right now
    const leftover = /\.llm-shield\.lock\.stale-/.test(name) || temporary !== null;
    if (!name.endsWith(LOCK_SUFFIX) && !leftover) continue;
    const hash = name.slice(0, name.indexOf('.'));
    out.push({ path, folder, hash, leftover, stale: leftover || (await isStale(path, LOCK_STALE_MS)) });
  }
  return out;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
