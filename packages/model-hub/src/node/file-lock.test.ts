import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { AbortedError } from '@llm-shield/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireFileLock, isStale } from './file-lock.js';

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
});
