import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoCachePaths } from '../src/node/index.js';
import { checkCache, listTree } from './cache-check.js';
import { fixtureRepos, HEAD_COMMIT, tempCache, tinyFiles, TINY_REPO } from './fixtures.js';
import { sha256Hex, startHubServer, type HubServer } from './hub-server.js';

const here = dirname(fileURLToPath(import.meta.url));
const model = tinyFiles('head').find((f) => f.path === 'onnx/model.onnx')!.content;
const modelSha = sha256Hex(model);
let server: HubServer;
let cache: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  server = await startHubServer(fixtureRepos());
  cache = await tempCache();
});
afterAll(async () => {
  await server.close();
  await cache.cleanup();
});

interface ChildResult {
  commit: string;
  model: string;
  downloaded: Record<string, boolean>;
}

function runChild(cacheDir: string, barrier: string, name: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=@llm-shield/source', '--import', 'tsx', join(here, 'pull-child.ts'), server.url, cacheDir, barrier, name],
      { cwd: here, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as ChildResult) : reject(new Error(`child ${name} exited ${code}: ${err}`))));
  });
}

describe('concurrent pulls', () => {
  it('4 processes pulling one model at once end with one download and one correct copy (child processes via tsx)', async () => {
    // The model streams slowly so the four pulls overlap; they start together through a file barrier.
    server.setFault((context) => (context.endpoint === 'cdn' && context.path === modelSha ? { kind: 'slow', chunk: 4096, delayMs: 25 } : undefined));
    const barrier = join(cache.dir, 'barrier');
    const cacheDir = join(cache.dir, 'hub');
    await mkdir(barrier, { recursive: true });
    const children = ['a', 'b', 'c', 'd'].map((name) => runChild(cacheDir, barrier, name));
    const deadline = Date.now() + 30_000;
    while ((await readdir(barrier)).length < 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(join(barrier, 'go'), '');
    const results = await Promise.all(children);

    expect(new Set(results.map((r) => r.commit))).toEqual(new Set([HEAD_COMMIT]));
    expect(new Set(results.map((r) => r.model)).size).toBe(1);
    expect(results.filter((r) => r.downloaded['model']).length).toBe(1);
    expect(server.fullTransfers.get(modelSha)).toBe(1);
    // Every process asked the hub (none found a finished snapshot), so the four really raced for the blobs.
    expect(server.requests.filter((r) => r.endpoint === 'paths-info')).toHaveLength(4);
    expect(server.requests.filter((r) => r.endpoint === 'resolve' && r.url.endsWith('/tokenizer.json'))).toHaveLength(1);
    expect(new Uint8Array(await readFile(results[0]!.model))).toEqual(model);
    const paths = repoCachePaths(cacheDir, TINY_REPO);
    const state = await checkCache(paths.root);
    expect(state.incomplete).toEqual([]);
    expect(state.blobs).toHaveLength(4);
    expect(await listTree(join(cacheDir, '.locks'))).toEqual([]);
    expect(existsSync(paths.snapshotFile(HEAD_COMMIT, 'onnx/model.onnx'))).toBe(true);
  }, 60_000);
});
