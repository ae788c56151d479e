import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createServer } from '../src/index.js';
import { rulesShield } from './test-scanners.js';

const scanners = { input_scanners: [{ type: 'PromptInjection' }], output_scanners: [{ type: 'Toxicity' }] };

async function serverWith(extra: Record<string, unknown>, logLevel?: 'info' | 'debug') {
  const config = { app: { lazy_load: true }, ...scanners, ...extra };
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const server = await createServer({ config, shield: await rulesShield(config), processMetrics: false, logStream: stream, ...(logLevel ? { logLevel } : {}) });
  return { server, lines };
}

describe('auth', () => {
  it('http_bearer: the right token passes, a wrong or missing one gets 401 with a challenge; health stays open', async () => {
    const { server } = await serverWith({ auth: { type: 'http_bearer', token: 's3cret-token' } });
    const scan = (authorization?: string) =>
      server.app.inject({ method: 'POST', url: '/scan/prompt', payload: { prompt: 'hi' }, headers: authorization ? { authorization } : {} });
    expect((await scan('Bearer s3cret-token')).statusCode).toBe(200);
    for (const header of [undefined, 'Bearer wrong', 'Bearer s3cret-token2', 'Basic czNjcmV0LXRva2Vu', 'Bearer']) {
      const response = await scan(header);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ code: 'LLMS_UNAUTHORIZED', message: 'Invalid API key' });
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }
    expect((await server.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    await server.close();
  });
  it('http_basic: username and password both checked', async () => {
    const { server } = await serverWith({ auth: { type: 'http_basic', username: 'alice', password: 'pa:ss' } });
    const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    const scan = (authorization: string) => server.app.inject({ method: 'POST', url: '/analyze/output', payload: { prompt: 'p', output: 'o' }, headers: { authorization } });
    expect((await scan(basic('alice', 'pa:ss'))).statusCode).toBe(200);
    expect((await scan(basic('alice', 'pa:s'))).statusCode).toBe(401);
    expect((await scan(basic('bob', 'pa:ss'))).statusCode).toBe(401);
    expect((await scan('Basic !!!')).statusCode).toBe(401);
    expect((await scan('Bearer pa:ss')).json()).toMatchObject({ message: 'Invalid Username or Password' });
    await server.close();
  });
});

describe('logs', () => {
  const MARKER = 'ZQX-private-prompt-7731';
  it('never contain the prompt, the output or credentials at info level', async () => {
    const { server, lines } = await serverWith({ auth: { type: 'http_bearer', token: 'tok-ABC-999' } }, 'info');
    await server.app.inject({ method: 'POST', url: '/analyze/prompt', payload: { prompt: MARKER }, headers: { authorization: 'Bearer tok-ABC-999' } });
    await server.app.inject({ method: 'POST', url: '/scan/output', payload: { prompt: MARKER, output: `${MARKER}-out` }, headers: { authorization: 'Bearer tok-ABC-999' } });
    await server.app.inject({ method: 'POST', url: '/scan/output', payload: { prompt: MARKER, output: 1 }, headers: { authorization: 'Bearer tok-ABC-999' } });
    await server.close();
    const text = lines.join('');
    expect(lines.length).toBeGreaterThan(2);
    expect(text).toContain('"route":"/analyze/prompt"');
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain('tok-ABC-999');
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
  it('contain them only when debug logging is asked for', async () => {
    const { server, lines } = await serverWith({ app: { lazy_load: true, log_level: 'DEBUG' } });
    await server.app.inject({ method: 'POST', url: '/analyze/prompt', payload: { prompt: MARKER } });
    await server.close();
    expect(lines.join('')).toContain(MARKER);
  });
});
