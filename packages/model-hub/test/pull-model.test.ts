import { readFile, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ChecksumMismatchError, InvalidConfigError, ModelUnavailableError } from '@llm-shield/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModelHub, repoCachePaths, type ModelHubOptions } from '../src/node/index.js';
import { createModelRegistry, defineModelEntry, type DownloadProgress } from '../src/index.js';
import { checkCache } from './cache-check.js';
import { fixtureRepos, HEAD_COMMIT, OLD_COMMIT, tempCache, tinyEntry, tinyFiles, TINY_REPO } from './fixtures.js';
import { gitBlobSha1, sha256Hex, startHubServer, type HubServer } from './hub-server.js';

let server: HubServer;
let cache: { dir: string; cleanup: () => Promise<void> };
const head = tinyFiles('head');
const fileOf = (files: typeof head, path: string) => files.find((f) => f.path === path)!.content;

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

const hubOptions = (extra: ModelHubOptions = {}): ModelHubOptions => ({
  cacheDir: cache.dir,
  hubUrl: server.url,
  token: null,
  offline: false,
  retryDelayMs: 1,
  onWarning: () => undefined,
  ...extra,
});

describe('pull', () => {
  it('downloads, verifies and caches a pinned model, then serves it from the cache with no request', async () => {
    const progress: DownloadProgress[] = [];
    const hub = createModelHub(hubOptions());
    const pulled = await hub.pull(tinyEntry(), { onProgress: (p) => progress.push(p) });
    expect(pulled).toMatchObject({ modelId: 'tiny', repoId: TINY_REPO, commit: HEAD_COMMIT, variant: 'fp32', resolvedFrom: 'network' });
    expect(pulled.ref).toBeUndefined();
    expect(new Uint8Array(await readFile(pulled.files.model.path))).toEqual(fileOf(head, 'onnx/model.onnx'));
    expect(await readFile(pulled.files.config.path, 'utf8')).toBe(new TextDecoder().decode(fileOf(head, 'config.json')));
    expect(pulled.files.tokenizerConfig?.repoPath).toBe('tokenizer_config.json');
    expect(Object.values(pulled.files).every((file) => file.downloaded)).toBe(true);
    const last = progress.filter((p) => p.file === 'onnx/model.onnx').at(-1);
    expect(last).toEqual({ file: 'onnx/model.onnx', bytesDone: 48 * 1024, bytesTotal: 48 * 1024 });
    const { incomplete, blobs } = await checkCache(repoCachePaths(cache.dir, TINY_REPO).root);
    expect(incomplete).toEqual([]);
    expect(blobs).toHaveLength(4);

    server.requests.length = 0;
    const again = await hub.pull(tinyEntry());
    expect(server.requests).toEqual([]);
    expect(again.files.model.path).toBe(pulled.files.model.path);
    expect(again.files.model.downloaded).toBe(false);
  });

  it('resolves the branch of an unverified pin, warns, and records refs/main', async () => {
    const warnings: string[] = [];
    const entry = defineModelEntry({
      id: 'tiny-unverified',
      repoId: TINY_REPO,
      revision: { commit: OLD_COMMIT, branch: 'main', status: 'unverified', source: 'confirm on the Hub' },
      onnx: { fp32: 'onnx/model.onnx' },
    });
    const hub = createModelHub(hubOptions({ onWarning: (message) => warnings.push(message), registry: createModelRegistry([entry]) }));
    const pulled = await hub.pull('tiny-unverified');
    expect(pulled.commit).toBe(HEAD_COMMIT);
    expect(pulled.ref).toBe('main');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(OLD_COMMIT);
    expect(warnings[0]).toContain(HEAD_COMMIT);
    expect(pulled.warnings).toEqual(warnings);
    expect(await readFile(repoCachePaths(cache.dir, TINY_REPO).ref('main'), 'utf8')).toBe(HEAD_COMMIT);
    expect(server.requests.some((r) => r.endpoint === 'revision')).toBe(true);
  });

  it('works offline from refs/<branch> and from pinned commits, and says what to do when not cached', async () => {
    await createModelHub(hubOptions()).pull(tinyEntry(null));
    const noNetwork: typeof fetch = () => Promise.reject(new Error('network used while offline'));
    const offline = createModelHub(hubOptions({ offline: true, fetch: noNetwork }));
    const byBranch = await offline.pull(tinyEntry(null));
    expect(byBranch).toMatchObject({ commit: HEAD_COMMIT, resolvedFrom: 'cache' });
    const byCommit = await offline.pull(tinyEntry(HEAD_COMMIT));
    expect(byCommit.files.model.path).toBe(byBranch.files.model.path);
    const missing = offline.pull(tinyEntry(OLD_COMMIT));
    await expect(missing).rejects.toThrow(ModelUnavailableError);
    await expect(missing).rejects.toThrow(/HF_HUB_OFFLINE/);
    await expect(offline.pull(tinyEntry(), { variant: 'quantized' })).rejects.toThrow(ModelUnavailableError);
  });

  it('falls back to the cached ref with a warning when the hub is unreachable', async () => {
    await createModelHub(hubOptions()).pull(tinyEntry(null));
    const warnings: string[] = [];
    const hub = createModelHub(hubOptions({ hubUrl: 'http://127.0.0.1:9', retries: 0, onWarning: (m) => warnings.push(m) }));
    const pulled = await hub.pull(tinyEntry(null));
    expect(pulled).toMatchObject({ commit: HEAD_COMMIT, resolvedFrom: 'cache' });
    expect(warnings[0]).toMatch(/unreachable/);
  });

  it('fetches the variant asked for, by revision when given, and rejects variants the model lacks', async () => {
    const hub = createModelHub(hubOptions());
    const quantized = await hub.pull(tinyEntry(), { variant: 'quantized', revision: 'v1' });
    expect(quantized).toMatchObject({ variant: 'quantized', commit: OLD_COMMIT, ref: 'v1' });
    expect(new Uint8Array(await readFile(quantized.files.model.path))).toEqual(fileOf(tinyFiles('old'), 'onnx/model_quantized.onnx'));
    await expect(hub.pull(tinyEntry(), { variant: 'fp16' })).rejects.toThrow(InvalidConfigError);
  });

  it('marks an absent optional tokenizer config as Python does (.no_exist) and still resolves offline', async () => {
    const entry = defineModelEntry({ id: 'no-tc', repoId: TINY_REPO, revision: HEAD_COMMIT, tokenizerConfig: 'special_tokens_map.json' });
    const pulled = await createModelHub(hubOptions()).pull(entry);
    expect(pulled.files.tokenizerConfig).toBeUndefined();
    const marker = repoCachePaths(cache.dir, TINY_REPO).noExist(HEAD_COMMIT, 'special_tokens_map.json');
    expect(await readFile(marker, 'utf8')).toBe('');
    const offline = await createModelHub(hubOptions({ offline: true })).pull(entry);
    expect(offline.files.tokenizerConfig).toBeUndefined();
  });

  it('re-hashes cached files on request: offline it reports damage, online it repairs it', async () => {
    const pulled = await createModelHub(hubOptions()).pull(tinyEntry());
    const paths = repoCachePaths(cache.dir, TINY_REPO);
    const blob = paths.blob(sha256Hex(fileOf(head, 'onnx/model.onnx')));
    expect(join(paths.snapshot(HEAD_COMMIT), 'onnx', await readlink(pulled.files.model.path))).toBe(blob);
    const damaged = new Uint8Array(fileOf(head, 'onnx/model.onnx'));
    damaged[0] = (damaged[0] ?? 0) ^ 1;
    await writeFile(blob, damaged);
    const offline = createModelHub(hubOptions({ offline: true }));
    await expect(offline.findCached(tinyEntry(), { verifyCached: true })).rejects.toThrow(ChecksumMismatchError);
    const repaired = await createModelHub(hubOptions()).pull(tinyEntry(), { verifyCached: true });
    expect(repaired.files.model.downloaded).toBe(true);
    expect(new Uint8Array(await readFile(repaired.files.model.path))).toEqual(fileOf(head, 'onnx/model.onnx'));
    expect(repaired.files.config.downloaded).toBe(false);
    await checkCache(paths.root);
    expect(gitBlobSha1(fileOf(head, 'config.json'))).toHaveLength(40);
  });
});
