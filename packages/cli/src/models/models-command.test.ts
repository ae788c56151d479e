import { existsSync, lstatSync } from 'node:fs';
import { mkdir, readFile, readlink, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repoCachePaths } from '@llm-shield/model-hub/node';
import type { CliIo } from '../cli-io.js';
import { main } from '../main.js';
// Test only: model-hub's loopback hub server and fixtures are not part of its published API, so they are imported by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { fixtureRepos, GATED_REPO, HEAD_COMMIT, OLD_COMMIT, tempCache, tinyEntry, tinyFiles, TINY_REPO, VALID_TOKEN } from '../../../model-hub/test/fixtures.js';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { sha256Hex, startHubServer, type HubServer } from '../../../model-hub/test/hub-server.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const NEW_HEAD = '2222222222222222222222222222222222222222';
const repos = fixtureRepos();
let server: HubServer;
let work: { dir: string; cleanup: () => Promise<void> };
let registryFile = '';
let cacheDir = '';

beforeAll(async () => {
  server = await startHubServer(repos);
  work = await tempCache();
  registryFile = join(work.dir, 'models.json');
  const unverified = { ...tinyEntry(), id: 'tiny-unverified', revision: { commit: OLD_COMMIT, branch: 'main', status: 'unverified', source: 'fixture' } };
  await writeFile(registryFile, JSON.stringify({ models: [tinyEntry(), tinyEntry(HEAD_COMMIT, GATED_REPO), unverified] }));
});
afterAll(async () => {
  await server.close();
  await work.cleanup();
});

let caches = 0;
beforeEach(() => {
  cacheDir = join(work.dir, `cache-${++caches}`);
});

/** Runs `llm-shield models …` against the loopback hub with a fresh cache per test (unless args give one). */
async function models(args: string[], options: { env?: Record<string, string>; tty?: boolean } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk), isTTY: options.tty ?? false },
    env: { HF_TOKEN_PATH: join(work.dir, 'no-token-file'), ...options.env },
  };
  const code = await main(['models', ...args, '--registry', registryFile, '--cache-dir', cacheDir, '--hub-url', server.url], io);
  return { code, stdout, stderr };
}

const json = <T>(run: Run): T => JSON.parse(run.stdout) as T;

interface PullJson {
  pulled: { model: string; commit: string; ref?: string; snapshotDir: string; files: Record<string, { downloaded: boolean }> }[];
}
const tinyPaths = () => repoCachePaths(cacheDir, TINY_REPO);
const modelBytes = tinyFiles('head').find((file) => file.path === 'onnx/model.onnx')!.content;

interface ListJson {
  models: { id: string; cached: { present: boolean; usable: Record<string, string>; bytesOnDisk: number; snapshots: { commit: string; variants: string[] }[] } }[];
}

describe('llm-shield models (against a loopback hub)', () => {
  it('lists the registry before and after a pull, which prints the commit and the snapshot folder', async () => {
    const before = await models(['list', '--json']);
    expect(before.code).toBe(0);
    const listed = json<ListJson>(before);
    expect(listed.models.map((m) => m.id)).toEqual([
      'protectai/deberta-v3-base-prompt-injection-v2',
      'unitary/unbiased-toxic-roberta',
      'cardiffnlp/twitter-roberta-base-sentiment-latest',
      'Isotonic/deberta-v3-base_finetuned_ai4privacy_v2',
      'SamLowe/roberta-base-go_emotions',
      'tiny',
      'gated',
      'tiny-unverified',
    ]);
    expect(listed.models.find((m) => m.id === 'tiny')?.cached.present).toBe(false);

    const pulled = await models(['pull', 'tiny']);
    expect(pulled).toMatchObject({ code: 0, stderr: '' });
    const snapshot = tinyPaths().snapshot(HEAD_COMMIT);
    expect(pulled.stdout).toContain(`commit    ${HEAD_COMMIT}`);
    expect(pulled.stdout).toContain(`snapshot  ${snapshot}`);
    expect(pulled.stdout).toMatch(/downloaded 4 file\(s\)/);
    expect(new Uint8Array(await readFile(join(snapshot, 'onnx/model.onnx')))).toEqual(modelBytes);

    const again = await models(['pull', TINY_REPO, '--json']); // by repo id
    expect(again.code).toBe(0);
    const second = json<PullJson>(again);
    expect(second.pulled[0]).toMatchObject({ commit: HEAD_COMMIT, snapshotDir: snapshot });
    expect(Object.values(second.pulled[0]!.files).some((f) => f.downloaded)).toBe(false);

    const after = json<ListJson>(await models(['list', '--json'])).models.find((m) => m.id === 'tiny')!;
    expect(after.cached).toMatchObject({ present: true, usable: { fp32: HEAD_COMMIT }, snapshots: [{ commit: HEAD_COMMIT, variants: ['fp32'] }] });
    expect(after.cached.bytesOnDisk).toBeGreaterThanOrEqual(modelBytes.length);
    const text = await models(['list']);
    expect(text.stdout).toMatch(/tiny\s+llm-shield-test\/tiny-classifier\s+a5b3c2d1 \(verified\)\s+fp32,quantized\s+\?\s+unknown\s+fp32 \d/);
    expect(text.stdout).toContain(`${HEAD_COMMIT}  fp32  (used for fp32)`);
  });

  it('path prints the snapshot folder of a cached model, exit 1 when it is not cached', async () => {
    expect(await models(['path', 'tiny'])).toMatchObject({ code: 1, stdout: '' });
    await models(['pull', 'tiny', '--variant', 'quantized']);
    const path = await models(['path', 'tiny', '--variant', 'quantized']);
    expect(path).toEqual({ code: 0, stdout: `${tinyPaths().snapshot(HEAD_COMMIT)}\n`, stderr: '' });
    const missing = await models(['path', 'tiny', '--variant', 'fp32']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('llm-shield models pull tiny --variant fp32');
  });

  it('verify re-hashes the cache: OK, then CORRUPT after a blob is damaged (exit 1), OK again after pull --verify', async () => {
    await models(['pull', 'tiny']);
    const ok = await models(['verify', 'tiny']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/4 ok, 0 corrupt, 0 missing, 0 unchecked/);
    expect(ok.stdout).toMatch(/OK\s+a5b3c2d1\s+onnx\/model\.onnx/);

    const blob = tinyPaths().blob(sha256Hex(modelBytes));
    const damaged = new Uint8Array(modelBytes);
    damaged[100] = damaged[100]! ^ 0xff;
    await writeFile(blob, damaged);
    const bad = await models(['verify', 'tiny']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/CORRUPT\s+a5b3c2d1\s+onnx\/model\.onnx/);
    expect(bad.stdout).toContain('repair: llm-shield models pull tiny --verify');
    const asJson = await models(['verify', '--json']);
    expect(asJson.code).toBe(1);
    expect(json<{ counts: { corrupt: number } }>(asJson).counts.corrupt).toBe(1);

    const repaired = await models(['pull', 'tiny', '--verify']);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toMatch(/downloaded 1 file/);
    expect((await models(['verify', 'tiny'])).code).toBe(0);
    expect(new Uint8Array(await readFile(blob))).toEqual(modelBytes);
  });

  it('check says when the pin is behind the moved branch head; update --apply pulls the head', async () => {
    const tiny = repos.find((repo) => repo.repoId === TINY_REPO)!;
    await models(['pull', 'tiny']);
    const current = await models(['check', 'tiny', '--json']);
    expect(current.code).toBe(0);
    expect(json<{ models: unknown[] }>(current).models).toEqual([expect.objectContaining({ pinned: HEAD_COMMIT, head: HEAD_COMMIT, status: 'up-to-date' })]);

    // The server knows the blobs it started with, so the new commit reuses the contents of an older one.
    tiny.commits.push({ sha: NEW_HEAD, files: tinyFiles('old') });
    tiny.branches['main'] = NEW_HEAD;
    try {
      const behind = await models(['check', 'tiny']);
      expect(behind.code).toBe(1);
      expect(behind.stdout).toMatch(/tiny\s+llm-shield-test\/tiny-classifier\s+main\s+a5b3c2d1 \(verified\)\s+22222222\s+behind/);
      expect(behind.stdout).toContain('1 pin(s) behind the branch head');

      const applied = await models(['update', 'tiny', '--apply']);
      expect(applied.stderr).toBe('');
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain(`commit    ${NEW_HEAD} (main)`);
      expect(applied.stdout).toContain('the verified registry pin a5b3c2d1 still selects');
      expect((await readFile(tinyPaths().ref('main'), 'utf8')).trim()).toBe(NEW_HEAD);
    } finally {
      tiny.branches['main'] = HEAD_COMMIT;
      tiny.commits.pop();
    }
  });

  it('check needs the network: offline it fails with a clear typed error (exit 2)', async () => {
    const offline = await models(['check', '--offline']);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toMatch(/^error \[LLMS_HUB_UNREACHABLE\]: Checking for newer model revisions needs the hub, but offline mode is on/);
  });

  it('an offline pull of an uncached model fails with a typed error (exit 2); a cached one works offline', async () => {
    const offline = await models(['pull', 'tiny'], { env: { HF_HUB_OFFLINE: '1' } });
    expect(offline.code).toBe(2);
    expect(offline.stderr).toMatch(/^error \[LLMS_MODEL_UNAVAILABLE\]: Model tiny \(fp32\) is not in the cache/);
    expect(offline.stderr).toContain('hint: ');
    expect(existsSync(tinyPaths().root)).toBe(false);
    await models(['pull', 'tiny']);
    const before = server.requests.length;
    const cached = await models(['pull', 'tiny', '--offline']);
    expect(cached.code).toBe(0);
    expect(cached.stdout).toContain('from the cache (hub not asked)');
    expect(server.requests.length).toBe(before);
  });

  it('a gated repo without a token fails with 401 and tells to set HF_TOKEN; HF_TOKEN from the environment works', async () => {
    const denied = await models(['pull', 'gated']);
    expect(denied.code).toBe(2);
    expect(denied.stderr).toMatch(/^error \[LLMS_HUB_AUTH_REQUIRED\]: llm-shield-test\/gated-classifier is gated \(HTTP 401\)/);
    expect(denied.stderr).toContain('set HF_TOKEN');
    expect(denied.stderr).toContain('hint: export HF_TOKEN=');
    expect(existsSync(repoCachePaths(cacheDir, GATED_REPO).blob(sha256Hex(modelBytes)))).toBe(false);

    const allowed = await models(['pull', 'gated'], { env: { HF_TOKEN: VALID_TOKEN } });
    expect(allowed.code).toBe(0);
    expect(server.requests.some((r) => r.authorization === `Bearer ${VALID_TOKEN}`)).toBe(true);
  });

  it('takes the hub from HF_ENDPOINT and reports an unknown model or variant as typed config errors', async () => {
    let stdout = '';
    let stderr = '';
    const io: CliIo = { stdout: { write: (c: string) => (stdout += c) }, stderr: { write: (c: string) => (stderr += c) }, env: { HF_ENDPOINT: server.url } };
    const code = await main(['models', 'pull', 'tiny', '--json', '--registry', registryFile, '--cache-dir', cacheDir], io);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toMatchObject({ pulled: [{ commit: HEAD_COMMIT }], skipped: [], failed: [] });

    const unknown = await models(['pull', 'nobody/nothing']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error \[LLMS_INVALID_CONFIG\]: Unknown model "nobody\/nothing"/);
    const variant = await models(['pull', 'tiny', '--variant', 'int8']);
    expect(variant.code).toBe(2);
    expect(variant.stderr).toMatch(/LLMS_INVALID_CONFIG.*available: fp32, quantized/);
  });

  it('draws a progress bar on a TTY stderr, none with --json or without a TTY', async () => {
    const tty = await models(['pull', 'tiny'], { tty: true });
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('\ronnx/model.onnx [');
    expect(tty.stderr).toMatch(/100%  48\.0 KiB\/48\.0 KiB .*ETA 0:00/);
    cacheDir = join(work.dir, `cache-${++caches}`);
    expect((await models(['pull', 'tiny', '--json'], { tty: true })).stderr).toBe('');
    cacheDir = join(work.dir, `cache-${++caches}`);
    expect((await models(['pull', 'tiny'])).stderr).toBe('');
  });

  it('remove deletes only that model’s folder; removing again says it is not cached', async () => {
    await models(['pull', 'tiny']);
    await models(['pull', 'gated'], { env: { HF_TOKEN: VALID_TOKEN } });
    const removed = await models(['remove', 'tiny']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/^removed tiny: .*models--llm-shield-test--tiny-classifier \(\d+\.\d KiB freed\)/);
    expect(existsSync(tinyPaths().root)).toBe(false);
    expect(existsSync(repoCachePaths(cacheDir, GATED_REPO).root)).toBe(true);
    expect((await models(['remove', 'tiny'])).stdout).toMatch(/tiny is not cached/);
  });

  it('remove refuses a folder with unexpected content or a live download lock', async () => {
    await models(['pull', 'tiny']);
    await writeFile(join(tinyPaths().root, 'my-notes.txt'), 'mine');
    const foreign = await models(['remove', 'tiny']);
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('"my-notes.txt"');
    expect(existsSync(tinyPaths().root)).toBe(true);
    await rm(join(tinyPaths().root, 'my-notes.txt'));
    const lock = tinyPaths().lock(sha256Hex(modelBytes));
    await mkdir(dirname(lock), { recursive: true });
    await writeFile(lock, JSON.stringify({ pid: process.pid, host: hostname(), token: 'x', createdAt: new Date().toISOString() }));
    const busy = await models(['remove', 'tiny', '--json']);
    expect(busy.code).toBe(2);
    expect(json<{ status: string }>(busy).status).toBe('busy');
    const forced = await models(['remove', 'tiny', '--force']);
    expect(forced.code).toBe(0);
    expect(existsSync(tinyPaths().root)).toBe(false);
  });

  it('clean deletes old partial downloads and stale locks, keeps recent partials; --all deletes the model folders', async () => {
    await models(['pull', 'tiny']);
    const blobs = join(tinyPaths().root, 'blobs');
    const old = join(blobs, `${'a'.repeat(64)}.incomplete`);
    const recent = join(blobs, `${'b'.repeat(64)}.incomplete`);
    await writeFile(old, 'partial');
    await writeFile(recent, 'partial');
    const past = new Date(Date.now() - 10 * 60_000);
    await utimes(old, past, past);
    const staleLock = tinyPaths().lock('c'.repeat(64));
    await mkdir(dirname(staleLock), { recursive: true });
    await writeFile(staleLock, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), token: 'dead', createdAt: past.toISOString() }));
    const pythonLock = join(dirname(staleLock), `${'c'.repeat(64)}.lock`);
    await writeFile(pythonLock, '');

    const cleaned = await models(['clean']);
    expect(cleaned.code).toBe(0);
    expect(cleaned.stdout).toContain(`removed partial download ${old}`);
    expect(cleaned.stdout).toContain(`kept partial download ${recent} (kept: written in the last minute`);
    expect(cleaned.stdout).toContain(`removed stale lock ${staleLock}`);
    expect([existsSync(old), existsSync(recent), existsSync(staleLock), existsSync(pythonLock)]).toEqual([false, true, false, true]);
    expect((await models(['verify', 'tiny'])).code).toBe(0);

    const all = await models(['clean', '--all', '--force', '--json']);
    expect(all.code).toBe(0);
    expect(json<{ folders: { model: string; status: string }[] }>(all).folders.find((f) => f.model === 'tiny')?.status).toBe('removed');
    expect(existsSync(tinyPaths().root)).toBe(false);
    expect(existsSync(resolve(cacheDir))).toBe(true);
  });

  it('an unverified pin resolves the branch head with a warning on stderr', async () => {
    const pulled = await models(['pull', 'tiny-unverified', '--json']);
    expect(pulled.code).toBe(0);
    expect(pulled.stderr).toMatch(/^warning: The registry pin 1{40} of tiny-unverified is unverified, so the head of "main" is used: a5b3c2d1/);
    expect(json<PullJson>(pulled).pulled[0]).toMatchObject({ commit: HEAD_COMMIT, ref: 'main' });
    expect(await models(['path', 'tiny-unverified'])).toMatchObject({ code: 0, stdout: `${tinyPaths().snapshot(HEAD_COMMIT)}\n` });
  });

  it('pull --all pulls what it can, skips models without the variant, reports failures and exits 2', async () => {
    const all = await models(['pull', '--all', '--variant', 'quantized', '--json']);
    expect(all.code).toBe(2);
    const report = json<PullJson & { skipped: { model: string }[]; failed: { model: string; code: string }[] }>(all);
    expect(report.pulled.map((p) => p.model)).toEqual(['tiny', 'tiny-unverified']);
    expect(report.skipped.map((s) => s.model)).toEqual(['protectai/deberta-v3-base-prompt-injection-v2', 'Isotonic/deberta-v3-base_finetuned_ai4privacy_v2']);
    expect(report.failed.map((f) => [f.model, f.code])).toEqual([
      ['unitary/unbiased-toxic-roberta', 'LLMS_HUB_NOT_FOUND'], // the loopback hub, like the Hub, answers 401 RepoNotFound
      ['cardiffnlp/twitter-roberta-base-sentiment-latest', 'LLMS_HUB_NOT_FOUND'],
      ['SamLowe/roberta-base-go_emotions', 'LLMS_HUB_NOT_FOUND'],
      ['gated', 'LLMS_HUB_AUTH_REQUIRED'],
    ]);
    expect(all.stderr.match(/^error \[LLMS_HUB_(NOT_FOUND|AUTH_REQUIRED)\]/gm)).toHaveLength(4);
  });

  it('prints its help for --help and `help models`', async () => {
    for (const argv of [['models', '--help'], ['help', 'models'], ['models']]) {
      let stdout = '';
      const code = await main(argv, { stdout: { write: (c: string) => (stdout += c) }, stderr: { write: () => true } });
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Usage: llm-shield models <subcommand>/);
    }
  });

  it('writes a cache in the huggingface_hub layout (relative symlinks into blobs/, refs/main)', async () => {
    await models(['pull', 'tiny', '--revision', 'main']);
    const file = tinyPaths().snapshotFile(HEAD_COMMIT, 'onnx/model.onnx');
    expect(lstatSync(file).isSymbolicLink()).toBe(true);
    expect(await readlink(file)).toBe(`../../../blobs/${sha256Hex(modelBytes)}`);
    expect((await readFile(tinyPaths().ref('main'), 'utf8')).trim()).toBe(HEAD_COMMIT);
  });

  it('pull does not say "already cached" when the cached blob has the wrong size: it warns and downloads it again', async () => {
    await models(['pull', 'tiny']);
    await writeFile(tinyPaths().blob(sha256Hex(modelBytes)), modelBytes.subarray(0, 100));
    const again = await models(['pull', 'tiny']);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toContain('already cached');
    expect(again.stdout).toMatch(/downloaded 1 file\(s\)/);
    expect(again.stderr).toMatch(/^warning: The cached onnx\/model\.onnx of llm-shield-test\/tiny-classifier@a5b3c2d1\w+ has 100 bytes, not the 49152/);
    expect(new Uint8Array(await readFile(join(tinyPaths().snapshot(HEAD_COMMIT), 'onnx/model.onnx')))).toEqual(modelBytes);
  });

  it('pull --timeout: a hub that never answers fails with a typed error and a hint instead of hanging (exit 2)', async () => {
    server.setFault((context) => (context.endpoint === 'paths-info' ? { kind: 'hang' } : undefined));
    try {
      const hung = await models(['pull', 'tiny', '--timeout', '0.05'], { env: { HF_HUB_ETAG_TIMEOUT: '600' } });
      expect(hung.code).toBe(2);
      expect(hung.stderr).toMatch(/^error \[LLMS_HUB_UNREACHABLE\]: The model hub at .* did not answer within 50 ms/);
      expect(hung.stderr).toContain('hint: on a slow link, allow more time with --timeout SECONDS');
      const fromEnv = await models(['pull', 'tiny'], { env: { HF_HUB_ETAG_TIMEOUT: '0.05' } });
      expect(fromEnv.code).toBe(2);
      expect(fromEnv.stderr).toMatch(/did not answer within 50 ms/);
      const bad = await models(['pull', 'tiny'], { env: { HF_HUB_DOWNLOAD_TIMEOUT: 'never' } });
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^error \[LLMS_INVALID_CONFIG\]: HF_HUB_DOWNLOAD_TIMEOUT must be a positive number of seconds/);
    } finally {
      server.setFault(undefined);
    }
  });

  it('a cache path that is a file: pull fails with a typed file-system error and a hint; path says "not cached" with a warning', async () => {
    await mkdir(work.dir, { recursive: true });
    cacheDir = join(work.dir, `file-cache-${caches}`);
    await writeFile(cacheDir, 'not a folder');
    const pulled = await models(['pull', 'tiny']);
    expect(pulled.code).toBe(2);
    expect(pulled.stderr).toMatch(/^error \[LLMS_FILE_SYSTEM\]: The model cache cannot be used while saving tiny \(fp32\).*ENOTDIR/m);
    expect(pulled.stderr).toMatch(/^hint: Something in the cache path is not what the cache layout expects/m);
    expect(pulled.stderr).not.toMatch(/^error: /m);
    const path = await models(['path', 'tiny']);
    expect(path.code).toBe(1);
    expect(path.stderr).toMatch(/^warning: The model cache cannot be read at .*\(ENOTDIR/m);
  });

  it("clean handles Python's <sha>.<suffix>.incomplete partials; remove accepts folders Python's huggingface_hub 2.x wrote (trees/)", async () => {
    await models(['pull', 'tiny']);
    const blobs = join(tinyPaths().root, 'blobs');
    const python = join(blobs, `${'d'.repeat(64)}.1a2b3c4d.incomplete`);
    const odd = join(blobs, 'something-else.incomplete');
    await writeFile(python, 'partial');
    await writeFile(odd, 'partial');
    const past = new Date(Date.now() - 10 * 60_000);
    await utimes(python, past, past);
    await utimes(odd, past, past);
    const cleaned = await models(['clean']);
    expect(cleaned).toMatchObject({ code: 0, stderr: '' });
    expect(cleaned.stdout).toContain(`removed partial download ${python}`);
    expect(cleaned.stdout).toContain(`removed partial download ${odd}`);
    expect([existsSync(python), existsSync(odd)]).toEqual([false, false]);

    await mkdir(join(tinyPaths().root, 'trees'), { recursive: true });
    await writeFile(join(tinyPaths().root, 'trees', `${HEAD_COMMIT}.json`), JSON.stringify({ format_version: 1, files: {} }));
    const removed = await models(['remove', 'tiny']);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/^removed tiny: /);
    expect(existsSync(tinyPaths().root)).toBe(false);
  });
});
