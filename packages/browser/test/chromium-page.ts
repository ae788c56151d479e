/**
 * Helpers of the browser entry's Chromium test and of tools/bench/browser-first-verdict.ts: build the test page with
 * Vite (production build into a folder), serve a folder on 127.0.0.1 (port 0) logging every request, and start
 * Debian's /usr/bin/chromium through playwright-core with the flags of the repository's other browser tests.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, relative, sep } from 'node:path';
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

/**
 * The Vite settings docs/browser.md asks of applications: onnxruntime-web and the embedded models stay out of the
 * dev server's dependency pre-bundling, which would move their modules away from the files their
 * `new URL(…, import.meta.url)` point at (the wasm, the models).
 */
export const VITE_OPTIMIZE_DEPS = { exclude: ['onnxruntime-web', '@llm-shield/models-embedded'] };

/** A Vite dev server of the page on 127.0.0.1 (a free port), from the packages' built dist/; resolves with its URL and close. */
export async function startViteDevServer(): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('vite');
  const server = await createServer({ configFile: false, root: PAGE_DIR, logLevel: 'error', server: { host: '127.0.0.1', port: 0 }, optimizeDeps: VITE_OPTIMIZE_DEPS });
  await server.listen();
  return { url: server.resolvedUrls!.local[0]!, close: () => server.close() };
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

/**
 * Serves `root` on 127.0.0.1 (a free port); extra response headers (e.g. cross-origin isolation) on every answer;
 * `pages` are served from memory by path (e.g. a generated `index.html`).
 */
export function serveStatic(root: string, headers: Record<string, string> = {}, pages: Record<string, string> = {}): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    if (pages[path] !== undefined) return void response.writeHead(200, { 'content-type': TYPES['.html']!, ...headers }).end(pages[path]);
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

/** The page as plain JavaScript (no TypeScript), for webpack and for the unbundled page. */
export const ESM_PAGE = fileURLToPath(new URL('./esm-page/page.js', import.meta.url));
const HTML = (script: string) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>llm-shield browser entry</title></head><body>${script}</body></html>\n`;

/**
 * webpack 5 production build of {@link ESM_PAGE} into `outDir` (from the packages' built `dist/`, as an application
 * installing them gets), with an `index.html` loading it. webpack's defaults do the rest: the embedded models'
 * `new URL(…, import.meta.url)` and onnxruntime-web's wasm become emitted assets.
 */
export async function buildPageWithWebpack(outDir: string, options: { minify?: boolean } = {}): Promise<void> {
  const { default: webpack } = await import('webpack');
  const compiler = webpack({
    mode: 'production',
    context: dirname(ESM_PAGE),
    entry: './page.js',
    target: 'web',
    devtool: false,
    performance: { hints: false },
    // Minifying onnxruntime-web takes over a minute on a loaded machine and changes nothing the test checks.
    optimization: { minimize: options.minify ?? false },
    output: { path: outDir, filename: 'main.js', publicPath: 'auto', clean: true },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
  writeFileSync(join(outDir, 'index.html'), HTML('<script src="main.js"></script>'));
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(["'])([^"'\n]+)\1/g;

/**
 * An import map for serving {@link ESM_PAGE} unbundled from `root` (the repository root, whose node_modules hold the
 * packages): every bare specifier reachable from the page, resolved as browsers' bundlers do (conditions `browser`,
 * `import`, `default`) to a URL path under `root`.
 */
export async function importMapFor(entry: string, root: string): Promise<{ imports: Record<string, string> }> {
  const { default: resolver } = await import('enhanced-resolve');
  const resolve = resolver.create.sync({ conditionNames: ['browser', 'import', 'default'], extensions: ['.js', '.mjs'], mainFields: ['browser', 'module', 'main'] });
  const imports: Record<string, string> = {};
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const [, , specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const bare = !specifier!.startsWith('.') && !specifier!.startsWith('/') && !/^[a-z]+:/.test(specifier!);
      let target: string | false;
      try {
        target = resolve(dirname(file), specifier!);
      } catch {
        continue; // text that only looks like an import (inside a string of minified code)
      }
      if (target === false || !/\.m?js$/.test(target)) continue;
      if (bare) imports[specifier!] = `/${relative(root, target).split(sep).join('/')}`;
      queue.push(target);
    }
  }
  return { imports };
}

/** An `index.html` that loads `page.js` of its folder as a module through `importMap`. */
export function esmIndexHtml(importMap: { imports: Record<string, string> }): string {
  return HTML(`<script type="importmap">${JSON.stringify(importMap)}</script><script type="module" src="./page.js"></script>`);
}
