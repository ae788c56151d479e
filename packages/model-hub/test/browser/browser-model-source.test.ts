/**
 * The browser model source in Node, against the loopback hub server, with the in-memory store (the same
 * BrowserModelStore contract as the Cache API and OPFS stores, which test/browser/chromium.test.ts drives for real).
 */
import {
  ChecksumMismatchError,
  ErrorCode,
  HubAuthRequiredError,
  HubNotFoundError,
  HubUnreachableError,
  LlmShieldError,
  ModelUnavailableError,
  TransferInterruptedError,
} from '@llm-shield/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  browserCacheKeys,
  createBrowserModelSource,
  createMemoryModelStore,
  createModelRegistry,
  defineModelEntry,
  listBrowserCachedModels,
  removeBrowserCachedModel,
  type BrowserModelSourceOptions,
  type DownloadProgress,
  type MemoryModelStore,
} from '../../src/index.js';
import { fixtureRepos, GATED_REPO, HEAD_COMMIT, OLD_COMMIT, tinyEntry, tinyFiles, TINY_REPO, VALID_TOKEN } from '../fixtures.js';
import { sha256Hex, startHubServer, type Fault, type FaultContext, type HubServer } from '../hub-server.js';

let server: HubServer;
let store: MemoryModelStore;
const head = new Map(tinyFiles('head').map((f) => [f.path, f.content]));
const modelBytes = head.get('onnx/model.onnx')!;
const modelSha = sha256Hex(modelBytes);
const registry = createModelRegistry([tinyEntry(), tinyEntry(null, GATED_REPO), { ...tinyEntry(null), id: 'tiny-unpinned' }], { builtins: false });

beforeAll(async () => {
  server = await startHubServer(fixtureRepos());
});
afterAll(() => server.close());
beforeEach(() => {
  store = createMemoryModelStore();
  server.setFault(undefined);
  server.requests.length = 0;
});

const source = (extra: Partial<BrowserModelSourceOptions> = {}) =>
  createBrowserModelSource({ hubUrl: server.url, store, registry, retryDelayMs: 1, onWarning: () => undefined, ...extra });
const onModel = (fault: Fault) => (context: FaultContext) => (context.endpoint === 'cdn' && context.path === modelSha ? fault : undefined);

/** Resolve fails with ModelUnavailableError caused by `code`, and the store holds no file and no temporary entry. */
async function expectFailure(promise: Promise<unknown>, code: string): Promise<LlmShieldError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(ModelUnavailableError.isInstance(error), String(error)).toBe(true);
  const cause = (error as LlmShieldError).cause as LlmShieldError;
  expect(cause.code).toBe(code);
  expect((error as LlmShieldError).details['causeCode']).toBe(code);
  expect(await store.keys('files/')).not.toContain(browserCacheKeys.file(TINY_REPO, HEAD_COMMIT, 'onnx/model.onnx'));
  expect(await store.temporaryKeys()).toEqual([]);
  return cause;
}

describe('createBrowserModelSource (memory store, loopback hub)', () => {
  it('a hub that never answers a metadata request: HubUnreachableError after metadataTimeoutMs, not a hang', async () => {
    server.setFault((context) => (context.endpoint === 'paths-info' ? { kind: 'hang' } : undefined));
    const cause = await expectFailure(source({ metadataTimeoutMs: 40, retries: 0 }).resolve('tiny'), ErrorCode.HubUnreachable);
    expect(cause).toBeInstanceOf(HubUnreachableError);
    expect(cause.details).toMatchObject({ timedOut: 'answer', timeoutMs: 40 });
  });

  it('resolves verified files with progress; read() returns the cached bytes; there is no path', async () => {
    const progress: DownloadProgress[] = [];
    const files = await source({ onProgress: (p) => progress.push(p) }).resolve('tiny');
    expect(files).toMatchObject({ modelId: 'tiny', revision: HEAD_COMMIT, variant: 'fp32' });
    expect(files.model.path).toBeUndefined();
    expect(await files.model.read()).toEqual(modelBytes);
    expect(await files.tokenizer.read()).toEqual(head.get('tokenizer.json'));
    expect(await files.tokenizerConfig?.read()).toEqual(head.get('tokenizer_config.json'));
    expect(await files.config.read()).toEqual(head.get('config.json'));
    const config = head.get('config.json')!.length;
    expect(progress.filter((p) => p.file === 'config.json').at(-1)).toEqual({ file: 'config.json', bytesDone: config, bytesTotal: config });
    expect(progress.filter((p) => p.file === 'onnx/model.onnx').at(-1)).toMatchObject({ bytesDone: modelBytes.length, bytesTotal: modelBytes.length });
    expect(await store.keys(browserCacheKeys.files(TINY_REPO, HEAD_COMMIT))).toHaveLength(4);
    expect(await store.temporaryKeys()).toEqual([]);
  });

  it('a second resolve of a pinned commit makes no request', async () => {
    await source().resolve('tiny');
    server.requests.length = 0;
    const pulled = await source().hub.pull('tiny');
    expect(server.requests).toEqual([]);
    expect(pulled.resolvedFrom).toBe('cache');
    expect(await pulled.files.model.read()).toEqual(modelBytes);
  });

  it('offline: served from the cache when present, ModelUnavailableError when not', async () => {
    await expect(source({ offline: true }).resolve('tiny')).rejects.toSatisfy(
      (e: unknown) => ModelUnavailableError.isInstance(e) && /offline/.test((e as Error).message),
    );
    expect(server.requests).toEqual([]);
    await source().resolve('tiny', { variant: 'quantized' });
    server.requests.length = 0;
    const files = await source({ offline: true }).resolve('tiny', { variant: 'quantized' });
    expect(await files.model.read()).toEqual(head.get('onnx/model_quantized.onnx'));
    await expect(source({ offline: true }).resolve('tiny', { variant: 'fp32' })).rejects.toBeInstanceOf(ModelUnavailableError);
    expect(server.requests).toEqual([]);
  });

  it('an unpinned model resolves the branch, records the ref, and is served from it offline or when the hub is down', async () => {
    const warnings: string[] = [];
    const pulled = await source({ onWarning: (w) => warnings.push(w) }).hub.pull('tiny-unpinned');
    expect(pulled).toMatchObject({ commit: HEAD_COMMIT, ref: 'main', resolvedFrom: 'network' });
    expect(await store.read(browserCacheKeys.ref(TINY_REPO, 'main'))).toEqual(new TextEncoder().encode(HEAD_COMMIT));
    expect((await source({ offline: true }).hub.pull('tiny-unpinned')).commit).toBe(HEAD_COMMIT);
    const down = await source({ hubUrl: 'http://127.0.0.1:9', retries: 0 }).hub.pull('tiny-unpinned');
    expect(down).toMatchObject({ commit: HEAD_COMMIT, resolvedFrom: 'cache' });
    expect(down.warnings[0]).toMatch(/unreachable/);
    expect((await source().hub.pull('tiny', { revision: 'v1' })).commit).toBe(OLD_COMMIT);
  });

  it('wrong bytes: ChecksumMismatchError, nothing stored', async () => {
    server.setFault(onModel({ kind: 'corrupt' }));
    const cause = await expectFailure(source().resolve('tiny'), ErrorCode.ChecksumMismatch);
    expect(cause).toBeInstanceOf(ChecksumMismatchError);
    expect(cause.details).toMatchObject({ file: 'onnx/model.onnx', expected: { hash: modelSha } });
    server.setFault(onModel({ kind: 'wrong-size', extra: 10 }));
    await expect(source().hub.pull('tiny')).rejects.toBeInstanceOf(ChecksumMismatchError);
    expect(await store.temporaryKeys()).toEqual([]);
  });

  it('truncated body: TransferInterruptedError after the retries, nothing stored; the next resolve succeeds', async () => {
    server.setFault(onModel({ kind: 'truncate', after: 10_000 }));
    const cause = await expectFailure(source({ transferRetries: 1 }).resolve('tiny'), ErrorCode.TransferInterrupted);
    expect(cause).toBeInstanceOf(TransferInterruptedError);
    expect(server.requests.filter((r) => r.endpoint === 'cdn' && r.url.includes(modelSha))).toHaveLength(2);
    server.setFault(undefined);
    expect(await (await source().resolve('tiny')).model.read()).toEqual(modelBytes);
  });

  it('a transfer cut once is restarted within the same resolve', async () => {
    server.setFault((context) => (context.endpoint === 'cdn' && context.path === modelSha && context.count === 1 ? { kind: 'reset', after: 5_000 } : undefined));
    expect(await (await source().resolve('tiny')).model.read()).toEqual(modelBytes);
  });

  it('401 / 403 / 404 / unreachable are typed', async () => {
    await expect(source().hub.pull('gated')).rejects.toSatisfy((e: unknown) => HubAuthRequiredError.isInstance(e) && /token/.test((e as Error).message));
    await expect(source({ token: 'hf_wrong' }).hub.pull('gated')).rejects.toMatchObject({ code: ErrorCode.HubAuthRequired, details: { status: 403 } });
    expect(server.requests.filter((r) => r.authorization === 'Bearer hf_wrong').length).toBeGreaterThan(0);
    expect((await source({ token: VALID_TOKEN }).hub.pull('gated')).commit).toBe(HEAD_COMMIT);
    await expect(source().resolve('gated')).rejects.toMatchObject({ code: ErrorCode.ModelUnavailable, details: { causeCode: ErrorCode.HubAuthRequired } });

    const missingFile = defineModelEntry({ id: 'missing', repoId: TINY_REPO, revision: HEAD_COMMIT, onnx: { int8: 'onnx/model_int8.onnx' } });
    await expect(source().hub.pull(missingFile)).rejects.toSatisfy((e: unknown) => HubNotFoundError.isInstance(e) && /model_int8/.test((e as Error).message));
    await expect(source().hub.pull('tiny', { revision: 'no-such-branch' })).rejects.toMatchObject({ code: ErrorCode.HubNotFound, details: { errorCode: 'RevisionNotFound' } });
    server.setFault((context) => (context.endpoint === 'paths-info' ? { kind: 'status', status: 404 } : undefined));
    await expect(source().hub.pull('tiny')).rejects.toBeInstanceOf(HubNotFoundError);
    server.setFault(undefined);
    await expect(source({ hubUrl: 'http://127.0.0.1:9', retries: 0 }).hub.pull('tiny')).rejects.toBeInstanceOf(HubUnreachableError);
    expect(await store.keys(browserCacheKeys.files(TINY_REPO))).toEqual([]);
  });

  it('lists and removes cached models', async () => {
    await source().resolve('tiny');
    await source().hub.pull('tiny-unpinned', { variant: 'quantized' });
    await source().hub.pull('tiny', { revision: 'v1', variant: 'quantized' });
    const listed = await listBrowserCachedModels({ store, registry });
    expect(listed.map((m) => [m.repoId, m.commit, m.refs, m.files.length])).toEqual([
      [TINY_REPO, OLD_COMMIT, ['v1'], 4],
      [TINY_REPO, HEAD_COMMIT, ['main'], 5],
    ]);
    expect(listed[1]!.modelIds).toEqual(['tiny', 'tiny-unpinned']);
    expect(listed[1]!.totalBytes).toBe([...head].filter(([p]) => p !== 'README.md').reduce((sum, [, b]) => sum + b.length, 0));

    expect(await removeBrowserCachedModel('tiny', { store, registry, commit: OLD_COMMIT })).toMatchObject({ commits: [OLD_COMMIT], entries: 6 });
    expect((await listBrowserCachedModels({ store, registry })).map((m) => m.commit)).toEqual([HEAD_COMMIT]);
    expect(await removeBrowserCachedModel(TINY_REPO, { store, registry })).toMatchObject({ repoId: TINY_REPO, commits: [HEAD_COMMIT] });
    expect([...store.entries.keys()]).toEqual([]);
  });

  it('without a browser store, auto storage is a typed configuration error', () => {
    expect(() => createBrowserModelSource({ hubUrl: server.url })).toThrow(expect.objectContaining({ code: ErrorCode.InvalidConfig }));
  });
});
