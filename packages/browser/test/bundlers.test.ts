/**
 * The browser entry beyond Vite's production build, in headless Chromium: a webpack 5 production build of
 * test/esm-page/page.js, the same page served unbundled (plain ESM, an import map for the bare specifiers) from the
 * repository root, and test/page under Vite's dev server (with docs/browser.md's `optimizeDeps`). All use the packages' built dist/ (what an application installing them gets): `createShield()` with no options must
 * load the embedded models (every scan answered by the models, never `fallback`) and give Node's verdicts on the 30
 * parity probes, scores within 1e-3. Skips where /usr/bin/chromium or the built dist/ is absent.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPageWithWebpack, CHROMIUM, ESM_PAGE, esmIndexHtml, importMapFor, launchChromium, serveStatic, startViteDevServer, type StaticServer } from './chromium-page.js';
import { expectParityWithNode, PROBES, TOLERANCE } from './node-parity.js';
import type { FirstVerdict, PageScan } from './page/page.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const built = existsSync(fileURLToPath(new URL('../dist/index.js', import.meta.url)));
const ready = existsSync(CHROMIUM) && built;
const why = !existsSync(CHROMIUM) ? ` (skipped: ${CHROMIUM} is absent; apt-get install chromium)` : built ? '' : ' (skipped: packages are not built; run npx tsc -b tsconfig.build.json)';

async function openPage(browser: Browser, url: string, errors: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  return page;
}

const firstVerdict = (page: Page, errors: string[]) =>
  page.evaluate(() => (globalThis as unknown as { firstVerdict: Promise<FirstVerdict> }).firstVerdict).catch((error: unknown) => {
    throw new Error(`the page failed: ${String(error)}; ${errors.join('; ')}`);
  });
const scanProbes = (page: Page, texts: string[]) => page.evaluate((t) => (globalThis as unknown as { scanProbes(t: string[]): Promise<PageScan[]> }).scanProbes(t), texts);

describe.skipIf(!ready)(`@llm-shield/browser in headless Chromium: webpack 5 and plain ESM${why}`, () => {
  let browser: Browser | undefined;
  const servers: Array<Pick<StaticServer, 'close'>> = [];
  const folders: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of servers) await server.close();
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it(`webpack 5 build: one wasm (WASM-only onnxruntime-web), the embedded models as assets; the probes give Node's verdicts within ${TOLERANCE}`, async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'llm-shield-browser-webpack-'));
    folders.push(outDir);
    await buildPageWithWebpack(outDir);
    const files = readdirSync(outDir);
    expect(files.filter((name) => name.endsWith('.wasm'))).toHaveLength(1);
    expect(files.filter((name) => name.endsWith('.onnx'))).toHaveLength(4);
    const server = await serveStatic(outDir);
    servers.push(server);
    const errors: string[] = [];
    const page = await openPage(browser!, server.url, errors);
    expect((await firstVerdict(page, errors)).methods[0]).toBe('ml');
    const { hybrid } = await expectParityWithNode(await scanProbes(page, [...PROBES]));
    expect(hybrid).toBeGreaterThan(0);
  }, 300_000);

  it(`plain ESM served from a folder (import map, no bundler): the embedded models load from the package's models/ folder; Node's verdicts within ${TOLERANCE}`, async () => {
    const pagePath = `/${relative(ROOT, ESM_PAGE).split('\\').join('/')}`;
    const indexPath = pagePath.replace(/page\.js$/, 'index.html');
    const importMap = await importMapFor(ESM_PAGE, ROOT);
    // tldts's ES module build imports its own files without extensions (fine for bundlers, not for browsers);
    // its single-file ES module bundle is what a plain-ESM page maps it to (docs/browser.md).
    importMap.imports['tldts'] = '/node_modules/tldts/dist/index.esm.min.js';
    expect(Object.keys(importMap.imports)).toEqual(expect.arrayContaining(['@llm-shield/browser', 'onnxruntime-web/wasm']));
    const server = await serveStatic(ROOT, {}, { [indexPath]: esmIndexHtml(importMap) });
    servers.push(server);
    const errors: string[] = [];
    const page = await openPage(browser!, new URL(indexPath.slice(1), server.url).href, errors);
    expect((await firstVerdict(page, errors)).methods[0]).toBe('ml');
    expect(server.requests.some((path) => path.endsWith('/models-embedded/models/prompt-injection/model_int8.onnx'))).toBe(true);
    const { hybrid } = await expectParityWithNode(await scanProbes(page, [...PROBES]));
    expect(hybrid).toBeGreaterThan(0);
  }, 300_000);

  it('Vite dev server (optimizeDeps as docs/browser.md says): the first verdict and a toxic probe come from the embedded models', async () => {
    const server = await startViteDevServer();
    servers.push(server);
    const errors: string[] = [];
    const page = await openPage(browser!, server.url, errors);
    expect((await firstVerdict(page, errors)).methods[0]).toBe('ml');
    const [toxic] = await scanProbes(page, ['You are a stupid idiot and everyone hates you.']);
    expect(toxic!.prompt.map((run) => `${run.scanner}:${run.method}:${run.origin}`)).toEqual(['PromptInjection:ml:embedded', 'Toxicity:hybrid:embedded']);
  }, 300_000);
});
