#!/usr/bin/env -S npx tsx
// The browser entry's cold start in headless Chromium (Debian's /usr/bin/chromium through playwright-core). Not a test.
//
// Builds packages/browser/test/page (an application's `createShield()` and one prompt scan) with Vite in production
// mode from the packages' built dist/ (what an application installing them gets; run `npx tsc -b tsconfig.build.json`
// first), reports the bytes of the build by kind (wasm, js, onnx, json), then serves it on 127.0.0.1 and, for each
// repeat, opens a fresh browser context (empty OPFS / Cache API / HTTP cache) and navigates: the first ML verdict
// after navigation (performance.now() when `scanPrompt` resolves: milliseconds since navigation start) with an empty
// store; then reloads the same page: the first verdict with a warm store (and warm HTTP cache).
//
// Usage: npx tsx tools/bench/browser-first-verdict.ts [--repeats 5] [--isolated] [--source] [--json]
//   --isolated  serve with COOP/COEP headers (cross-origin isolated: onnxruntime-web may use WASM threads)
//   --source    build from the TypeScript sources instead of dist/
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildPage, bytesByExtension, launchChromium, serveStatic } from '../../packages/browser/test/chromium-page.js';
import type { FirstVerdict } from '../../packages/browser/test/page/page.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const repeats = option('repeats', 5);
const isolation: Record<string, string> = flag('isolated') ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const mb = (bytes: number | undefined) => `${((bytes ?? 0) / 1e6).toFixed(2)} MB`;

const outDir = mkdtempSync(join(tmpdir(), 'llm-shield-browser-bench-'));
const loadBefore = loadavg();
try {
  await buildPage(outDir, { source: flag('source'), minify: true });
  const sizes = bytesByExtension(outDir);
  const server = await serveStatic(outDir, isolation);
  const browser = await launchChromium();
  const empty: number[] = [];
  const warm: number[] = [];
  let isolated = false;
  try {
    for (let i = 0; i < repeats; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const first = () => page.evaluate(() => (globalThis as unknown as { firstVerdict: Promise<FirstVerdict> }).firstVerdict);
      await page.goto(server.url);
      const cold = await first();
      if (cold.methods[0] !== 'ml') throw new Error(`the first verdict was not the model's: ${cold.methods.join(', ')}`);
      await page.reload();
      const again = await first();
      if (again.methods[0] !== 'ml') throw new Error(`the first verdict after reload was not the model's: ${again.methods.join(', ')}`);
      empty.push(cold.atMs);
      warm.push(again.atMs);
      isolated = cold.crossOriginIsolated;
      await context.close();
    }
    const result = {
      chromium: browser.version(),
      cpus: cpus().length,
      loadavg: { before: loadBefore, after: loadavg() },
      crossOriginIsolated: isolated,
      bytes: sizes,
      firstVerdictMs: { emptyStore: { median: median(empty), runs: empty }, warmStore: { median: median(warm), runs: warm } },
    };
    if (flag('json')) console.log(JSON.stringify(result, null, 2));
    else {
      console.log(`Chromium ${result.chromium}, ${result.cpus} CPUs, load average ${loadBefore.map((v) => v.toFixed(2)).join(' ')} → ${result.loadavg.after.map((v) => v.toFixed(2)).join(' ')}, cross-origin isolated: ${isolated}`);
      console.log(`Vite build: wasm ${mb(sizes['.wasm'])}, js ${mb(sizes['.js'])}, onnx ${mb(sizes['.onnx'])}, json ${mb(sizes['.json'])}`);
      console.log(`first ML verdict after navigation, empty store: median ${median(empty).toFixed(0)} ms (runs ${empty.map((v) => v.toFixed(0)).join(', ')})`);
      console.log(`first ML verdict after navigation, warm store:  median ${median(warm).toFixed(0)} ms (runs ${warm.map((v) => v.toFixed(0)).join(', ')})`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
