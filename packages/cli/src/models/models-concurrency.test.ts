import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoCachePaths } from '@llm-shield/model-hub/node';
// Test only: model-hub's loopback hub server and fixtures are not part of its published API, so they are imported by path.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { fixtureRepos, HEAD_COMMIT, tempCache, tinyEntry, tinyFiles, TINY_REPO } from '../../../model-hub/test/fixtures.js';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { sha256Hex, startHubServer, type HubServer } from '../../../model-hub/test/hub-server.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = join(repoRoot, 'packages/cli/src/bin.ts');
const model = tinyFiles('head').find((file) => file.path === 'onnx/model.onnx')!.content;
const modelSha = sha256Hex(model);
let server: HubServer;
let work: { dir: string; cleanup: () => Promise<void> };

beforeAll(async () => {
  server = await startHubServer(fixtureRepos());
  work = await tempCache();
});
afterAll(async () => {
  await server.close();
  await work.cleanup();
});

/** Preloaded into each child: says it is ready, then waits for the `go` file, so the four pulls start together. */
const BARRIER = `import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const dir = process.env.BARRIER_DIR;
writeFileSync(join(dir, 'ready-' + process.env.BARRIER_NAME), '');
while (!existsSync(join(dir, 'go'))) await new Promise((resolve) => setTimeout(resolve, 10));
`;

interface PullJson {
  pulled: { commit: string; snapshotDir: string; files: Record<string, { path: string; downloaded: boolean }> }[];
}

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@llm-shield/source', '--import', 'tsx', '--import', join(work.dir, 'barrier.mjs'), bin, ...args], {
      cwd: repoRoot,
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('concurrent `llm-shield models pull` processes', () => {
  it('four processes pulling one model end with one download and one correct copy', async () => {
    // The graph streams slowly (about 2.4 s) so that the four pulls, started together, overlap.
    server.setFault((context) => (context.endpoint === 'cdn' && context.path === modelSha ? { kind: 'slow', chunk: 1024, delayMs: 50 } : undefined));
    const barrier = join(work.dir, 'barrier');
    const cacheDir = join(work.dir, 'hub');
    const registry = join(work.dir, 'models.json');
    await writeFile(join(work.dir, 'barrier.mjs'), BARRIER);
    await writeFile(registry, JSON.stringify([tinyEntry()]));
    await mkdir(barrier, { recursive: true });
    const args = ['models', 'pull', 'tiny', '--json', '--registry', registry, '--cache-dir', cacheDir, '--hub-url', server.url];
    const children = ['a', 'b', 'c', 'd'].map((name) => runCli(args, { BARRIER_DIR: barrier, BARRIER_NAME: name, HF_TOKEN_PATH: join(work.dir, 'none') }));
    const deadline = Date.now() + 30_000;
    while ((await readdir(barrier)).length < 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(join(barrier, 'go'), '');
    const results = await Promise.all(children);

    for (const result of results) expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    const pulls = results.map((result) => (JSON.parse(result.stdout) as PullJson).pulled[0]!);
    expect(new Set(pulls.map((p) => p.commit))).toEqual(new Set([HEAD_COMMIT]));
    expect(new Set(pulls.map((p) => p.files['model']!.path)).size).toBe(1);
    expect(pulls.filter((p) => p.files['model']!.downloaded)).toHaveLength(1);
    expect(server.fullTransfers.get(modelSha)).toBe(1);
    expect(server.requests.filter((r) => r.endpoint === 'paths-info').length).toBeGreaterThanOrEqual(2); // they did race
    expect(new Uint8Array(await readFile(pulls[0]!.files['model']!.path))).toEqual(model);
    const paths = repoCachePaths(cacheDir, TINY_REPO);
    const blobs = await readdir(join(paths.root, 'blobs'));
    expect(blobs.filter((name) => name.endsWith('.incomplete'))).toEqual([]);
    expect(blobs).toHaveLength(4);
    expect(await readdir(join(cacheDir, '.locks', 'models--llm-shield-test--tiny-classifier'))).toEqual([]);
    expect(existsSync(paths.snapshotFile(HEAD_COMMIT, 'onnx/model.onnx'))).toBe(true);
  }, 60_000);
});
