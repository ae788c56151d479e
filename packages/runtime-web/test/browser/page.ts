/**
 * The browser test's page (built by Vite in browser.test.ts): tokenizes texts with @llm-shield/tokenizer and runs
 * a fixture model with @llm-shield/runtime-web on WASM, then hands ids and logits back to the test; and runs the ML
 * scanners of @llm-shield/scanners on the same runtime, with the fixtures and the embedded models, and times them
 * (`scanFixture`, `timeScanner`, see scan-fixture.ts).
 */
import type { TensorV1 } from '@llm-shield/core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test page only: tokenizes text the way an app would
import { createTokenizer } from '@llm-shield/tokenizer';
import { createWebRuntime } from '../../src/index.js';
import { createScanFixture } from './scan-fixture.js';

/** What the page returns for one fixture. */
export interface PageResult {
  inputNames: string[];
  ids: number[][];
  logits: number[][];
  batchLogits: number[][];
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response;
}

function int64(rows: number[][], fill: number): TensorV1 {
  const width = Math.max(...rows.map((r) => r.length));
  const data = new BigInt64Array(rows.length * width).fill(BigInt(fill));
  rows.forEach((row, r) => row.forEach((v, i) => (data[r * width + i] = BigInt(v))));
  return { type: 'int64', dims: [rows.length, width], data };
}

function rowsOf(tensor: TensorV1 | undefined): number[][] {
  if (tensor?.type !== 'float32') throw new Error('logits must be float32');
  const [batch, width] = tensor.dims as [number, number];
  const data = tensor.data as Float32Array;
  return Array.from({ length: batch }, (_, r) => Array.from(data.subarray(r * width, (r + 1) * width)));
}

const runtime = createWebRuntime({ intraOpThreads: 1, wasmPaths: '/ort/' });

async function runFixture(name: string, texts: string[], padId: number): Promise<PageResult> {
  const base = `/fixtures/${name}/`;
  const [model, tokenizerJson, tokenizerConfig] = await Promise.all([
    fetchOk(`${base}model.onnx`).then(async (r) => new Uint8Array(await r.arrayBuffer())),
    fetchOk(`${base}tokenizer.json`).then((r) => r.json() as Promise<object>),
    fetchOk(`${base}tokenizer_config.json`).then((r) => r.json() as Promise<object>),
  ]);
  const tokenizer = createTokenizer(tokenizerJson, tokenizerConfig);
  const encodings = texts.map((text) => tokenizer.encode(text));
  const session = await runtime.createSession({ bytes: model });
  const feedsFor = (picked: typeof encodings): Record<string, TensorV1> => {
    const columns: Record<string, [number[][], number]> = {
      input_ids: [picked.map((e) => e.ids), padId],
      attention_mask: [picked.map((e) => e.attentionMask), 0],
      token_type_ids: [picked.map((e) => e.tokenTypeIds ?? e.ids.map(() => 0)), 0],
    };
    return Object.fromEntries(session.inputNames.map((n) => [n, int64(columns[n]![0], columns[n]![1])]));
  };
  try {
    const logits: number[][] = [];
    for (const encoding of encodings) logits.push(rowsOf((await session.run(feedsFor([encoding]))).logits)[0]!);
    const batchLogits = rowsOf((await session.run(feedsFor(encodings))).logits);
    return { inputNames: [...session.inputNames], ids: encodings.map((e) => e.ids), logits, batchLogits };
  } finally {
    await session.dispose();
  }
}

const { scanFixture, timeScanner } = createScanFixture(runtime);
Object.assign(globalThis, { runFixture, scanFixture, timeScanner });
document.getElementById('status')!.textContent = 'ready';
