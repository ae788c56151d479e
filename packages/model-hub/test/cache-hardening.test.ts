/**
 * The model cache under faults the stand-in hub and the test inject (never the clock): a second writer on the partial
 * file, a paused lock holder, a full disk while the lock is written, a cached blob of the wrong size, a hub that never
 * answers or stalls mid-body, and a cache that cannot be read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { ChecksumMismatchError, DiskFullError, ErrorCode, FileSystemError, HubUnreachableError, LlmShieldError } from '@llm-shield/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModelHub, processStartTime, repoCachePaths, type ModelHubOptions } from '../src/node/index.js';
import { checkCache, listTree } from './cache-check.js';
import { fixtureRepos, HEAD_COMMIT, tempCache, tinyEntry, tinyFiles, TINY_REPO } from './fixtures.js';
import { sha256Hex, startHubServer, type HubServer } from './hub-server.js';

let server: HubServer;
let cache: { dir: string; cleanup: () => Promise<void> };
const model = tinyFiles('head').find((f) => f.path === 'onnx/model.onnx')!.content;
const modelSha = sha256Hex(model);

beforeAll(async () => {
  server = await startHubServer(fixtureRepos());
});
afterAll(() => server.close());
beforeEach(async () => {
  cache = await tempCache();
  server.setFault(undefined);
  server.requests.length = 0;
});
afterEach(async () => {
  await chmod(cache.dir, 0o755).catch(() => undefined);
  await cache.cleanup();
});

const hub = (extra: ModelHubOptions = {}) =>
  createModelHub({ cacheDir: cache.dir, hubUrl: server.url, token: null, offline: false, retryDelayMs: 1, onWarning: () => undefined, ...extra });
const paths = () => repoCachePaths(cache.dir, TINY_REPO);
const modelRequests = () => server.requests.filter((r) => r.endpoint === 'cdn' && r.url.includes(modelSha));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as LlmShieldError,
  );

describe('verification of the file on disk', () => {
  it.each([
    ['overwrites its first bytes', (fd: number) => writeSync(fd, new Uint8Array(64).fill(0x55), 0, 64, 0)],
    ['appends bytes past the end', (fd: number) => writeSync(fd, new Uint8Array(64).fill(0x55), 0, 64, model.length + 100)],
  ])('a second writer that %s while the right bytes arrive: ChecksumMismatchError, nothing committed', async (_, tamper) => {
    server.setFault((c) => (c.endpoint === 'cdn' && c.path === modelSha ? { kind: 'slow', chunk: 8 * 1024, delayMs: 1 } : undefined));
    const incomplete = `${paths().blob(modelSha)}.incomplete`;
    let tampered = false;
    const error = await failure(
      hub().pull(tinyEntry(), {
        onProgress: (p) => {
          if (tampered || p.file !== 'onnx/model.onnx' || p.bytesDone < 16 * 1024) return;
          tampered = true;
          const fd = openSync(incomplete, 'r+');
          tamper(fd);
          closeSync(fd);
        },
      }),
    );
    expect(tampered).toBe(true);
    expect(error).toBeInstanceOf(ChecksumMismatchError);
    expect(error.message).toMatch(/on disk/);
    const state = await checkCache(paths().root); // every blob present hashes to its name
    expect(state.blobs).not.toContain(`blobs/${modelSha}`);
    expect(state.incomplete).toEqual([]);
    expect(state.snapshotFiles.filter((f) => f.endsWith('model.onnx'))).toEqual([]);
  });
});

describe('download locks', () => {
  let paused: ChildProcess | undefined;
  afterEach(() => {
    paused?.kill('SIGKILL');
    paused = undefined;
  });

  it.skipIf(process.platform === 'win32')(
    'a paused writer keeps its lock however old its heartbeat; once its process is gone the lock is taken over at once',
    async () => {
      paused = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e6)'], { stdio: 'ignore' });
      const pid = paused.pid!;
      paused.kill('SIGSTOP');
      const lockPath = paths().lock(modelSha);
      await mkdir(dirname(lockPath), { recursive: true });
      const hourAgo = new Date(Date.now() - 3_600_000);
      const start = processStartTime(pid);
      const owner = { pid, host: hostname(), token: 'paused', createdAt: hourAgo.toISOString(), heartbeatAt: hourAgo.toISOString(), ...(start ? { processStart: start } : {}) };
      await writeFile(lockPath, JSON.stringify(owner));
      await utimes(lockPath, hourAgo, hourAgo);

      let requestsWhenWaiting: number | undefined;
      const warnings: string[] = [];
      const pending = hub({
        lockStaleMs: 1, // another host's lock would be stale; this host's live owner is not
        onWaiting: (message) => {
          warnings.push(message);
          if (!/Waiting for another download/.test(message)) return;
          requestsWhenWaiting = modelRequests().length;
          expect(JSON.parse(readFileSync(lockPath, 'utf8')).token).toBe('paused');
          paused?.kill('SIGKILL'); // the owner dies: its lock is stale at once
        },
      }).pull(tinyEntry());
      const pulled = await pending;
      expect(requestsWhenWaiting).toBe(0);
      expect(warnings.find((w) => /Waiting for another download/.test(w))).toContain(`process ${pid} on ${hostname()}`);
      expect(pulled.files.model.downloaded).toBe(true);
      expect(new Uint8Array(await readFile(pulled.files.model.path))).toEqual(model);
      expect(await listTree(join(cache.dir, '.locks'))).toEqual([]);
    },
  );

  it('ENOSPC while the lock is written: DiskFullError with a hint, no lock file left, and the next pull goes straight through', async () => {
    const error = await failure(
      hub({
        lockFileSystem: {
          async writeFile(path) {
            await writeFile(path, ''); // the file exists, nothing fits in it
            throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC', syscall: 'write', path });
          },
        },
      }).pull(tinyEntry()),
    );
    expect(error).toBeInstanceOf(DiskFullError);
    expect(error.message).toMatch(/Free some space/);
    expect(error.details['errno']).toBe('ENOSPC');
    expect(await listTree(join(cache.dir, '.locks'))).toEqual([]);
    const pulled = await hub().pull(tinyEntry());
    expect(new Uint8Array(await readFile(pulled.files.model.path))).toEqual(model);
  });
});

describe('cached files are checked on every lookup', () => {
  it('a cached blob of the wrong size is not "cached": lookups warn and return nothing, pull downloads it again', async () => {
    await hub().pull(tinyEntry());
    await writeFile(paths().blob(modelSha), model.subarray(0, 1000)); // damaged behind our back
    const warnings: string[] = [];
    const offline = hub({ offline: true, onWarning: (m) => warnings.push(m) });
    expect(await offline.findCached(tinyEntry())).toBeUndefined();
    expect(warnings[0]).toMatch(/has 1000 bytes, not the 49152/);
    server.requests.length = 0;
    const repaired = await hub().pull(tinyEntry());
    expect(repaired.files.model.downloaded).toBe(true);
    expect(modelRequests()).toHaveLength(1);
    expect(new Uint8Array(await readFile(repaired.files.model.path))).toEqual(model);
  });

  it('a snapshot without size records (as Python writes it) is checked against the hub once online, not taken on existence', async () => {
    await hub().pull(tinyEntry());
    await rmRecords();
    await writeFile(paths().blob(modelSha), model.subarray(0, 1000));
    server.requests.length = 0;
    const repaired = await hub().pull(tinyEntry());
    expect(repaired.files.model.downloaded).toBe(true);
    expect(repaired.files.config.downloaded).toBe(false);
    expect(server.requests.filter((r) => r.endpoint === 'paths-info')).toHaveLength(1);
    expect(new Uint8Array(await readFile(repaired.files.model.path))).toEqual(model);
    // The records are written now: the next pull of the pinned commit asks nothing.
    server.requests.length = 0;
    const again = await hub().pull(tinyEntry());
    expect(Object.values(again.files).some((f) => f.downloaded)).toBe(false);
    expect(server.requests).toEqual([]);
  });

  it("Python's trees/<commit>.json sizes are honoured too", async () => {
    await hub().pull(tinyEntry());
    const tree = { format_version: 1, files: { 'onnx/model.onnx': { size: model.length + 1, blob_id: 'a'.repeat(40), lfs_sha256: modelSha, lfs_size: model.length + 1 } } };
    await mkdir(dirname(paths().pythonTree(HEAD_COMMIT)), { recursive: true });
    await writeFile(paths().pythonTree(HEAD_COMMIT), JSON.stringify(tree));
    await rmRecords();
    const warnings: string[] = [];
    expect(await hub({ offline: true, onWarning: (m) => warnings.push(m) }).findCached(tinyEntry())).toBeUndefined();
    expect(warnings[0]).toMatch(/49152 bytes, not the 49153/);
  });
});

describe('timeouts on every hub request', () => {
  it('a hub that accepts and never answers: HubUnreachableError after the timeout, retried, for metadata requests', async () => {
    server.setFault((c) => (c.endpoint === 'revision' ? { kind: 'hang' } : undefined));
    const error = await failure(hub({ etagTimeoutMs: 40, retries: 1 }).pull(tinyEntry(null)));
    expect(error).toBeInstanceOf(HubUnreachableError);
    expect(error.details).toMatchObject({ timedOut: 'answer', timeoutMs: 40, attempts: 2 });
    expect(error.message).toMatch(/did not answer within 40 ms.*HF_HUB_ETAG_TIMEOUT/s);
    expect(server.requests.filter((r) => r.endpoint === 'revision')).toHaveLength(2);
  });

  it('HF_HUB_ETAG_TIMEOUT (seconds) sets it from the environment', async () => {
    server.setFault((c) => (c.endpoint === 'paths-info' ? { kind: 'hang' } : undefined));
    const error = await failure(
      createModelHub({ env: { HF_HUB_ETAG_TIMEOUT: '0.03' }, cacheDir: cache.dir, hubUrl: server.url, token: null, offline: false, retries: 0, onWarning: () => undefined }).pull(
        tinyEntry(),
      ),
    );
    expect(error).toBeInstanceOf(HubUnreachableError);
    expect(error.details).toMatchObject({ timedOut: 'answer', timeoutMs: 30 });
  });

  it('a metadata answer whose body stalls mid-way: HubUnreachableError (body timeout)', async () => {
    server.setFault((c) => (c.endpoint === 'paths-info' ? { kind: 'stall-json', after: 20 } : undefined));
    const error = await failure(hub({ etagTimeoutMs: 40, retries: 0 }).pull(tinyEntry()));
    expect(error).toBeInstanceOf(HubUnreachableError);
    expect(error.details).toMatchObject({ timedOut: 'body', timeoutMs: 40 });
    expect(error.message).toMatch(/stopped sending its answer/);
  });

  it('a download that never answers or stalls mid-body: TransferInterruptedError after HF_HUB_DOWNLOAD_TIMEOUT, the partial kept', async () => {
    server.setFault((c) => (c.endpoint === 'cdn' && c.path === modelSha ? (c.count === 1 ? { kind: 'stall', after: 4_000 } : { kind: 'hang' }) : undefined));
    const error = await failure(
      createModelHub({ env: { HF_HUB_DOWNLOAD_TIMEOUT: '0.04' }, cacheDir: cache.dir, hubUrl: server.url, token: null, offline: false, resumeRetries: 1, retryDelayMs: 1 }).pull(
        tinyEntry(),
      ),
    );
    expect(error.code).toBe(ErrorCode.TransferInterrupted);
    expect(error.details['attempts']).toBe(2);
    // The second attempt resumes from what the first kept (bytes a stall timer beats to the reader may be lost).
    const ranges = modelRequests().map((r) => r.range);
    expect(ranges).toHaveLength(2);
    expect(ranges[1] === undefined || /^bytes=\d+-$/.test(ranges[1])).toBe(true);
  });
});

describe('a cache that cannot be read or written', () => {
  it('a file where the cache folder should be: lookups warn (path and ENOTDIR) and say "not cached"; pull raises FileSystemError', async () => {
    const file = join(cache.dir, 'not-a-folder');
    await writeFile(file, 'x');
    const warnings: string[] = [];
    const lookup = createModelHub({ cacheDir: file, offline: true, onWarning: (m) => warnings.push(m) });
    expect(await lookup.findCached(tinyEntry())).toBeUndefined();
    expect(await lookup.findCached(tinyEntry(null))).toBeUndefined(); // by ref: refs/main cannot be read either
    expect(warnings.length).toBeGreaterThan(0);
    for (const warning of warnings) {
      expect(warning).toMatch(/ENOTDIR/);
      expect(warning).toContain(file);
      expect(warning).toMatch(/treated as not cached/);
    }
    const error = await failure(createModelHub({ cacheDir: file, hubUrl: server.url, token: null, offline: false, retryDelayMs: 1, onWarning: () => undefined }).pull(tinyEntry()));
    expect(error).toBeInstanceOf(FileSystemError);
    expect(error.details['errno']).toBe('ENOTDIR');
    expect(error.message).toMatch(/choose another cache/);
  });

  it.skipIf(process.platform === 'win32' || process.getuid?.() === 0)('an unreadable cache (EACCES): lookups warn and say "not cached"', async () => {
    await hub().pull(tinyEntry());
    await chmod(cache.dir, 0o000);
    const warnings: string[] = [];
    expect(await hub({ offline: true, onWarning: (m) => warnings.push(m) }).findCached(tinyEntry())).toBeUndefined();
    expect(warnings[0]).toMatch(/EACCES/);
  });
});

async function rmRecords(): Promise<void> {
  await rm(join(paths().root, '.llm-shield'), { recursive: true, force: true });
}
