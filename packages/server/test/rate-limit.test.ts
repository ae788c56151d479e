import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type LlmShieldServer } from '../src/index.js';
import { rulesShield } from './test-scanners.js';

const REDIS = '/usr/bin/redis-server';
const scanners = { input_scanners: [{ type: 'PromptInjection' }] };

async function limited(rateLimit: Record<string, unknown>): Promise<LlmShieldServer> {
  const config = { app: { lazy_load: true }, rate_limit: { enabled: true, ...rateLimit }, ...scanners };
  return createServer({ config, shield: await rulesShield(config), logLevel: 'silent', processMetrics: false });
}

const scan = (server: LlmShieldServer, ip = '10.0.0.1') => server.app.inject({ method: 'POST', url: '/scan/prompt', payload: { prompt: 'hi' }, remoteAddress: ip });

describe('rate limiting in memory', () => {
  it('answers 429 with a JSON error past the limit, per client address; health routes are exempt', async () => {
    const server = await limited({ limit: '3/minute' });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await scan(server)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await scan(server);
    expect(refused.json()).toMatchObject({ code: 'LLMS_RATE_LIMITED', details: { limit: 3 } });
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await scan(server, '10.0.0.2')).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await server.app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.0.0.1' })).statusCode).toBe(200);
    await server.close();
  });
  it('is off unless enabled', async () => {
    const server = await limited({ enabled: false, limit: '1/minute' });
    for (let i = 0; i < 3; i++) expect((await scan(server)).statusCode).toBe(200);
    await server.close();
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const hasRedis = existsSync(REDIS);
if (!hasRedis) console.warn(`rate-limit.test: ${REDIS} is missing (tools/setup.sh installs Debian's redis-server): the Redis store test is skipped.`);

describe.skipIf(!hasRedis)('rate limiting shared through Redis (a real redis-server on 127.0.0.1)', () => {
  let redis: ChildProcess | undefined;
  let port = 0;
  beforeAll(async () => {
    port = await freePort();
    redis = spawn(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      redis!.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) resolve();
      });
      redis!.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output}`)));
    });
  });
  afterAll(async () => {
    if (redis && redis.exitCode === null) {
      const exited = new Promise((resolve) => redis!.once('exit', resolve));
      redis.kill('SIGTERM');
      await exited;
    }
  });

  it('two replicas share one counter per client', async () => {
    const redisUrl = `redis://127.0.0.1:${port}`;
    const replicaA = await limited({ limit: '4/minute', redis_url: redisUrl });
    const replicaB = await limited({ limit: '4/minute', redis_url: redisUrl });
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push((await scan(replicaA, '10.1.1.1')).statusCode);
      statuses.push((await scan(replicaB, '10.1.1.1')).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    expect((await scan(replicaB, '10.1.1.2')).statusCode).toBe(200);
    await replicaA.close();
    await replicaB.close();
  });
});
