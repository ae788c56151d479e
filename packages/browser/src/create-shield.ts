import { builtinCatalog, createShieldWith, type Shield, type ShieldOptions } from '@llm-shield/shield';
import { createBrowserPlatform, type BrowserPlatformOptions } from './browser-platform.js';

/** Options of {@link createShield} in browsers: those of every shield, plus the browser platform's. */
export interface BrowserShieldOptions extends ShieldOptions, BrowserPlatformOptions {}

/**
 * A ready shield for browsers with exactly the CLI's defaults: PromptInjection and Toxicity on prompts, Toxicity on
 * outputs; each model scanner's model by the shared policy (`models[Scanner]` URL → the production model when it is
 * in the browser store → a download only with `download: true` → the embedded model, served as the bundle's static
 * assets → the rules), run by onnxruntime-web (WASM-only entry, imported when a model first runs; WebGPU opt-in
 * with `executionProviders` and `onnxruntime`).
 *
 * ```ts
 * import { createShield } from '@llm-shield/browser';
 * const shield = await createShield();
 * const result = await shield.scanPrompt(userPrompt);
 * if (!result.valid) console.log(result.failedScanners);
 * ```
 *
 * @param options - configuration (an object: parse YAML or JSON text with `parseShieldConfigText` from `@llm-shield/shield/config`), scanners,
 *   detection mode, model URLs, storage, runtime
 */
export async function createShield(options: BrowserShieldOptions = {}): Promise<Shield> {
  const { runtime, onnxruntime, executionProviders, intraOpThreads, graphOptimizationLevel, wasmPaths, storage, store, cacheName, fetch, hubUrl, token, ...shieldOptions } = options;
  const platform = createBrowserPlatform({
    ...(runtime ? { runtime } : {}),
    ...(onnxruntime ? { onnxruntime } : {}),
    ...(executionProviders ? { executionProviders } : {}),
    ...(intraOpThreads !== undefined ? { intraOpThreads } : {}),
    ...(graphOptimizationLevel !== undefined ? { graphOptimizationLevel } : {}),
    ...(wasmPaths !== undefined ? { wasmPaths } : {}),
    ...(storage ? { storage } : {}),
    ...(store ? { store } : {}),
    ...(cacheName ? { cacheName } : {}),
    ...(fetch ? { fetch } : {}),
    ...(hubUrl ? { hubUrl } : {}),
    ...(token ? { token } : {}),
  });
  return createShieldWith(platform, builtinCatalog(), shieldOptions);
}
