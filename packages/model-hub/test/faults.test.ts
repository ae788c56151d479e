import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import {
  AbortedError,
  ChecksumMismatchError,
  DiskFullError,
  ErrorCode,
  HubAuthRequiredError,
  HubNotFoundError,
  HubUnreachableError,
  LlmShieldError,
  TransferInterruptedError,
} from '@llm-shield/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModelHub, repoCachePaths, type ModelHubOptions } from '../src/node/index.js';
import { defineModelEntry } from '../src/index.js';
import { checkCache } from './cache-check.js';
import { fixtureRepos, GATED_REPO, HEAD_COMMIT, tempCache, tinyEntry, tinyFiles, TINY_REPO, VALID_TOKEN } from './fixtures.js';
import { sha256Hex, startHubServer, type Fault, type FaultContext, type HubServer } from './hub-server.js';

let server: HubServer;
let cache: { dir: string; cleanup: () => Promise<void> };
const model = tinyFiles('head').find((f) => f.path === 'onnx/model.onnx')!.content;
const modelSha = sha256Hex(model);
const SIZE = model.length;

beforeAll(async () => {
  server = await startHubServer(fixtureRepos());
});
afterAll(() => server.close());
beforeEach(async () => {
  cache = await tempCache();
  server.setFault(undefined);
  server.requests.length = 0;
});
afterEach(() => cache.cleanup());

const hub = (extra: ModelHubOptions = {}) =>
  createModelHub({ cacheDir: cache.dir, hubUrl: server.url, token: null, offline: false, retryDelayMs: 1, onWarning: () => undefined, ...extra });
const repoDir = () => repoCachePaths(cache.dir, TINY_REPO).root;
const incompletePath = () => `${repoCachePaths(cache.dir, TINY_REPO).blob(modelSha)}.incomplete`;
/** Injects `fault` into CDN transfers of the model file, for the first `times` requests (all when omitted). */
const onModel = (fault: Fault, times = Infinity) => (context: FaultContext) =>
  context.endpoint === 'cdn' && context.path === modelSha && context.count <= times ? fault : undefined;

/** The pull fails with `code`, and the cache holds nothing that did not verify: no snapshot of the failed file. */
async function expectFailure(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(LlmShieldError.isInstance(error), String(error)).toBe(true);
  expect((error as LlmShieldError).code).toBe(code);
  const state = await checkCache(repoDir());
  expect(state.snapshotFiles.filter((p) => p.endsWith('model.onnx'))).toEqual([]);
  expect(state.blobs).not.toContain(`blobs/${modelSha}`);
  return { error: error as LlmShieldError, state };
}

describe('faults', () => {
  it('truncated body: interrupted after retries, keeps a resumable prefix, and the next pull resumes with Range', async () => {
    // The server ends each answer cleanly after 10 000 bytes (a short chunked body, not a broken connection), so
    // exactly what it sent reaches the client, however loaded the machine: the kept prefix does not depend on timing.
    server.setFault(onModel({ kind: 'cut', after: 10_000 }));
    const { error, state } = await expectFailure(hub({ resumeRetries: 1 }).pull(tinyEntry()), ErrorCode.TransferInterrupted);
    expect(error).toBeInstanceOf(TransferInterruptedError);
    expect(error.message).toMatch(/resumes/);
    expect(state.incomplete).toEqual([`blobs/${modelSha}.incomplete`]);
    const partial = new Uint8Array(await readFile(incompletePath()));
    expect(partial.length).toBe(20_000); // 10 000 bytes per attempt, the second one resumed
    expect(partial).toEqual(model.subarray(0, partial.length));
    expect(server.requests.filter((r) => r.endpoint === 'cdn' && r.url.includes(modelSha)).map((r) => r.range)).toEqual([undefined, 'bytes=10000-']);

    server.setFault(undefined);
    server.requests.length = 0;
    const pulled = await hub().pull(tinyEntry());
    expect(new Uint8Array(await readFile(pulled.files.model.path))).toEqual(model);
    expect(server.requests.find((r) => r.endpoint === 'cdn' && r.url.includes(modelSha))?.range).toBe('bytes=20000-');
    expect((await checkCache(repoDir())).incomplete).toEqual([]);
  });

  it('body cut short once: resumes within the same pull from exactly the bytes kept', async () => {
    server.setFault(onModel({ kind: 'cut', after: 20_000 }, 1));
    const pulled = await hub().pull(tinyEntry());
    expect(new Uint8Array(await readFile(pulled.files.model.path))).toEqual(model);
    expect(server.requests.filter((r) => r.endpoint === 'cdn' && r.url.includes(modelSha)).map((r) => r.range)).toEqual([undefined, 'bytes=20000-']);
  });

  it('connection reset mid-file: recovers within the same pull', async () => {
    // A reset may reach the client before the bytes sent ahead of it are read (then they are lost), so only the
    // outcome is asserted: a second request, resuming from what was kept when anything was.
    server.setFault(onModel({ kind: 'reset', after: 20_000 }, 1));
    const pulled = await hub().pull(tinyEntry());
    expect(new Uint8Array(await readFile(pulled.files.model.path))).toEqual(model);
    const ranges = server.requests.filter((r) => r.endpoint === 'cdn' && r.url.includes(modelSha)).map((r) => r.range);
    expect(ranges).toHaveLength(2);
    expect(ranges[1] === undefined || /^bytes=\d+-$/.test(ranges[1])).toBe(true);
  });

  it('connection reset on every attempt: TransferInterruptedError', async () => {
    server.setFault(onModel({ kind: 'reset', after: 4_000 }));
    const { error } = await expectFailure(hub({ resumeRetries: 2 }).pull(tinyEntry()), ErrorCode.TransferInterrupted);
    expect(error.details['attempts']).toBe(3);
  });

  it('wrong bytes: ChecksumMismatchError and nothing kept', async () => {
    server.setFault(onModel({ kind: 'corrupt' }));
    const { error, state } = await expectFailure(hub().pull(tinyEntry()), ErrorCode.ChecksumMismatch);
    expect(error).toBeInstanceOf(ChecksumMismatchError);
    expect(error.message).toMatch(/run the download again/);
    expect(state.incomplete).toEqual([]);
  });

  it('wrong size: ChecksumMismatchError before anything is written', async () => {
    server.setFault(onModel({ kind: 'wrong-size', extra: 100 }));
    const { state } = await expectFailure(hub().pull(tinyEntry()), ErrorCode.ChecksumMismatch);
    expect(state.incomplete).toEqual([]);
  });

  it('a corrupt partial from an earlier run is discarded and the file fetched again from scratch', async () => {
    await mkdir(`${repoDir()}/blobs`, { recursive: true });
    await writeFile(incompletePath(), new Uint8Array(5_000).fill(7));
    const pulled = await hub().pull(tinyEntry());
    expect(new Uint8Array(await readFile(pulled.files.model.path))).toEqual(model);
    expect(server.requests.filter((r) => r.endpoint === 'cdn' && r.url.includes(modelSha)).map((r) => r.range)).toEqual(['bytes=5000-', undefined]);
  });

  it('a server that ignores Range: the download restarts from byte 0 and verifies', async () => {
    server.setFault(onModel({ kind: 'truncate', after: 12_000 }, 1));
    const first = (context: FaultContext) => onModel({ kind: 'truncate', after: 12_000 }, 1)(context) ?? onModel({ kind: 'ignore-range' })(context);
    server.setFault(first);
    const pulled = await hub().pull(tinyEntry());
    expect(new Uint8Array(await readFile(pulled.files.model.path))).toEqual(model);
    expect(server.fullTransfers.get(modelSha)).toBeGreaterThanOrEqual(2);
  });

  it('500 then success: retried transparently on every endpoint', async () => {
    server.setFault((context) => (context.count === 1 ? { kind: 'status', status: 500 } : undefined));
    const pulled = await hub().pull(tinyEntry(null));
    expect(pulled.commit).toBe(HEAD_COMMIT);
    expect(server.requests.filter((r) => r.endpoint === 'revision')).toHaveLength(2);
    expect(server.requests.filter((r) => r.endpoint === 'paths-info')).toHaveLength(2);
  });

  it('500 on every attempt: HubUnreachableError naming the status', async () => {
    server.setFault((context) => (context.endpoint === 'paths-info' ? { kind: 'status', status: 503 } : undefined));
    const { error } = await expectFailure(hub({ retries: 2 }).pull(tinyEntry()), ErrorCode.HubUnreachable);
    expect(error).toBeInstanceOf(HubUnreachableError);
    expect(error.message).toMatch(/HTTP 503/);
    expect(server.requests.filter((r) => r.endpoint === 'paths-info')).toHaveLength(3);
  });

  it('no network: HubUnreachableError that mentions HF_HUB_OFFLINE', async () => {
    const error = await createModelHub({ cacheDir: cache.dir, hubUrl: 'http://127.0.0.1:9', token: null, offline: false, retries: 1, retryDelayMs: 1 })
      .pull(tinyEntry())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubUnreachableError);
    expect((error as Error).message).toMatch(/HF_HUB_OFFLINE/);
  });

  it('401 without a token, 403 with a wrong one: HubAuthRequiredError telling to set HF_TOKEN; a valid token works', async () => {
    const gated = tinyEntry(HEAD_COMMIT, GATED_REPO);
    const missing = await hub().pull(gated).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(HubAuthRequiredError);
    expect((missing as LlmShieldError).details['status']).toBe(401);
    expect((missing as Error).message).toMatch(/HF_TOKEN/);
    const wrong = await hub({ token: 'hf_wrong' }).pull(gated).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(HubAuthRequiredError);
    expect((wrong as LlmShieldError).details['status']).toBe(403);
    expect((await checkCache(repoCachePaths(cache.dir, GATED_REPO).root)).blobs).toEqual([]);
    server.requests.length = 0;
    const pulled = await hub({ token: VALID_TOKEN }).pull(gated);
    expect(pulled.commit).toBe(HEAD_COMMIT);
    const hubRequests = server.requests.filter((r) => r.endpoint !== 'cdn');
    expect(hubRequests.length).toBeGreaterThan(0);
    expect(hubRequests.every((r) => r.authorization === `Bearer ${VALID_TOKEN}`)).toBe(true);
  });

  it('404: missing file, missing revision and missing repo are HubNotFoundError with the reason', async () => {
    const badFile = defineModelEntry({ id: 'bad-file', repoId: TINY_REPO, revision: HEAD_COMMIT, onnx: { fp32: 'onnx/nope.onnx' } });
    const file = await hub().pull(badFile).catch((e: unknown) => e);
    expect(file).toBeInstanceOf(HubNotFoundError);
    expect((file as Error).message).toMatch(/onnx\/nope\.onnx/);
    const revision = await hub().pull(tinyEntry(), { revision: 'no-such-branch' }).catch((e: unknown) => e);
    expect(revision).toBeInstanceOf(HubNotFoundError);
    expect((revision as LlmShieldError).details['errorCode']).toBe('RevisionNotFound');
    const repo = await hub().pull(tinyEntry(HEAD_COMMIT, 'nobody/nothing')).catch((e: unknown) => e);
    expect(repo).toBeInstanceOf(HubNotFoundError);
    expect((repo as Error).message).toMatch(/not found/);
  });

  it('slow stream: completes, reporting progress along the way', async () => {
    server.setFault(onModel({ kind: 'slow', chunk: 8 * 1024, delayMs: 15 }));
    const seen: number[] = [];
    const pulled = await hub().pull(tinyEntry(), { onProgress: (p) => p.file === 'onnx/model.onnx' && seen.push(p.bytesDone) });
    expect(new Uint8Array(await readFile(pulled.files.model.path))).toEqual(model);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.at(-1)).toBe(SIZE);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('stalled stream: interrupted after the stall timeout', async () => {
    server.setFault(onModel({ kind: 'stall', after: 1_000 }));
    const { state } = await expectFailure(hub({ stallTimeoutMs: 150, resumeRetries: 0 }).pull(tinyEntry()), ErrorCode.TransferInterrupted);
    expect(state.incomplete.length).toBeLessThanOrEqual(1);
  });

  it('a server that never answers: interrupted after the stall timeout', async () => {
    server.setFault(onModel({ kind: 'hang' }));
    await expectFailure(hub({ stallTimeoutMs: 150, resumeRetries: 0 }).pull(tinyEntry()), ErrorCode.TransferInterrupted);
  });

  it('abort: AbortedError, and no lock is left behind', async () => {
    server.setFault(onModel({ kind: 'slow', chunk: 1024, delayMs: 20 }));
    const controller = new AbortController();
    const pending = hub().pull(tinyEntry(), {
      signal: controller.signal,
      onProgress: (p) => p.bytesDone > 2048 && controller.abort(),
    });
    const { error } = await expectFailure(pending, ErrorCode.Aborted);
    expect(error).toBeInstanceOf(AbortedError);
    expect(existsSync(repoCachePaths(cache.dir, TINY_REPO).lock(modelSha))).toBe(false);
  });

  it.skipIf(!existsSync('/dev/full') || process.platform !== 'linux')('disk full (ENOSPC): DiskFullError and the partial is removed', async () => {
    await mkdir(`${repoDir()}/blobs`, { recursive: true });
    await symlink('/dev/full', incompletePath());
    const { error, state } = await expectFailure(hub().pull(tinyEntry()), ErrorCode.DiskFull);
    expect(error).toBeInstanceOf(DiskFullError);
    expect(error.message).toMatch(/Free some space/);
    expect(state.incomplete).toEqual([]);
  });
});
