import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm, stat, utimes, mkdir } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import { AbortedError } from '@llm-shield/core';

/** Options of {@link acquireFileLock}. */
export interface FileLockOptions {
  /** A lock whose file was not touched for this long is stale and is taken over (default 120 000 ms). */
  staleMs?: number;
  /** The holder touches the lock file this often so it never looks stale (default `staleMs / 4`). */
  heartbeatMs?: number;
  /** Pause between attempts while another holder has the lock (default 100 ms, with jitter). */
  pollMs?: number;
  /** Stops waiting. */
  signal?: AbortSignal;
}

/** A held lock. */
export interface FileLock {
  readonly path: string;
  /** Removes the lock file (only if it is still ours). */
  release(): Promise<void>;
}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
  createdAt: string;
}

/**
 * Takes an exclusive lock by creating `path` with `O_EXCL` and writing its owner (`pid`, host, a random token) into it.
 * While another process holds it, waits; a lock is stale, and is taken over, when its owner is a dead process on
 * this host or when its file was not touched for `staleMs` (the holder touches it every `heartbeatMs`). Takeover
 * renames the stale file away first, so two waiters cannot both remove a fresh lock.
 */
export async function acquireFileLock(path: string, options: FileLockOptions = {}): Promise<FileLock> {
  const staleMs = options.staleMs ?? 120_000;
  const heartbeatMs = options.heartbeatMs ?? Math.max(10, Math.floor(staleMs / 4));
  const pollMs = options.pollMs ?? 100;
  const owner: LockOwner = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex'), createdAt: new Date().toISOString() };
  await mkdir(dirname(path), { recursive: true });
  for (;;) {
    if (options.signal?.aborted) throw new AbortedError('Waiting for a model file lock was aborted.', { cause: options.signal.reason });
    try {
      const handle = await open(path, 'wx');
      try {
        await handle.writeFile(JSON.stringify(owner));
      } finally {
        await handle.close();
      }
      return heldLock(path, owner, heartbeatMs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(path, staleMs)) {
      const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
      try {
        await rename(path, aside);
        await rm(aside, { force: true });
      } catch {
        // Someone else took it over or released it first: try again.
      }
      continue;
    }
    await delay(pollMs / 2 + Math.random() * pollMs, options.signal);
  }
}

/** True when the lock at `path` belongs to a dead process on this host, or its file is older than `staleMs`. */
export async function isStale(path: string, staleMs: number): Promise<boolean> {
  let modified: number;
  try {
    modified = (await stat(path)).mtimeMs;
  } catch {
    return false;
  }
  if (Date.now() - modified > staleMs) return true;
  const owner = await readOwner(path);
  return owner !== undefined && owner.host === hostname() && !processIsAlive(owner.pid);
}

function heldLock(path: string, owner: LockOwner, heartbeatMs: number): FileLock {
  const timer = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => undefined);
  }, heartbeatMs);
  timer.unref();
  let released = false;
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

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.token === 'string') return parsed as LockOwner;
  } catch {
    // Empty (being written), foreign or gone.
  }
  return undefined;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
