import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServer, workerEntryPath } from '../src/index.js';

function get(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    // A new connection per call, so the cluster's round-robin can hand it to another worker.
    const req = request(url, { agent: false, headers: { connection: 'close' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const built = (() => {
  try {
    return existsSync(workerEntryPath());
  } catch {
    return false;
  }
})();
if (!built) console.warn('workers.test: packages/server/dist is not built (npm run build): the node:cluster test is skipped.');

describe.skipIf(!built)('--workers N (node:cluster)', () => {
  it('serves one port from two worker processes and stops them all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workers-'));
    const configFile = join(dir, 'c.yml');
    writeFileSync(configFile, 'app:\n  log_level: ERROR\n  lazy_load: true\ninput_scanners:\n  - type: PromptInjection\noutput_scanners:\n  - type: Toxicity\n');
    const server = await startServer({ configFile, port: 0, workers: 2, shieldOptions: { detectionMode: 'heuristic' } });
    try {
      expect(server.workers).toBe(2);
      const pids = new Set<unknown>();
      for (let i = 0; i < 20 && pids.size < 2; i++) pids.add((await get(`${server.url}/healthz`)).body['pid']);
      expect(pids.size).toBe(2);
      expect(pids.has(process.pid)).toBe(false);
    } finally {
      await server.close();
    }
    await expect(get(`${server.url}/healthz`)).rejects.toThrow();
  });
  it('rejects with the worker\'s error when the configuration is invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workers-'));
    const configFile = join(dir, 'bad.yml');
    writeFileSync(configFile, 'app:\n  lazy_load: maybe\n');
    await expect(startServer({ configFile, port: 0, workers: 2 })).rejects.toThrow(/app\.lazy_load/);
  });
});
