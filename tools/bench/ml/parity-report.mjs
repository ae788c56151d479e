#!/usr/bin/env node
// Parity of llm-shield's ML path with Python, for every fixture model of models/fixtures: max |Δlogit| of
// runtime-node and of runtime-web (WASM, in Node) against the logits Python's onnxruntime (and torch) recorded in
// reference.json (single texts and one right-padded batch), token ids of @llm-shield/tokenizer against Python's
// `tokenizers`, and the ML scanners' scores and label scores against softmax / sigmoid of the reference logits
// computed by hand. Prints a table and JSON. Not a test (the tests assert the same within 1e-4).
//
// Usage (from the repository root, after `npm run build`):
//   node tools/bench/ml/parity-report.mjs [--json]
import { readFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeRuntime } from '@llm-shield/runtime-node';
import { createWebRuntime } from '@llm-shield/runtime-web';
import { PromptInjection, Sentiment, Toxicity } from '@llm-shield/scanners';
import { createTokenizer } from '@llm-shield/tokenizer';
import { FIXTURES_DIR, fixtureNames, folderSource, int64Feeds, logitRows, readJson, REPO_ROOT, scannerFor } from './model-folder.mjs';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const SCANNERS = { PromptInjection, Sentiment, Toxicity };

const maxAbs = (a, b) => a.reduce((worst, value, i) => Math.max(worst, Math.abs(value - b[i])), 0);
const version = (pkg) => readJson(join(REPO_ROOT, 'node_modules', pkg, 'package.json')).version;

/** Max |Δ| of one runtime's logits against Python's: one text at a time, then all texts in one padded batch. */
async function runtimeParity(runtime, dir, reference) {
  const session = await runtime.createSession({ bytes: new Uint8Array(readFileSync(join(dir, 'model.onnx'))) });
  try {
    let onnxruntime = 0;
    let torch = 0;
    const column = (samples) => ({
      input_ids: samples.map((s) => s.input_ids),
      attention_mask: samples.map((s) => s.attention_mask),
      token_type_ids: samples.map((s) => s.token_type_ids ?? s.input_ids.map(() => 0)),
    });
    for (const sample of reference.samples) {
      const [row] = logitRows((await session.run(int64Feeds(column([sample]), session.inputNames, reference.pad_token_id))).logits);
      onnxruntime = Math.max(onnxruntime, maxAbs(row, sample.logits_onnxruntime));
      torch = Math.max(torch, maxAbs(row, sample.logits_torch));
    }
    const batch = logitRows((await session.run(int64Feeds(column(reference.samples), session.inputNames, reference.pad_token_id))).logits);
    const padded = Math.max(...batch.map((row, i) => maxAbs(row, reference.samples[i].logits_onnxruntime)));
    return { onnxruntime, torch, padded };
  } finally {
    await session.dispose();
  }
}

/** Max |Δ| of the scanner's score and label scores against the hand-computed ones, and the methods seen. */
async function scannerParity(runtime, dir, name, reference) {
  const { scanner, expected } = scannerFor(readJson(join(dir, 'config.json')), name);
  const instance = new SCANNERS[scanner]({ model: { source: folderSource(dir), runtime, id: name, variant: 'fp32' }, mode: 'ml', useFallback: false });
  const results = await instance.scanMany(reference.samples.map((s) => s.text));
  let score = 0;
  let labels = 0;
  results.forEach((result, i) => {
    const want = expected(reference.samples[i].logits_onnxruntime);
    score = Math.max(score, Math.abs(result.score - want.score));
    for (const finding of result.findings) labels = Math.max(labels, Math.abs(finding.score - want.labels[finding.category]));
  });
  return { scanner, methods: [...new Set(results.map((r) => r.method))], score, labels };
}

const node = createNodeRuntime({ intraOpThreads: 1, interOpThreads: 1 });
const web = createWebRuntime({ intraOpThreads: 1 });
const rows = [];
for (const name of fixtureNames()) {
  const dir = join(FIXTURES_DIR, name);
  const reference = readJson(join(dir, 'reference.json'));
  const tokenizer = createTokenizer(readJson(join(dir, 'tokenizer.json')), readJson(join(dir, 'tokenizer_config.json')));
  const idsEqual = reference.samples.filter((s) => JSON.stringify(tokenizer.encode(s.text, { padding: 'none' }).ids) === JSON.stringify(s.input_ids)).length;
  rows.push({
    fixture: name,
    inputs: reference.input_names,
    texts: reference.samples.length,
    tokenIdsEqual: idsEqual,
    runtimeNode: await runtimeParity(node, dir, reference),
    runtimeWeb: await runtimeParity(web, dir, reference),
    scannerNode: await scannerParity(node, dir, name, reference),
    scannerWeb: await scannerParity(web, dir, name, reference),
  });
}

const machine = {
  platform: `${platform()} ${release()}`,
  cpu: `${cpus()[0]?.model ?? 'unknown'} (${cpus().length} logical cores visible)`,
  node: process.version,
  'onnxruntime-node': version('onnxruntime-node'),
  'onnxruntime-web': version('onnxruntime-web'),
  threads: 1,
};
const report = { command: 'node tools/bench/ml/parity-report.mjs', machine, fixtures: rows };
if (values.json) {
  console.log(JSON.stringify(report, null, 2));
} else {
  const e = (x) => x.toExponential(1);
  console.log(`Parity with Python (reference.json), ${machine.cpu}, Node ${machine.node}, onnxruntime-node ${machine['onnxruntime-node']}, onnxruntime-web ${machine['onnxruntime-web']} (WASM in Node), 1 thread\n`);
  console.log('| fixture | inputs | token ids = Python | runtime-node vs ORT-py / torch / padded batch | runtime-web vs ORT-py / torch / padded batch | scanner | score vs hand softmax/sigmoid (node / web) | label scores (node / web) |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const rt = (p) => `${e(p.onnxruntime)} / ${e(p.torch)} / ${e(p.padded)}`;
    console.log(
      `| ${r.fixture} | ${r.inputs.length} | ${r.tokenIdsEqual}/${r.texts} | ${rt(r.runtimeNode)} | ${rt(r.runtimeWeb)} | ${r.scannerNode.scanner} (${r.scannerNode.methods.join(',')}) | ${e(r.scannerNode.score)} / ${e(r.scannerWeb.score)} | ${e(r.scannerNode.labels)} / ${e(r.scannerWeb.labels)} |`,
    );
  }
  console.log(`\n${JSON.stringify(report)}`);
}
