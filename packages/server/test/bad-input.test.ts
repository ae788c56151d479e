import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type LlmShieldServer } from '../src/index.js';
import { rulesShield } from './test-scanners.js';

const config = {
  app: { lazy_load: true, scan_prompt_timeout: 0.05, scan_output_timeout: 0.05 },
  input_scanners: [{ type: 'PromptInjection' }, { type: 'TestStall' }, { type: 'TestBoom' }, { type: 'TestFailedClosed' }],
  output_scanners: [{ type: 'Toxicity' }, { type: 'TestStall' }],
};
const allBut = (keep: string) => ['PromptInjection', 'TestStall', 'TestBoom', 'TestFailedClosed'].filter((name) => name !== keep);

let server: LlmShieldServer;
beforeAll(async () => {
  server = await createServer({ config, shield: await rulesShield(config), logLevel: 'silent', processMetrics: false, requestTimeoutMs: 300, connectionTimeoutMs: 300, timeoutCheckIntervalMs: 50 });
  await server.listen({ port: 0 });
});
afterAll(() => server.close());

async function inject(payload: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }, url = '/analyze/prompt') {
  const response = await server.app.inject({ method: 'POST', url, payload, headers });
  return { status: response.statusCode, body: response.json() as { message: string; code: string; details: unknown } };
}

describe('bad requests get a 4xx with a JSON error body', () => {
  it('malformed JSON → 400', async () => {
    expect(await inject('{"prompt": "x"')).toMatchObject({ status: 400, body: { code: 'LLMS_BAD_REQUEST' } });
    expect(await inject('')).toMatchObject({ status: 400, body: { code: 'LLMS_BAD_REQUEST' } });
  });
  it('wrong types and missing fields → 422 with FastAPI-style details', async () => {
    const wrong = await inject(JSON.stringify({ prompt: 42 }));
    expect(wrong).toMatchObject({ status: 422, body: { code: 'LLMS_VALIDATION_FAILED', message: 'Validation failed' } });
    expect(wrong.body.details).toEqual([{ loc: ['body', 'prompt'], msg: 'must be string', type: 'type' }]);
    const missing = await inject(JSON.stringify({ output: 'x' }), undefined, '/analyze/output');
    expect(missing.status).toBe(422);
    expect((missing.body.details as Array<{ loc: unknown[] }>)[0]!.loc).toEqual(['body', 'prompt']);
    expect((await inject(JSON.stringify({ prompt: 'x', scanners_suppress: 'Toxicity' }))).status).toBe(422);
    expect((await inject(JSON.stringify({ prompt: 'x', scanners_suppress: [1] }))).status).toBe(422);
    expect((await inject(JSON.stringify(['prompt']))).status).toBe(422);
    expect((await inject('null')).status).toBeGreaterThanOrEqual(400);
  });
  it('prototype poisoning → 400', async () => {
    expect((await inject('{"prompt":"x","__proto__":{"polluted":true}}')).status).toBe(400);
  });
  it('non-UTF-8 bytes → 400 (never silently replaced)', async () => {
    const body = Buffer.concat([Buffer.from('{"prompt":"caf'), Buffer.from([0xe9]), Buffer.from('"}')]);
    expect(await inject(body)).toMatchObject({ status: 400, body: { code: 'LLMS_BAD_REQUEST', message: 'The request body is not valid UTF-8.' } });
  });
  it('a body that is not JSON → 415', async () => {
    expect(await inject('prompt=x', { 'content-type': 'application/x-www-form-urlencoded' })).toMatchObject({ status: 415, body: { code: 'LLMS_UNSUPPORTED_MEDIA_TYPE' } });
  });
  it('a 20 MB body → 413 before it is parsed', async () => {
    const huge = JSON.stringify({ prompt: 'a'.repeat(20 * 1024 * 1024) });
    expect(await inject(huge)).toMatchObject({ status: 413, body: { code: 'LLMS_BODY_TOO_LARGE' } });
  });
  it('unknown scanners in scanners_suppress → 400 naming them', async () => {
    const { status, body } = await inject(JSON.stringify({ prompt: 'x', scanners_suppress: ['Toxicity', 'PromptInjection'] }));
    expect(status).toBe(400);
    expect(body.code).toBe('LLMS_UNKNOWN_SCANNER');
    expect(body.details).toMatchObject({ unknown: ['Toxicity'] });
  });
});

describe('scans that cannot give a verdict', () => {
  it('a scan past scan_prompt_timeout → 504 LLMS_SCAN_TIMEOUT, no partial verdict', async () => {
    for (const url of ['/analyze/prompt', '/scan/prompt', '/scan/prompt/batch']) {
      const payload = url.endsWith('batch') ? { prompts: ['hello'], scanners_suppress: allBut('TestStall') } : { prompt: 'hello', scanners_suppress: allBut('TestStall') };
      const { status, body } = await inject(JSON.stringify(payload), undefined, url);
      expect(status).toBe(504);
      expect(body).toMatchObject({ code: 'LLMS_SCAN_TIMEOUT', details: { timeout_seconds: 0.05 } });
      expect(body).not.toHaveProperty('is_valid');
      expect(body).not.toHaveProperty('scanners');
    }
    const output = await inject(JSON.stringify({ prompt: 'p', output: 'o', scanners_suppress: ['Toxicity'] }), undefined, '/scan/output');
    expect(output).toMatchObject({ status: 504, body: { code: 'LLMS_SCAN_TIMEOUT' } });
  });
  it('a scanner that throws → 500 with the stable library code', async () => {
    for (const url of ['/analyze/prompt', '/scan/prompt']) {
      const { status, body } = await inject(JSON.stringify({ prompt: 'hello', scanners_suppress: allBut('TestBoom') }), undefined, url);
      expect(status).toBe(500);
      expect(body).toMatchObject({ code: 'LLMS_SCANNER_FAILED', details: { scanner: 'TestBoom' } });
    }
  });
  it('a scanner that failed closed makes is_valid false', async () => {
    const { status, body } = await inject(JSON.stringify({ prompt: 'hello', scanners_suppress: ['TestStall', 'TestBoom'] }), undefined, '/scan/prompt?explain=1');
    expect(status).toBe(200);
    expect(body).toMatchObject({ is_valid: false, results: expect.arrayContaining([expect.objectContaining({ id: 'TestFailedClosed', valid: false, method: 'fallback' })]) });
  });
});

function rawSocket(): Promise<Socket> {
  const { port } = server.address()!;
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' }, () => resolve(socket));
    socket.once('error', reject);
  });
}

describe('slow clients', () => {
  it('a body that stalls halfway is timed out and the connection closed', async () => {
    const socket = await rawSocket();
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.write('POST /analyze/prompt HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"prompt": "half a bo');
    await closed;
    const answer = Buffer.concat(chunks).toString('utf8');
    // Node answers 408 when the request timeout fires first; an idle-socket timeout closes it without an answer.
    if (answer !== '') expect(answer).toMatch(/^HTTP\/1\.1 408/);
    const health = await server.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
  });
});
