#!/usr/bin/env node
// Speed of llm-shield's ML scanners against the bare model and against transformers.js, for one ONNX classifier
// folder (model.onnx or onnx/model.onnx, config.json, tokenizer.json [, tokenizer_config.json]) and a corpus of real
// prompts. Same model file, same onnxruntime-node, same threads for everyone.
//
// Rows (batch 1, one text per call; every text's calls are interleaved across the methods, order rotating, so load
// drift hits all alike):
//   - `ort.run`: onnxruntime-node's InferenceSession.run on tensors tokenised beforehand (the floor);
//   - `runtime-node`: @llm-shield/runtime-node's session.run on the same tensors (our runtime wrapper);
//   - `tokenize only`: @llm-shield/tokenizer encoding the text as the scanner does (part of the scanner's time);
//   - `scanner`: the scanner's scanMany([text]) (tokenise, run, softmax/sigmoid, result), mode `ml`, no cache;
//   - `transformers.js`: pipeline('text-classification')(text) of @huggingface/transformers on the same folder.
// Two length settings: `natural` (each text as is, cut at the model window) and `seq 128` (texts of at least 128
// tokens, cut to 128, the issue's target: scanner overhead ≤ 3% over `ort.run`).
// Throughput: scanMany(all texts) with batchSize B (length-bucketed) against transformers.js on batches of B texts
// (in input order, as its pipeline pads each batch to its longest), and ort.run on the scanner's buckets.
// Warm-up pass first; each figure is the median of the repeats with min–max. Prints a table and JSON. Not a test.
//
// Usage (from the repository root, after `npm run build`):
//   node tools/bench/ml-scanner-bench.mjs [--model-dir DIR] [--scanner PromptInjection|Toxicity|Sentiment]
//     [--corpus FILE.jsonl|FILE.txt] [--datasets ../shared/datasets] [--texts 200] [--long-texts 100]
//     [--repeats 5] [--threads 1] [--batch-size 8] [--no-transformers] [--json]
// Default model: models/fixtures/tiny-deberta-injection (tiny random weights: session.run takes tens of
// microseconds there, so overhead ratios on fixtures are pessimistic; pass a production-shaped model with --model-dir).
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, existsSync } from 'node:fs';
import { cpus, platform, release, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import * as ort from 'onnxruntime-node';
import { createNodeRuntime } from '@llm-shield/runtime-node';
import { PromptInjection, Sentiment, Toxicity } from '@llm-shield/scanners';
import { createTokenizer } from '@llm-shield/tokenizer';
import { loadPool, strideSample } from './ml/corpus.mjs';
import { FIXTURES_DIR, folderSource, int64Feeds, modelPath, readJson, REPO_ROOT, scannerFor } from './ml/model-folder.mjs';
import { formatSummary, interleavedPass, quantile, summary } from './ml/stats.mjs';

const { values } = parseArgs({
  options: {
    'model-dir': { type: 'string', default: join(FIXTURES_DIR, 'tiny-deberta-injection') },
    scanner: { type: 'string' },
    corpus: { type: 'string' },
    datasets: { type: 'string', default: process.env.LLM_SHIELD_DATASETS ?? join(REPO_ROOT, '..', 'shared', 'datasets') },
    texts: { type: 'string', default: '200' },
    'long-texts': { type: 'string', default: '100' },
    repeats: { type: 'string', default: '5' },
    threads: { type: 'string', default: '1' },
    'batch-size': { type: 'string', default: '8' },
    'no-transformers': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const int = (name, min) => {
  const value = Number.parseInt(values[name], 10);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${values[name]}`);
  return value;
};
const modelDir = resolve(values['model-dir']);
const [textCount, longCount, repeats, threads, batchSize] = [int('texts', 1), int('long-texts', 0), int('repeats', 1), int('threads', 1), int('batch-size', 1)];
const SCANNERS = { PromptInjection, Sentiment, Toxicity };
const log = (...args) => (values.json ? console.error(...args) : console.log(...args));

// ---- model, tokenizer, corpus --------------------------------------------------------------------------------
const config = readJson(join(modelDir, 'config.json'));
const scannerName = values.scanner ?? scannerFor(config, basename(modelDir)).scanner;
if (!SCANNERS[scannerName]) throw new Error(`--scanner must be one of ${Object.keys(SCANNERS).join(', ')}`);
const tokenizerConfigPath = join(modelDir, 'tokenizer_config.json');
const tokenizer = createTokenizer(readJson(join(modelDir, 'tokenizer.json')), existsSync(tokenizerConfigPath) ? readJson(tokenizerConfigPath) : {});
const window = tokenizer.modelMaxLength;
const pool = loadPool(values.corpus, values.datasets);
const naturalTexts = strideSample(pool, textCount);
// Texts of at least 128 tokens (checked on candidates of ≥ 300 characters: 128 tokens are never fewer).
const longPool = pool.filter((text) => text.length >= 300 && tokenizer.tokenizeToIds(text).length + tokenizer.specialTokenCount >= 128);
const longTexts = strideSample(longPool, longCount);

// ---- the contenders -------------------------------------------------------------------------------------------
const sessionOptions = { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all', executionMode: 'sequential' };
const rawSession = await ort.InferenceSession.create(modelPath(modelDir), sessionOptions);
const runtime = createNodeRuntime({ intraOpThreads: threads, interOpThreads: 1 });
const wrapped = await runtime.createSession({ path: modelPath(modelDir) });
const model = { source: folderSource(modelDir), runtime, id: basename(modelDir), variant: 'fp32' };
const makeScanner = (maxLength) =>
  new SCANNERS[scannerName]({ model, mode: 'ml', useFallback: false, batchSize, longInput: { mode: 'full', maxLength } });

let transformers;
let tjsDir;
if (!values['no-transformers']) {
  // transformers.js wants <localModelPath>/<id>/{config.json, tokenizer*.json, onnx/model.onnx}: link the files there.
  const { pipeline, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  tjsDir = mkdtempSync(join(tmpdir(), 'llm-shield-tjs-'));
  env.localModelPath = tjsDir;
  mkdirSync(join(tjsDir, 'model', 'onnx'), { recursive: true });
  symlinkSync(modelPath(modelDir), join(tjsDir, 'model', 'onnx', 'model.onnx'));
  for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json']) {
    if (existsSync(join(modelDir, file))) symlinkSync(join(modelDir, file), join(tjsDir, 'model', file));
  }
  const pipe = await pipeline('text-classification', 'model', { dtype: 'fp32', device: 'cpu', session_options: sessionOptions });
  const version = readJson(join(REPO_ROOT, 'node_modules', '@huggingface', 'transformers', 'package.json')).version;
  // The pipeline truncates to the tokenizer's model_max_length (no option for it): set it to our window.
  const setMaxLength = (n) => (pipe.tokenizer._tokenizerConfig.model_max_length = n);
  transformers = { pipe, version, setMaxLength };
}

/** The feeds the model gets for one text cut at maxLength, as TensorV1 (runtime-node) and ort.Tensor (raw). */
function preTokenise(texts, maxLength) {
  return texts.map((text) => {
    const e = tokenizer.encode(text, { maxLength, truncation: { strategy: 'right' }, padding: 'none' });
    const columns = { input_ids: [e.ids], attention_mask: [e.attentionMask], token_type_ids: [e.tokenTypeIds ?? e.ids.map(() => 0)] };
    const feeds = int64Feeds(columns, wrapped.inputNames, tokenizer.padId);
    const raw = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, new ort.Tensor('int64', t.data, t.dims)]));
    return { feeds, raw, length: e.ids.length };
  });
}

// ---- batch-1 latency ------------------------------------------------------------------------------------------
async function latencyRow(label, texts, maxLength) {
  const scanner = makeScanner(maxLength);
  const inputs = preTokenise(texts, maxLength);
  transformers?.setMaxLength(maxLength);
  const methods = {
    'ort.run': (i) => rawSession.run(inputs[i].raw),
    'runtime-node': (i) => wrapped.run(inputs[i].feeds),
    'tokenize only': async (i) => tokenizer.encode(texts[i], { maxLength, truncation: { strategy: 'right' }, padding: 'none' }),
    scanner: (i) => scanner.scanMany([texts[i]]),
    ...(transformers ? { 'transformers.js': (i) => transformers.pipe(texts[i], { top_k: null }) } : {}),
  };
  const names = Object.keys(methods);
  const pass = () => interleavedPass(methods, texts.length);
  await pass(); // warm-up (loads the scanner's model and the pipeline's session paths, JIT)
  const runs = [];
  for (let r = 0; r < repeats; r++) runs.push(await pass());
  const stats = {};
  for (const name of names) {
    stats[name] = { p50: summary(runs.map((t) => quantile(t[name], 0.5))), p95: summary(runs.map((t) => quantile(t[name], 0.95))) };
  }
  const base = stats['ort.run'].p50.median;
  const overhead = Object.fromEntries(names.map((n) => [n, stats[n].p50.median / base - 1]));
  // The scanner must score exactly what ort.run computes on the pre-tokenised tensors (same inputs), and
  // transformers.js's agreement with it (its tokenisation and truncation differ: it cuts the closing [SEP]/</s>).
  const ours = await scanner.scanMany(texts);
  const { expected } = scannerFor(config, basename(modelDir));
  let sameInputs = 0;
  for (const [i, input] of inputs.entries()) {
    const out = await rawSession.run(input.raw);
    sameInputs = Math.max(sameInputs, Math.abs(expected(Array.from(out[rawSession.outputNames[0]].data)).score - ours[i].score));
  }
  let agreement;
  if (transformers) {
    let worst = 0;
    for (const [i, text] of texts.entries()) {
      const theirs = await transformers.pipe(text, { top_k: null });
      const labels = Object.keys(config.id2label).sort((a, b) => a - b).map((k) => config.id2label[k]);
      const byLabel = Object.fromEntries(theirs.map((x) => [x.label, x.score]));
      // Their probabilities → logits-free score: feed log-probabilities, which softmax/sigmoid map back (monotone).
      const pseudoLogits = labels.map((l) => (config.problem_type === 'multi_label_classification' ? Math.log(byLabel[l] / (1 - byLabel[l])) : Math.log(byLabel[l])));
      worst = Math.max(worst, Math.abs(expected(pseudoLogits).score - ours[i].score));
    }
    agreement = worst;
  }
  const lengths = inputs.map((x) => x.length);
  return {
    row: label, texts: texts.length, maxLength, tokens: { p50: quantile(lengths, 0.5), max: Math.max(...lengths) }, stats, overhead,
    maxAbsScoreDiffVsOrtRun: sameInputs, maxAbsScoreDiffTransformersJs: agreement,
  };
}

// ---- throughput -----------------------------------------------------------------------------------------------
async function throughputRow(texts, maxLength) {
  const scanner = makeScanner(maxLength);
  transformers?.setMaxLength(maxLength);
  const inputs = preTokenise(texts, maxLength);
  // ort.run on the scanner's buckets: sorted by length, batches of batchSize, each padded to its longest.
  const order = texts.map((_, i) => i).sort((a, b) => inputs[a].length - inputs[b].length);
  const buckets = [];
  for (let i = 0; i < order.length; i += batchSize) {
    const rows = order.slice(i, i + batchSize).map((j) => tokenizer.encode(texts[j], { maxLength, truncation: { strategy: 'right' }, padding: 'none' }));
    const feeds = int64Feeds({ input_ids: rows.map((e) => e.ids), attention_mask: rows.map((e) => e.attentionMask), token_type_ids: rows.map((e) => e.tokenTypeIds ?? e.ids.map(() => 0)) }, wrapped.inputNames, tokenizer.padId);
    buckets.push(Object.fromEntries(Object.entries(feeds).map(([n, t]) => [n, new ort.Tensor('int64', t.data, t.dims)])));
  }
  const methods = {
    'ort.run (same buckets)': async () => { for (const feeds of buckets) await rawSession.run(feeds); },
    'scanner.scanMany': () => scanner.scanMany(texts),
    ...(transformers
      ? { 'transformers.js (batches in input order)': async () => { for (let i = 0; i < texts.length; i += batchSize) await transformers.pipe(texts.slice(i, i + batchSize), { top_k: null }); } }
      : {}),
  };
  const result = {};
  for (const [name, run] of Object.entries(methods)) {
    await run(); // warm-up
    const rates = [];
    for (let r = 0; r < repeats; r++) {
      const start = performance.now();
      await run();
      rates.push(texts.length / ((performance.now() - start) / 1000));
    }
    result[name] = summary(rates);
  }
  return { texts: texts.length, batchSize, maxLength, textsPerSecond: result };
}

const latency = [await latencyRow('natural', naturalTexts, window)];
if (longTexts.length > 0) latency.push(await latencyRow('seq 128', longTexts, 128));
const throughput = await throughputRow(naturalTexts, window);
await Promise.all([rawSession.release(), wrapped.dispose()]);
if (tjsDir) rmSync(tjsDir, { recursive: true, force: true });

// ---- report ---------------------------------------------------------------------------------------------------
const machine = {
  platform: `${platform()} ${release()}`,
  cpu: `${cpus()[0]?.model ?? 'unknown'} (${cpus().length} logical cores visible)`,
  node: process.version,
  'onnxruntime-node': readJson(join(REPO_ROOT, 'node_modules', 'onnxruntime-node', 'package.json')).version,
  ...(transformers ? { '@huggingface/transformers': transformers.version } : {}),
  threads,
};
const report = {
  command: `node tools/bench/ml-scanner-bench.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  machine,
  model: { dir: modelDir.startsWith(REPO_ROOT) ? modelDir.slice(REPO_ROOT.length + 1) : modelDir, bytes: readFileSync(modelPath(modelDir)).byteLength, scanner: scannerName, window },
  corpus: values.corpus ?? `../shared/datasets/extra (${pool.length} texts; ${naturalTexts.length} sampled, ${longTexts.length} of ≥ 128 tokens)`,
  repeats,
  latency,
  throughput,
};
if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  log(`${report.model.dir} (${scannerName}, ${(report.model.bytes / 1e6).toFixed(1)} MB), ${machine.cpu}, Node ${machine.node}, onnxruntime-node ${machine['onnxruntime-node']}, ${threads} thread(s), ${repeats} repeats`);
  for (const row of latency) {
    log(`\nBatch 1, ${row.row}: ${row.texts} texts, tokens p50 ${row.tokens.p50} max ${row.tokens.max} (window ${row.maxLength}); ms, median of ${repeats} (min–max)`);
    log('| method | p50 ms | p95 ms | p50 vs ort.run |');
    log('|---|---|---|---|');
    for (const [name, s] of Object.entries(row.stats)) {
      log(`| ${name} | ${formatSummary(s.p50)} | ${formatSummary(s.p95)} | ${name === 'ort.run' || name === 'tokenize only' ? '—' : `${row.overhead[name] >= 0 ? '+' : ''}${(row.overhead[name] * 100).toFixed(1)}%`} |`);
    }
    log(`max |score(scanner) − score from ort.run logits| (same tensors): ${row.maxAbsScoreDiffVsOrtRun.toExponential(2)}`);
    if (row.maxAbsScoreDiffTransformersJs !== undefined) log(`max |score(scanner) − score(transformers.js)| over these texts: ${row.maxAbsScoreDiffTransformersJs.toExponential(2)}`);
  }
  log(`\nThroughput: ${throughput.texts} texts, batch size ${throughput.batchSize}; texts/s, median of ${repeats} (min–max)`);
  log('| method | texts/s |');
  log('|---|---|');
  for (const [name, s] of Object.entries(throughput.textsPerSecond)) log(`| ${name} | ${formatSummary(s, 1)} |`);
  log(`\n${JSON.stringify(report)}`);
}
