/**
 * The ML scanners on the browser test's page: a `PromptInjection`, `Toxicity`, `Sentiment` or `EmotionDetection` scanner of
 * `@llm-shield/scanners` in `ml` mode, with runtime-web and an HTTP model source over the test server's models (the
 * tiny fixtures under `/fixtures/`, the models of `@llm-shield/models-embedded` under `/embedded/`); and the
 * scanners' latency on the page (`timeScanner`).
 */
import { Vault, type InferenceRuntimeV1, type ModelSourceV1, type ModelVariant, type ScanResultV1 } from '@llm-shield/core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test page only: the scanners are what an app runs on runtime-web
import { EmotionDetection, PromptInjection, Sentiment, Toxicity, type ClassifierModelOptions } from '@llm-shield/scanners';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test page only: counts the timed text's tokens
import { createTokenizer } from '@llm-shield/tokenizer';
import { createHttpModelSource } from './http-model-source.js';

/** The scanners the page can run. */
export type PageScannerName = 'PromptInjection' | 'Toxicity' | 'Sentiment' | 'EmotionDetection';

/** Which model files a page scan uses, and the scanner's threshold. */
export interface PageScanOptions {
  /** URL prefix of the model folders, ending in `/` (default `/fixtures/`; `/embedded/` for models-embedded). */
  base?: string;
  /** Variant asked of the model source (default `fp32`; `int8` reads `model_int8.onnx`). */
  variant?: ModelVariant;
  /** The scanner's `threshold` (default: the scanner's own). Changes `valid`, never the score. */
  threshold?: number;
}

/** What the page returns for one scan request. */
export interface ScanPageResult {
  /** `scanMany` over all texts (one call, length-bucketed batches). */
  many: ScanResultV1[];
  /** `scanMany` of each text alone (batch of 1). */
  single: ScanResultV1[];
}

/** A function that scans texts with a model of the test server in the page. */
export type ScanFixture = (scanner: PageScannerName, modelId: string, texts: string[], options?: PageScanOptions) => Promise<ScanPageResult>;

/** Latency of one scanner on the page: `scan(text)` one call at a time, after warm-up. */
export interface ScanTiming {
  /** Tokens of the timed text with the model's tokenizer (special tokens included, no padding). */
  tokens: number;
  warmup: number;
  runs: number;
  /** Median of the timed scans, milliseconds (`performance.now()`). */
  p50Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
  /** Whether the page was cross-origin isolated (`performance.now()` resolution 5 µs, else 100 µs in Chromium). */
  crossOriginIsolated: boolean;
}

/** Times `runs` scans of `text` after `warmup` scans, in the page. */
export type TimeScanner = (
  scanner: PageScannerName,
  modelId: string,
  text: string,
  options?: PageScanOptions & { warmup?: number; runs?: number },
) => Promise<ScanTiming>;

/**
 * A scanner of `name` in `ml` mode over `model` (a model without a score threshold keeps the scanner's default).
 * Used on the page and, with runtime-node, by the test in Node, so that both run the same configuration.
 */
export function createPageScanner(name: PageScannerName, model: ClassifierModelOptions, threshold?: number): PromptInjection | Toxicity | Sentiment | EmotionDetection {
  const config = { model, mode: 'ml' as const, ...(threshold === undefined ? {} : { threshold }) };
  if (name === 'PromptInjection') return new PromptInjection(config);
  if (name === 'EmotionDetection') return new EmotionDetection(config);
  if (name === 'Toxicity') return new Toxicity(config);
  return new Sentiment(config);
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Returns the page's scan and timing functions over `runtime`; models are fetched from `<base><modelId>/`. One
 * model source per base, so that scanners of the same model, variant and runtime share one loaded session.
 *
 * @param runtime - the page's runtime-web instance (shared with the raw-logits test)
 */
export function createScanFixture(runtime: InferenceRuntimeV1): { scanFixture: ScanFixture; timeScanner: TimeScanner } {
  const sources = new Map<string, ModelSourceV1>();
  const scannerFor = (name: PageScannerName, modelId: string, options: PageScanOptions = {}) => {
    const base = options.base ?? '/fixtures/';
    let source = sources.get(base);
    if (!source) sources.set(base, (source = createHttpModelSource(base)));
    return createPageScanner(name, { source, runtime, id: modelId, variant: options.variant ?? 'fp32' }, options.threshold);
  };

  const scanFixture: ScanFixture = async (scanner, modelId, texts, options) => {
    const instance = scannerFor(scanner, modelId, options);
    const many = await instance.scanMany(texts);
    const single: ScanResultV1[] = [];
    for (const text of texts) single.push((await instance.scanMany([text]))[0]!);
    return { many, single };
  };

  const timeScanner: TimeScanner = async (scanner, modelId, text, options = {}) => {
    const { warmup = 5, runs = 50 } = options;
    const base = options.base ?? '/fixtures/';
    const folder = `${base}${encodeURIComponent(modelId)}/`;
    const [tokenizerJson, tokenizerConfig] = await Promise.all(
      ['tokenizer.json', 'tokenizer_config.json'].map(async (file) => {
        const response = await fetch(`${folder}${file}`);
        if (!response.ok) throw new Error(`GET ${folder}${file}: ${response.status}`);
        return (await response.json()) as object;
      }),
    );
    const tokens = createTokenizer(tokenizerJson!, tokenizerConfig!).encode(text, { padding: 'none' }).ids.length;
    const instance = scannerFor(scanner, modelId, options);
    const context = { vault: new Vault() };
    for (let i = 0; i < warmup; i++) {
      const result = await instance.scan(text, context);
      if (result.method !== 'ml') throw new Error(`${scanner} (${modelId}) did not run its model: ${result.fallbackReason ?? result.method}`);
    }
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await instance.scan(text, context);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return {
      tokens,
      warmup,
      runs,
      p50Ms: median(times),
      meanMs: times.reduce((a, b) => a + b, 0) / runs,
      minMs: times[0]!,
      maxMs: times[runs - 1]!,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
    };
  };

  return { scanFixture, timeScanner };
}
