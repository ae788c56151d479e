import { lstat, mkdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scanCacheDir } from '@huggingface/hub';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHubModelSource, createModelHub, repoCachePaths } from '../src/node/index.js';
import { createModelRegistry } from '../src/index.js';
import { listTree } from './cache-check.js';
import { fixtureRepos, HEAD_COMMIT, tempCache, tinyEntry, tinyFiles, TINY_REPO } from './fixtures.js';
import { gitBlobSha1, sha256Hex, startHubServer, type HubServer } from './hub-server.js';

let server: HubServer;
let cache: { dir: string; cleanup: () => Promise<void> };
const head = tinyFiles('head');
const content = (path: string) => head.find((f) => f.path === path)!.content;
const MODEL_SHA = sha256Hex(content('onnx/model.onnx'));
const TOKENIZER_SHA1 = gitBlobSha1(content('tokenizer.json'));
const TOKENIZER_CONFIG_SHA1 = gitBlobSha1(content('tokenizer_config.json'));
const CONFIG_SHA1 = gitBlobSha1(content('config.json'));

beforeAll(async () => {
  server = await startHubServer(fixtureRepos());
});
afterAll(() => server.close());
beforeEach(async () => {
  cache = await tempCache();
});
afterEach(() => cache.cleanup());

describe("Python huggingface_hub's cache layout", () => {
  it('is what this package writes: blobs by hash, refs/<branch> holding the commit, relative symlinks in snapshots', async () => {
    await createModelHub({ cacheDir: cache.dir, hubUrl: server.url, token: null, offline: false, onWarning: () => undefined }).pull(tinyEntry(null));
    const root = join(cache.dir, 'models--llm-shield-test--tiny-classifier');
    const tree = await listTree(root);
    // llm-shield's records of what each file was verified against live apart, in `.llm-shield/` (Python ignores it).
    expect(tree.filter((path) => path.startsWith('.llm-shield/'))).toEqual(
      ['config.json', 'onnx/model.onnx', 'tokenizer.json', 'tokenizer_config.json'].map((file) => `.llm-shield/files/${HEAD_COMMIT}/${file}.json`),
    );
    expect(JSON.parse(await readFile(join(root, '.llm-shield/files', HEAD_COMMIT, 'onnx/model.onnx.json'), 'utf8'))).toEqual({
      hash: MODEL_SHA,
      algorithm: 'sha256',
      size: content('onnx/model.onnx').length,
    });
    expect(tree.filter((path) => !path.startsWith('.llm-shield/'))).toEqual(
      [
        `blobs/${MODEL_SHA}`,
        `blobs/${TOKENIZER_SHA1}`,
        `blobs/${TOKENIZER_CONFIG_SHA1}`,
        `blobs/${CONFIG_SHA1}`,
        'refs/main',
        `snapshots/${HEAD_COMMIT}/config.json`,
        `snapshots/${HEAD_COMMIT}/onnx/model.onnx`,
        `snapshots/${HEAD_COMMIT}/tokenizer.json`,
        `snapshots/${HEAD_COMMIT}/tokenizer_config.json`,
      ].sort(),
    );
    expect(await readFile(join(root, 'refs/main'), 'utf8')).toBe(HEAD_COMMIT);
    const snapshot = join(root, 'snapshots', HEAD_COMMIT);
    expect((await lstat(join(snapshot, 'onnx/model.onnx'))).isSymbolicLink()).toBe(true);
    expect(await readlink(join(snapshot, 'onnx/model.onnx'))).toBe(join('..', '..', '..', 'blobs', MODEL_SHA));
    expect(await readlink(join(snapshot, 'config.json'))).toBe(join('..', '..', 'blobs', CONFIG_SHA1));
    expect((await lstat(join(root, 'blobs', MODEL_SHA))).isFile()).toBe(true);
    // Locks live beside the repo folder, as Python's do, and are gone once the downloads end.
    expect(await listTree(join(cache.dir, '.locks'))).toEqual([]);

    // An independent reader of the layout (@huggingface/hub's port of `huggingface-cli scan-cache`) agrees.
    const scanned = await scanCacheDir(cache.dir);
    expect(scanned.warnings).toEqual([]);
    const repo = scanned.repos.find((r) => r.id.name === TINY_REPO);
    // (Its scanSnapshotDir does not descend into sub-folders such as onnx/, unlike Python's: 3 top-level files.)
    expect(repo?.revisions.map((r) => ({ commit: r.commitOid, refs: r.refs, files: r.files.length }))).toEqual([
      { commit: HEAD_COMMIT, refs: ['main'], files: 3 },
    ]);
    expect(repo?.revisions[0]?.files.every((f) => /[\\/]blobs[\\/][0-9a-f]{40,64}$/.test(f.blob.path))).toBe(true);
  });

  it('is read when written by hand (as Python would), offline, including a leftover Python lock file', async () => {
    const root = join(cache.dir, 'models--llm-shield-test--tiny-classifier');
    const files: Array<[string, string, Uint8Array]> = [
      ['onnx/model.onnx', MODEL_SHA, content('onnx/model.onnx')],
      ['tokenizer.json', TOKENIZER_SHA1, content('tokenizer.json')],
      ['config.json', CONFIG_SHA1, content('config.json')],
    ];
    await mkdir(join(root, 'blobs'), { recursive: true });
    await mkdir(join(root, 'refs'), { recursive: true });
    await mkdir(join(root, 'snapshots', HEAD_COMMIT, 'onnx'), { recursive: true });
    await mkdir(join(root, '.no_exist', HEAD_COMMIT), { recursive: true });
    await mkdir(join(cache.dir, '.locks', 'models--llm-shield-test--tiny-classifier'), { recursive: true });
    await writeFile(join(cache.dir, '.locks', 'models--llm-shield-test--tiny-classifier', `${MODEL_SHA}.lock`), '');
    await writeFile(join(root, 'refs', 'main'), HEAD_COMMIT);
    await writeFile(join(root, '.no_exist', HEAD_COMMIT, 'tokenizer_config.json'), '');
    for (const [path, hash, bytes] of files) {
      await writeFile(join(root, 'blobs', hash), bytes);
      const depth = path.split('/').length + 1;
      await symlink([...Array(depth).fill('..'), 'blobs', hash].join('/'), join(root, 'snapshots', HEAD_COMMIT, path));
    }
    const source = createHubModelSource({
      cacheDir: cache.dir,
      offline: true,
      registry: createModelRegistry([tinyEntry(null)]),
      fetch: () => Promise.reject(new Error('no network')),
    });
    const files1 = await source.resolve('tiny');
    expect(files1.revision).toBe(HEAD_COMMIT);
    expect(files1.tokenizerConfig).toBeUndefined();
    expect(await files1.model.read()).toEqual(content('onnx/model.onnx'));
    expect(new TextDecoder().decode(await files1.config.read())).toContain('INJECTION');
    const verified = await source.hub.findCached(tinyEntry(null), { verifyCached: true });
    expect(verified?.commit).toBe(HEAD_COMMIT);
  });

  it('copies blobs into snapshots where symlinks are not used (as on Windows without developer mode)', async () => {
    const hub = createModelHub({ cacheDir: cache.dir, hubUrl: server.url, token: null, offline: false, links: 'copy' });
    const pulled = await hub.pull(tinyEntry());
    const info = await lstat(pulled.files.model.path);
    expect(info.isSymbolicLink()).toBe(false);
    expect(info.isFile()).toBe(true);
    expect(new Uint8Array(await readFile(pulled.files.model.path))).toEqual(content('onnx/model.onnx'));
    expect((await lstat(repoCachePaths(cache.dir, TINY_REPO).blob(MODEL_SHA))).isFile()).toBe(true);
  });
});
