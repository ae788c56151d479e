/**
 * Helpers of the browser entry's Chromium test and of tools/bench/browser-first-verdict.ts: build the test page with
 * Vite (production build into a folder), serve a folder on 127.0.0.1 (port 0) logging every request, and start
 * Debian's /usr/bin/chromium through playwright-core with the flags of the repository's other browser tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
/** The page: `createShield()` from `@llm-shield/browser`, as an application calls it. */
export const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.onnx': 'application/octet-stream',
};

/**
 * Vite production build of the page into `outDir`. `source`: resolve the workspace packages to their TypeScript
 * sources (the `@llm-shield/source` condition, as the tests do) instead of their built `dist/` (what an application
 * installing the packages gets).
 */
export async function buildPage(outDir: string, options: { source: boolean; minify: boolean }): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: PAGE_DIR,
    logLevel: 'error',
    ...(options.source ? { resolve: { conditions: ['@llm-shield/source', 'module', 'browser', 'development|production'] } } : {}),
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: options.minify, reportCompressedSize: false, chunkSizeWarningLimit: 1e6 },
  });
}

/** Bytes of the files under `dir` by extension (`.wasm`, `.js`, `.onnx`…). */
export function bytesByExtension(dir: string): Record<string, number> {
  const sizes: Record<string, number> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else sizes[extname(name) || name] = (sizes[extname(name) || name] ?? 0) + statSync(path).size;
    }
  };
  walk(dir);
  return sizes;
}

/** A static server of one folder, with the paths it was asked for. */
export interface StaticServer {
  readonly url: string;
  readonly requests: string[];
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 (a free port); extra response headers (e.g. cross-origin isolation) on every answer. */
export function serveStatic(root: string, headers: Record<string, string> = {}): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const file = normalize(join(root, decodeURIComponent(path === '/' ? '/index.html' : path)));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep) || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

/** Starts Debian's Chromium (never a downloaded browser). */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
