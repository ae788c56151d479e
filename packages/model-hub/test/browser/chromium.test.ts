/**
 * The browser model cache in headless Chromium: Vite builds test/browser/page (which imports
 * `@llm-shield/model-hub/browser`), a server on 127.0.0.1 serves it, and the page resolves the fixture model from the
 * loopback hub server through a CORS proxy on another port (another origin, as the real Hub is to an app), into the
 * Cache API and into OPFS; it reads the bytes back and hashes them with WebCrypto. Then the hub is stopped, the page
 * reloaded, and the model resolved again from the cache. playwright-core drives Debian's /usr/bin/chromium (never a
 * downloaded browser); the test skips where it is absent.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ErrorCode } from '@llm-shield/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureRepos, HEAD_COMMIT, tinyFiles, TINY_REPO } from '../fixtures.js';
import { sha256Hex, startHubServer, type HubServer } from '../hub-server.js';
import type { PageRequest, PageResult } from './page/page.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const pageDir = fileURLToPath(new URL('./page/', import.meta.url));
const head = new Map(tinyFiles('head').map((f) => [f.path, f.content]));
const expected = (variant: 'fp32' | 'quantized') => ({
  model: sha256Hex(head.get(variant === 'fp32' ? 'onnx/model.onnx' : 'onnx/model_quantized.onnx')!),
  tokenizer: sha256Hex(head.get('tokenizer.json')!),
  tokenizerConfig: sha256Hex(head.get('tokenizer_config.json')!),
  config: sha256Hex(head.get('config.json')!),
});
/** The headers the Hub exposes to CORS requests. */
const EXPOSED = 'X-Repo-Commit, X-Request-Id, X-Error-Code, X-Error-Message, ETag, Link, Accept-Ranges, Content-Range, X-Linked-Size, X-Linked-ETag';

/** Forwards to the hub server, adding the CORS headers the real Hub sends (our hub server has none) and answering preflights. */
function corsProxy(target: string): Promise<Server> {
  const { port } = new URL(target);
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-expose-headers': EXPOSED,
  };
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET, HEAD, POST', 'access-control-allow-headers': 'Authorization, Content-Type, Range', 'access-control-max-age': '600' });
      return res.end();
    }
    const headers: IncomingHttpHeaders = { ...req.headers, host: `127.0.0.1:${port}` };
    const upstream = httpRequest({ host: '127.0.0.1', port, path: req.url, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...cors });
      answer.pipe(res);
      answer.on('aborted', () => res.destroy());
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502, cors).end()));
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function serveDir(root: string): Promise<Server> {
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = normalize(join(root, decodeURIComponent(path === '/' ? '/index.html' : path)));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const stop = (server: Server | undefined) =>
  new Promise<void>((resolve) => {
    if (!server?.listening) return resolve();
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe.skipIf(!hasChromium)(`browser model cache in headless Chromium${hasChromium ? '' : ` (skipped: ${CHROMIUM} is absent; apt-get install chromium)`}`, () => {
  let outDir: string;
  let hub: HubServer | undefined;
  let proxy: Server | undefined;
  let site: Server | undefined;
  let closeBrowser: (() => Promise<void>) | undefined;
  let reload: () => Promise<void>;
  let call: <T>(name: 'resolveModel' | 'removeModel' | 'detectStorage', request?: PageRequest) => Promise<T>;
  let hubUrl: string;

  const request = (storage: PageRequest['storage'], extra: Partial<PageRequest> = {}): PageRequest => ({
    hubUrl,
    storage,
    cacheName: 'llm-shield-test-models',
    offline: false,
    repoId: TINY_REPO,
    commit: HEAD_COMMIT,
    variant: 'fp32',
    ...extra,
  });

  beforeAll(async () => {
    const { build } = await import('vite');
    const { chromium } = await import('playwright-core');
    outDir = mkdtempSync(join(tmpdir(), 'llm-shield-hub-browser-'));
    await build({
      configFile: false,
      root: pageDir,
      logLevel: 'error',
      resolve: { conditions: ['@llm-shield/source', 'module', 'browser', 'development|production'] },
      build: { outDir, emptyOutDir: true, target: 'es2022', minify: false, reportCompressedSize: false },
    });
    hub = await startHubServer(fixtureRepos());
    proxy = await corsProxy(hub.url);
    hubUrl = urlOf(proxy);
    site = await serveDir(outDir);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
    closeBrowser = () => browser.close();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const ready = () =>
      page.waitForFunction(() => document.getElementById('status')?.textContent === 'ready', undefined, { timeout: 30_000 }).then(
        () => undefined,
        () => {
          throw new Error(`the page did not load: ${errors.join('; ')}`);
        },
      );
    await page.goto(`${urlOf(site)}/`);
    await ready();
    reload = async () => {
      await page.reload();
      await ready();
    };
    call = (name, req) => page.evaluate(([n, r]) => (globalThis as unknown as Record<string, (r?: PageRequest) => Promise<unknown>>)[n]!(r), [name, req] as const) as never;
  }, 120_000);

  afterAll(async () => {
    await closeBrowser?.();
    await Promise.all([stop(site), stop(proxy), hub?.close()]);
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('auto picks OPFS in Chromium', async () => {
    expect(await call('detectStorage')).toBe('opfs');
  });

  for (const storage of ['cache-api', 'opfs'] as const) {
    it(`${storage}: wrong bytes are refused and nothing is stored; then the model resolves, and its bytes read back verify`, async () => {
      const modelSha = expected('fp32').model;
      hub!.setFault((context) => (context.endpoint === 'cdn' && context.path === modelSha ? { kind: 'corrupt' } : undefined));
      const refused = await call<PageResult>('resolveModel', request(storage));
      expect(refused.ok).toBe(false);
      expect(refused.error).toMatchObject({ code: ErrorCode.ModelUnavailable, causeCode: ErrorCode.ChecksumMismatch });
      expect(refused.fileKeys.filter((key) => key.endsWith('model.onnx'))).toEqual([]);
      expect(refused.temporaryKeys).toEqual([]);

      hub!.setFault(undefined);
      const resolved = await call<PageResult>('resolveModel', request(storage));
      expect(resolved.error).toBeUndefined();
      expect(resolved).toMatchObject({ ok: true, storage, revision: HEAD_COMMIT, sha256: expected('fp32'), temporaryKeys: [] });
      expect(resolved.progressEvents).toBeGreaterThan(0);
      expect(resolved.sizes?.['model']).toBe(head.get('onnx/model.onnx')!.length);
      expect(resolved.cached).toEqual([{ repoId: TINY_REPO, commit: HEAD_COMMIT, files: 4, totalBytes: expect.any(Number) }]);

      const before = hub!.requests.length;
      const again = await call<PageResult>('resolveModel', request(storage));
      expect(again).toMatchObject({ ok: true, sha256: expected('fp32'), progressEvents: 0 });
      expect(hub!.requests.length).toBe(before);
    }, 60_000);
  }

  it('with the hub stopped and the page reloaded, both stores serve the model from the cache; what is not cached is a typed error', async () => {
    await Promise.all([stop(proxy), hub?.close()]);
    hub = undefined;
    await reload();
    for (const storage of ['cache-api', 'opfs'] as const) {
      const offline = await call<PageResult>('resolveModel', request(storage, { offline: true }));
      expect(offline, storage).toMatchObject({ ok: true, storage, revision: HEAD_COMMIT, sha256: expected('fp32') });
      const pinned = await call<PageResult>('resolveModel', request(storage));
      expect(pinned, storage).toMatchObject({ ok: true, sha256: expected('fp32') });
      const missing = await call<PageResult>('resolveModel', request(storage, { offline: true, variant: 'quantized' }));
      expect(missing.error, storage).toMatchObject({ code: ErrorCode.ModelUnavailable });
      const unreachable = await call<PageResult>('resolveModel', request(storage, { variant: 'quantized' }));
      expect(unreachable.error, storage).toMatchObject({ code: ErrorCode.ModelUnavailable, causeCode: ErrorCode.HubUnreachable });

      expect(await call('removeModel', request(storage))).toEqual({ commits: [HEAD_COMMIT], left: 0 });
      const removed = await call<PageResult>('resolveModel', request(storage, { offline: true }));
      expect(removed.error, storage).toMatchObject({ code: ErrorCode.ModelUnavailable });
      expect(removed.fileKeys, storage).toEqual([]);
    }
  }, 60_000);
});
