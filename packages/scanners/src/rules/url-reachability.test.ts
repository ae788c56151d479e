import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidConfigError, Vault } from '@llm-shield/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { URLReachability, type FetchFunction } from './url-reachability.js';

const context = { vault: new Vault() };
let server: Server;
let base = '';
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    switch (req.url) {
      case '/ok':
        res.writeHead(200).end('ok');
        return;
      case '/no-head':
        res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
        return;
      case '/moved':
        res.writeHead(302, { location: '/ok' }).end();
        return;
      case '/loop':
        res.writeHead(301, { location: '/loop' }).end();
        return;
      case '/to-metadata':
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('URLReachability against a local server (allowPrivate)', () => {
  const s = new URLReachability({ allowPrivate: true, timeout: 10 });

  it('passes reachable URLs, after HEAD→GET fallback and redirects', async () => {
    seen.length = 0;
    const r = await s.scan('p', `See ${base}/ok, ${base}/no-head and (${base}/moved).`, context);
    expect(r.valid).toBe(true);
    expect(r.riskScore).toBe(-1);
    expect(seen).toContain('HEAD /no-head');
    expect(seen).toContain('GET /no-head');
  });

  it('flags 404s and redirect loops with spans', async () => {
    const text = `Broken: ${base}/missing and ${base}/loop`;
    const r = await s.scan('p', text, context);
    expect(r.valid).toBe(false);
    expect(r.riskScore).toBe(1);
    const spans = r.findings.flatMap((f) => f.spans.map((x) => x.text)).sort();
    expect(spans).toEqual([`${base}/loop`, `${base}/missing`].sort());
    expect(r.findings.flatMap((f) => f.rules)).toEqual(expect.arrayContaining(['HTTP 404', 'more than 5 redirects']));
  });

  it('passes text without URLs', async () => {
    expect((await s.scan('p', 'no links', context)).valid).toBe(true);
  });
});

describe('URLReachability network guards (nothing is sent)', () => {
  function spyFetch(): { fetch: FetchFunction; calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      fetch: async (url) => {
        calls.push(url);
        if (url.startsWith('https://public.example/redirect')) return { status: 302, headers: { get: () => 'http://169.254.169.254/latest/' } };
        return { status: 200, headers: { get: () => null } };
      },
    };
  }

  it('refuses private, loopback, link-local and local-name hosts without a request', async () => {
    const { fetch, calls } = spyFetch();
    const s = new URLReachability({ fetch });
    const urls = ['http://127.0.0.1:8080/admin', 'http://10.0.0.5/', 'http://[::1]/', 'http://[::ffff:192.168.0.1]/', 'http://localhost:3000/', 'http://2130706433/', 'http://0x7f.1/'];
    const r = await s.scan('p', urls.join(' '), context);
    expect(r.valid).toBe(false);
    expect(calls).toEqual([]);
    expect(r.findings[0]!.category).toBe('blocked_url');
    expect(r.findings[0]!.spans.length).toBe(urls.length);
  });

  it('checks redirect targets and resolved addresses before requesting them', async () => {
    const { fetch, calls } = spyFetch();
    const s = new URLReachability({ fetch, resolve: async (host) => (host === 'intranet.example' ? ['10.1.2.3'] : ['93.184.216.34']) });
    const r = await s.scan('p', 'https://public.example/redirect and https://intranet.example/x', context);
    expect(r.valid).toBe(false);
    expect(calls).toEqual(['https://public.example/redirect']);
    expect([...r.findings[0]!.rules].sort()).toEqual(['intranet.example resolves to non-public address 10.1.2.3', 'non-public address 169.254.169.254']);
    const ok = await s.scan('p', 'https://public.example/page', context);
    expect(ok.valid).toBe(true);
  });

  it('refuses bad options', () => {
    expect(() => new URLReachability({ successStatusCodes: [] })).toThrow(InvalidConfigError);
    expect(() => new URLReachability({ timeout: 0 })).toThrow(/timeout/);
    expect(() => new URLReachability({ fetch: 'x' as never })).toThrow(/fetch/);
    expect(() => new URLReachability({ proxy: 'x' } as never)).toThrow(/unknown option/);
  });

  it('checks at most maxUrls URLs of a 10 MB output', async () => {
    const { fetch, calls } = spyFetch();
    const s = new URLReachability({ fetch, maxUrls: 3 });
    const text = 'https://public.example/a '.repeat(400_000);
    const r = await s.scan('p', text, context);
    expect(r.valid).toBe(true);
    expect(calls.length).toBe(3);
  });
});
