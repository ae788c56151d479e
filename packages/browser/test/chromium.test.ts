/**
 * The browser entry in headless Chromium on a Vite production build: Vite builds test/page (which calls
 * `createShield()` from `@llm-shield/browser` with no options, as an application does) into a temporary folder, a
 * static server on 127.0.0.1 serves it, and playwright-core drives Debian's /usr/bin/chromium. The build must ship
 * the WASM-only onnxruntime-web wasm and the embedded int8 models as static assets; every scan of the 30 parity
 * probes must be answered by the embedded models (never `fallback`), with the same verdicts as Node's `createShield()`
 * and scores within 1e-3; a reload must read the models from the browser store without requesting them again.
 * Skips where /usr/bin/chromium is absent.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPage, bytesByExtension, CHROMIUM, launchChromium, serveStatic, type StaticServer } from './chromium-page.js';
import { expectParityWithNode, PROBES, TOLERANCE } from './node-parity.js';
import type { FirstVerdict, PageScan } from './page/page.js';

const hasChromium = existsSync(CHROMIUM);
/** Model files as Vite emits them (`assets/model_int8-<hash>.onnx`, `assets/tokenizer-<hash>.json`); small JSON files are inlined. */
const isModelAsset = (path: string) => /\.onnx$|\/tokenizer[^/]*\.json$/.test(path);

describe.skipIf(!hasChromium)(`@llm-shield/browser in headless Chromium (Vite build)${hasChromium ? '' : ` (skipped: ${CHROMIUM} is absent; apt-get install chromium)`}`, () => {
  let outDir: string;
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const errors: string[] = [];

  const firstVerdict = () => page.evaluate(() => (globalThis as unknown as { firstVerdict: Promise<FirstVerdict> }).firstVerdict);
  const scanProbes = (texts: string[]) => page.evaluate((t) => (globalThis as unknown as { scanProbes(t: string[]): Promise<PageScan[]> }).scanProbes(t), texts);

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'llm-shield-browser-entry-'));
    await buildPage(outDir, { source: true, minify: true });
    server = await serveStatic(outDir);
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(server.url);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('the build ships the WASM-only onnxruntime-web wasm (at most 15 MB) and the four embedded int8 graphs as static assets', () => {
    const files = readdirSync(join(outDir, 'assets'));
    const wasm = files.filter((name) => name.endsWith('.wasm'));
    expect(wasm).toHaveLength(1);
    expect(wasm[0]).toMatch(/^ort-wasm-simd-threaded-[\w-]+\.wasm$/);
    expect(bytesByExtension(outDir)['.wasm']).toBeLessThanOrEqual(15_000_000);
    expect(files.filter((name) => name.endsWith('.onnx')).map((name) => name.replace(/-[\w-]+\.onnx$/, ''))).toEqual(['model_int8', 'model_int8', 'model_int8', 'model_int8']);
  });

  it('the first verdict after navigation comes from the embedded model (method "ml")', async () => {
    const first = await firstVerdict().catch((error: unknown) => {
      throw new Error(`the page failed: ${String(error)}; ${errors.join('; ')}`);
    });
    expect(first.methods[0]).toBe('ml');
    const models = await page.evaluate(() => (globalThis as unknown as { shieldModels: Promise<Array<Record<string, string>>> }).shieldModels);
    expect(models.map((model) => `${model.kind}:${model.scanner}:${model.origin}:${model.variant}`)).toEqual([
      'input:PromptInjection:embedded:int8',
      'input:Toxicity:embedded:int8',
      'output:Toxicity:embedded:int8',
    ]);
  });

  it(`the ${PROBES.length} parity probes: answered by the models (never "fallback"), the same verdicts as Node's createShield() and scores within ${TOLERANCE}`, async () => {
    expect(PROBES).toHaveLength(30);
    const { worst, hybrid } = await expectParityWithNode(await scanProbes([...PROBES]));
    expect(hybrid).toBeGreaterThan(0); // the Toxicity model itself ran in the page
    if (process.env.LLM_SHIELD_REPORT_DIFFS) console.info(`Chromium (Vite build) vs Node, max |score difference| over the probes: ${worst}`);
  }, 120_000);

  it('a reload reads the embedded models from the browser store: no model file is requested again', async () => {
    const before = server!.requests.filter(isModelAsset);
    expect(before.filter((path) => path.endsWith('.onnx')).length).toBeGreaterThanOrEqual(2);
    expect(new Set(before).size).toBe(before.length);
    await page.reload();
    const first = await firstVerdict();
    expect(first.methods[0]).toBe('ml');
    const [toxic] = await scanProbes(['You are a worthless idiot and everyone hates you.']);
    expect(toxic!.prompt.find((run) => run.scanner === 'Toxicity')?.method).toBe('hybrid');
    expect(server!.requests.filter(isModelAsset)).toEqual(before);
  }, 120_000);
});
