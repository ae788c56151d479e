import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { link, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { AbortedError } from '@llm-shield/core';
import { cacheFileSystemError, errnoOf } from './file-system-errors.js';

/** The file operations a lock uses; replace some to inject faults (a full disk while the lock is written…). */
export interface LockFileSystem {
  /** Writes a whole file (default `fs.promises.writeFile`). */
  writeFile(path: string, data: string): Promise<void>;
  /** Makes `newPath` a hard link to `existingPath`; fails with EEXIST when `newPath` exists (default `fs.promises.link`). */
  link(existingPath: string, newPath: string): Promise<void>;
}

/** Options of {@link acquireFileLock}. */
export interface FileLockOptions {
  /**
   * A lock of another host whose heartbeat is older than this is stale and is taken over (default 120 000 ms). A
   * lock of this host is judged by its owner's liveness instead: stale at once when the process is gone, never while
   * it lives (a paused process keeps its lock).
   */
  staleMs?: number;
  /** The holder refreshes its heartbeat this often (default `staleMs / 4`). */
  heartbeatMs?: number;
  /** Pause between attempts while another holder has the lock (default 100 ms, with jitter). */
  pollMs?: number;
  /** Stops waiting. */
  signal?: AbortSignal;
  /** Called once when the lock is found held by someone else and the caller starts to wait (with the owner, if readable). */
  onWait?: (owner: LockOwner | undefined) => void;
  /** File operations to use instead of Node's (for fault injection). */
  fileSystem?: Partial<LockFileSystem>;
}

/** A held lock. */
export interface FileLock {
  readonly path: string;
  /** Removes the lock file (only if it is still ours). */
  release(): Promise<void>;
}

/** What a lock file says about its owner. */
export interface LockOwner {
  pid: number;
  host: string;
  /** Random, tells this holder from a later one with the same pid. */
  token: string;
  createdAt: string;
  /** Last heartbeat (ISO time), refreshed every `heartbeatMs` while held. */
  heartbeatAt?: string;
  /** The process's start time as the OS counts it (Linux: clock ticks since boot), to tell a reused pid. */
  processStart?: string;
}

/** A lock file with no readable owner (an old format, a foreign file) is stale once untouched for this long. */
export const UNREADABLE_LOCK_GRACE_MS = 10_000;

/** Lock files are padded to this many bytes so a heartbeat rewrites them in place with one write. */
const LOCK_FILE_BYTES = 512;

const defaultFileSystem: LockFileSystem = {
  writeFile: (path, data) => writeFile(path, data),
  link: (existingPath, newPath) => link(existingPath, newPath),
};

/**
 * Takes an exclusive lock on `path`. The owner (`pid`, host, a random token, a heartbeat) is written to a temporary
 * file that is then hard-linked to `path` (fails if it exists: `O_EXCL` with the content already in place), so the
 * lock file is never empty or half written, and a failed write (ENOSPC…) leaves nothing behind; where hard links are
 * not supported, `path` is created with `O_EXCL` and removed again if writing it fails. While another holder has it,
 * waits; a lock is stale, and is taken over, when {@link isStale} says so. Takeover renames the stale file away first
 * (and puts it back if it was refreshed meanwhile), so two waiters cannot both remove a fresh lock. Raises
 * `DiskFullError` / `FileSystemError` when the lock cannot be written, `AbortedError` on abort.
 */
export async function acquireFileLock(path: string, options: FileLockOptions = {}): Promise<FileLock> {
  const staleMs = options.staleMs ?? 120_000;
  const heartbeatMs = options.heartbeatMs ?? Math.max(10, Math.floor(staleMs / 4));
  const pollMs = options.pollMs ?? 100;
  const fs: LockFileSystem = { ...defaultFileSystem, ...options.fileSystem };
  const now = new Date().toISOString();
  const start = processStartTime(process.pid);
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    token: randomBytes(8).toString('hex'),
    createdAt: now,
    heartbeatAt: now,
    ...(start === undefined ? {} : { processStart: start }),
  };
  const fail = (error: unknown) => cacheFileSystemError(error, 'writing a download lock', path) ?? error;
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (error) {
    throw fail(error);
  }
  let waiting = false;
  for (;;) {
    if (options.signal?.aborted) throw new AbortedError('Waiting for a model file lock was aborted.', { cause: options.signal.reason });
    let created: boolean;
    try {
      created = await createLockFile(path, owner, fs);
    } catch (error) {
      throw fail(error);
    }
    if (created) return heldLock(path, owner, heartbeatMs);
    const holder = await readOwner(path);
    if (await isStale(path, staleMs)) {
      await takeOver(path, holder, staleMs);
      continue;
    }
    if (!waiting) {
      waiting = true;
      options.onWait?.(holder);
    }
    await delay(pollMs / 2 + Math.random() * pollMs, options.signal);
  }
}

/** Creates the lock file with its content in one step; false when it exists already. */
async function createLockFile(path: string, owner: LockOwner, fs: LockFileSystem): Promise<boolean> {
  const content = serialise(owner);
  const temporary = `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await fs.writeFile(temporary, content);
    try {
      await fs.link(temporary, path);
      return true;
    } catch (error) {
      const code = errnoOf(error);
      if (code === 'EEXIST') return false;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV' && code !== 'EMLINK') throw error;
    }
  } finally {
    await rm(temporary, { force: true }).catch(() => undefined);
  }
  // No hard links here (some network and FAT file systems): O_EXCL, and the file goes again if writing it fails.
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
    await handle.close();
    return true;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(path, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** Moves a stale lock aside and deletes it; puts it back when it turns out to have been refreshed meanwhile. */
async function takeOver(path: string, judged: LockOwner | undefined, staleMs: number): Promise<void> {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch {
    return; // someone else took it over or released it first: try again
  }
  const moved = await readOwner(aside);
  const refreshed = moved !== undefined && (moved.token !== judged?.token || !(await isStale(aside, staleMs)));
  if (refreshed) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}

/**
 * True when the lock at `path` may be taken over:
 * - its owner is a process of this host that is gone (or whose pid now belongs to a process started later): stale at
 *   once, whatever its age; a live owner of this host is never stale, even when paused for long;
 * - its owner is on another host (whose processes cannot be seen): when its heartbeat (the newer of the heartbeat
 *   written in it and the file's modification time) is older than `staleMs`;
 * - it names no readable owner (an old or foreign file): when untouched for `min(staleMs,`
 *   {@link UNREADABLE_LOCK_GRACE_MS}`)`.
 *
 * @param path - the lock file
 * @param staleMs - how old another host's heartbeat may be
 * @param now - the clock (default `Date.now()`)
 */
export async function isStale(path: string, staleMs: number, now: number = Date.now()): Promise<boolean> {
  let modified: number;
  try {
    modified = (await stat(path)).mtimeMs;
  } catch {
    return false;
  }
  const owner = await readOwner(path);
  if (owner === undefined) return now - modified > Math.min(staleMs, UNREADABLE_LOCK_GRACE_MS);
  if (owner.host === hostname()) return !ownerIsAlive(owner);
  const heartbeat = Math.max(modified, Date.parse(owner.heartbeatAt ?? '') || 0);
  return now - heartbeat > staleMs;
}

/** What the lock file at `path` says about its owner, or `undefined` when it is missing, empty or not ours. */
export async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') return parsed as LockOwner;
  } catch {
    // Empty, foreign or gone.
  }
  return undefined;
}

function heldLock(path: string, owner: LockOwner, heartbeatMs: number): FileLock {
  let released = false;
  const beat = async () => {
    const handle = await open(path, 'r+');
    try {
      const current = JSON.parse((await handle.readFile('utf8')) || '{}') as Partial<LockOwner>;
      if (current.token !== owner.token) return; // not ours any more
      const now = new Date();
      owner.heartbeatAt = now.toISOString();
      await handle.write(serialise(owner), 0, 'utf8');
      await handle.utimes(now, now);
    } finally {
      await handle.close();
    }
  };
  const timer = setInterval(() => {
    if (!released) beat().catch(() => undefined);
  }, heartbeatMs);
  timer.unref();
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      if ((await readOwner(path))?.token === owner.token) await rm(path, { force: true });
    },
  };
}

/** The owner as JSON padded with spaces to a fixed size, so a heartbeat overwrites it in place. */
function serialise(owner: LockOwner): string {
  const json = JSON.stringify(owner);
  return json.length >= LOCK_FILE_BYTES ? json : json.padEnd(LOCK_FILE_BYTES, ' ');
}

function ownerIsAlive(owner: LockOwner): boolean {
  if (!processIsAlive(owner.pid)) return false;
  if (owner.processStart === undefined) return true;
  const start = processStartTime(owner.pid);
  return start === undefined || start === owner.processStart;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
}

/** Linux: the start time of `pid` in clock ticks since boot (field 22 of `/proc/<pid>/stat`); elsewhere `undefined`. */
export function processStartTime(pid: number): string | undefined {
  if (process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortedError('Waiting for a model file lock was aborted.', { cause: signal?.reason }));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
