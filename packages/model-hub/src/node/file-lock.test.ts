import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbortedError, DiskFullError, FileSystemError } from '@llm-shield/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireFileLock, isStale, processStartTime } from './file-lock.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'llm-shield-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('acquireFileLock', () => {
  it('is exclusive: a second taker waits until the first releases', async () => {
    const path = join(dir, 'x.lock');
    const first = await acquireFileLock(path, { pollMs: 5 });
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    let secondHeld = false;
    const second = acquireFileLock(path, { pollMs: 5 }).then((lock) => {
      secondHeld = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(secondHeld).toBe(false);
    await first.release();
    await (await second).release();
    expect(existsSync(path)).toBe(false);
  });

  it('takes over a lock of a dead process on this host', async () => {
    const path = join(dir, 'dead.lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    await writeFile(path, JSON.stringify({ pid: Number(dead), host: hostname(), token: 'old', createdAt: '' }));
    expect(await isStale(path, 60_000)).toBe(true);
    const lock = await acquireFileLock(path, { pollMs: 5 });
    expect(JSON.parse(await readFile(path, 'utf8')).pid).toBe(process.pid);
    await lock.release();
  });

  it('takes over a lock untouched for longer than staleMs (e.g. a foreign or empty file), but not a fresh one', async () => {
    const path = join(dir, 'old.lock');
    await writeFile(path, '');
    expect(await isStale(path, 60_000)).toBe(false);
    const past = new Date(Date.now() - 120_000);
    await utimes(path, past, past);
    expect(await isStale(path, 60_000)).toBe(true);
    const lock = await acquireFileLock(path, { staleMs: 60_000, pollMs: 5 });
    await lock.release();
  });

  it('keeps a held lock fresh and stops waiting on abort', async () => {
    const path = join(dir, 'held.lock');
    const held = await acquireFileLock(path, { staleMs: 200, heartbeatMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await isStale(path, 200)).toBe(false);
    const controller = new AbortController();
    const waiting = acquireFileLock(path, { staleMs: 200, pollMs: 5, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await expect(waiting).rejects.toThrow(AbortedError);
    await held.release();
  });

  it('judges a live owner of this host by liveness: never stale while it lives, however old its heartbeat', async () => {
    const path = join(dir, 'live.lock');
    const old = new Date(Date.now() - 86_400_000);
    await writeFile(path, JSON.stringify({ pid: process.pid, host: hostname(), token: 't', createdAt: old.toISOString(), heartbeatAt: old.toISOString() }));
    await utimes(path, old, old);
    expect(await isStale(path, 1)).toBe(false);
    const controller = new AbortController();
    let waitedFor: unknown;
    const waiting = acquireFileLock(path, {
      staleMs: 1,
      pollMs: 1,
      signal: controller.signal,
      onWait: (owner) => {
        waitedFor = owner?.token;
        controller.abort();
      },
    });
    await expect(waiting).rejects.toThrow(AbortedError);
    expect(waitedFor).toBe('t');
    expect(JSON.parse(await readFile(path, 'utf8')).token).toBe('t');
  });

  it.skipIf(process.platform !== 'linux')('takes a lock whose pid now belongs to a process started at another time (a reused pid) as stale', async () => {
    const path = join(dir, 'reused.lock');
    expect(processStartTime(process.pid)).toMatch(/^\d+$/);
    await writeFile(path, JSON.stringify({ pid: process.pid, host: hostname(), token: 't', createdAt: '', processStart: '1' }));
    expect(await isStale(path, 60_000)).toBe(true);
  });

  it("judges another host's lock by its heartbeat: the newer of the one written in it and the file's time", async () => {
    const path = join(dir, 'remote.lock');
    const now = Date.now();
    await writeFile(path, JSON.stringify({ pid: 1, host: `not-${hostname()}`, token: 't', createdAt: '', heartbeatAt: new Date(now).toISOString() }));
    expect(await isStale(path, 60_000, now + 30_000)).toBe(false);
    expect(await isStale(path, 60_000, now + 120_000)).toBe(true);
  });

  it('refreshes the heartbeat written in the lock while held', async () => {
    const path = join(dir, 'beat.lock');
    const held = await acquireFileLock(path, { heartbeatMs: 10 });
    const first = JSON.parse(await readFile(path, 'utf8')).heartbeatAt as string;
    let later = first;
    for (let i = 0; i < 4_000 && later === first; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      later = JSON.parse(await readFile(path, 'utf8')).heartbeatAt as string;
    }
    expect(Date.parse(later)).toBeGreaterThan(Date.parse(first));
    await held.release();
  });

  it('never leaves a lock file behind when it cannot be written (ENOSPC, EROFS): typed errors, an empty folder', async () => {
    const failing = (code: string) => ({
      async writeFile(path: string) {
        await writeFile(path, '');
        throw Object.assign(new Error(`${code}: write '${path}'`), { code, syscall: 'write', path });
      },
    });
    await expect(acquireFileLock(join(dir, 'full.lock'), { fileSystem: failing('ENOSPC') })).rejects.toThrow(DiskFullError);
    await expect(acquireFileLock(join(dir, 'ro.lock'), { fileSystem: failing('EROFS') })).rejects.toThrow(FileSystemError);
    expect(await readdir(dir)).toEqual([]);
  });

  it('falls back to O_EXCL where hard links are not supported, with the owner written in full', async () => {
    const path = join(dir, 'nolink.lock');
    const noLinks = {
      link: () => Promise.reject(Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' })),
    };
    const lock = await acquireFileLock(path, { fileSystem: noLinks });
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(await readdir(dir)).toEqual(['nolink.lock']);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });
});
