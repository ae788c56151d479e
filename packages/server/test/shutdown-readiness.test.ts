import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createServer } from '../src/index.js';
import { Gate, rulesShield } from './test-scanners.js';

function postJson(url: string, payload: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify(payload);
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('graceful shutdown', () => {
  it('lets an in-flight scan finish and answer before close resolves', async () => {
    const gate = new Gate();
    const config = { app: { lazy_load: true }, input_scanners: [{ type: 'TestGate' }] };
    const server = await createServer({ config, shield: await rulesShield(config, gate), logLevel: 'silent', processMetrics: false });
    const url = await server.listen({ port: 0 });
    const answer = postJson(`${url}/analyze/prompt`, { prompt: 'hello' });
    await gate.entered;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    // The scan is still waiting at the gate, so close cannot have finished.
    await Promise.resolve();
    expect(closed).toBe(false);
    gate.open();
    expect(await answer).toEqual({ status: 200, body: { is_valid: true, scanners: { TestGate: expect.any(Number) }, sanitized_prompt: 'hello' } });
    await closing;
    expect(closed).toBe(true);
    await expect(postJson(`${url}/analyze/prompt`, { prompt: 'again' })).rejects.toThrow();
  });
});

describe('readiness', () => {
  it('lazy_load: false warms every scanner before /readyz says ready', async () => {
    const gate = new Gate();
    const config = { app: { lazy_load: false }, input_scanners: [{ type: 'TestGate' }] };
    const shield = await rulesShield(config, gate);
    // A model scanner is what eager loading warms; mark the gate scanner as one for this test.
    Object.defineProperty(shield, 'models', { value: [{ scanner: 'TestGate', kind: 'input', task: 'test', id: 'test-model', origin: 'embedded' }] });
    const server = await createServer({ config, shield, logLevel: 'silent', processMetrics: false });
    await gate.entered;
    const loading = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(loading.statusCode).toBe(503);
    expect(loading.json()).toMatchObject({ status: 'loading', code: 'LLMS_NOT_READY', models: [{ scanner: 'TestGate', id: 'test-model' }] });
    expect((await server.app.inject({ method: 'GET', url: '/metrics' })).body).toMatch(/^llm_shield_ready 0$/m);
    gate.open();
    await server.warm;
    expect((await server.app.inject({ method: 'GET', url: '/readyz' })).json()).toMatchObject({ status: 'ready', lazy_load: false });
    expect((await server.app.inject({ method: 'GET', url: '/metrics' })).body).toMatch(/^llm_shield_ready 1$/m);
    await server.close();
  });
  it('a warm-up that fails leaves /readyz at 503 with the reason', async () => {
    const config = { app: { lazy_load: false }, input_scanners: [{ type: 'TestBoom' }] };
    const shield = await rulesShield(config);
    Object.defineProperty(shield, 'models', { value: [{ scanner: 'TestBoom', kind: 'input', task: 'test', id: 'boom-model', origin: 'embedded' }] });
    const server = await createServer({ config, shield, logLevel: 'silent', processMetrics: false });
    await server.warm;
    const response = await server.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ status: 'failed', message: expect.stringContaining('boom') });
    await server.close();
  });
});
