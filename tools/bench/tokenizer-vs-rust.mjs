#!/usr/bin/env node
// Per-text encoding speed of @llm-shield/tokenizer against the Rust `tokenizers` library (its Python binding, which
// calls Rust once per text with less per-call cost than the Node binding's promise per `encode`), on the same
// tokenizer.json and the same texts: deberta-v3-base (SentencePiece/Unigram, converted from spm.model) and
// roberta-base (byte-level BPE).
//
// Interleaved: each round gives both contenders the same fresh slice of the corpus (no text is seen twice, so
// neither side's caches hold whole texts; common words repeat across texts as in real traffic), alternating who goes
// first (with --same-texts every round encodes the first slice again: both sides' word caches are then warm);
// the figure is the median of the per-round ratios (Rust time / our time: above 1 means we are faster).
// Rust also runs `encode_batch` on one thread (RAYON_NUM_THREADS=1) in the same round, and the Node binding
// (`await encode` per text, one promise each) right after. Ids are compared on every
// text of the first round. Not a test.
//
// Usage (from the repository root, after `npx tsc -b tsconfig.build.json`):
//   node tools/bench/tokenizer-vs-rust.mjs [--python /work/venv-train/bin/python] [--rounds 15] [--per-round 200]
//     [--models deberta-v3-base,roberta-base] [--datasets DIR] [--json]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadPool, strideSample } from './ml/corpus.mjs';
import { quantile } from './ml/stats.mjs';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values } = parseArgs({
  options: {
    python: { type: 'string', default: process.env.PYTHON ?? '/work/venv-train/bin/python' },
    rounds: { type: 'string', default: '15' },
    'per-round': { type: 'string', default: '200' },
    models: { type: 'string', default: 'deberta-v3-base,roberta-base' },
    datasets: { type: 'string', default: process.env.LLM_SHIELD_DATASETS ?? join(repoRoot, '..', 'shared', 'datasets') },
    json: { type: 'boolean', default: false },
    'same-texts': { type: 'boolean', default: false },
  },
});
const rounds = Math.max(1, Number.parseInt(values.rounds, 10) || 15);
const perRound = Math.max(1, Number.parseInt(values['per-round'], 10) || 200);
const { createTokenizer, tokenizerJsonFromSentencePiece } = await import(join(repoRoot, 'packages/tokenizer/dist/index.js'));
const { Tokenizer: NodeBinding } = await import('tokenizers');
const TOKENIZERS = join(values.datasets, 'tokenizers');

const MODELS = {
  'deberta-v3-base': () => ({
    json: tokenizerJsonFromSentencePiece(readFileSync(join(TOKENIZERS, 'deberta-v3-base/spm.model')), { kind: 'deberta-v2' }),
    config: JSON.parse(readFileSync(join(TOKENIZERS, 'deberta-v3-base/tokenizer_config.json'), 'utf8')),
  }),
  'roberta-base': () => ({
    json: JSON.parse(readFileSync(join(TOKENIZERS, 'roberta-base/tokenizer.json'), 'utf8')),
    config: JSON.parse(readFileSync(join(TOKENIZERS, 'roberta-base/tokenizer_config.json'), 'utf8')),
  }),
};

const PYTHON_WORKER = String.raw`
import json, sys, time
from tokenizers import Tokenizer
tok = Tokenizer.from_file(sys.argv[1])
tok.no_truncation(); tok.no_padding()
texts = json.load(open(sys.argv[2], encoding="utf-8"))
print(json.dumps({"ready": True}), flush=True)
for line in sys.stdin:
    req = json.loads(line)
    chunk = texts[req["from"]:req["to"]]
    t0 = time.perf_counter()
    for t in chunk:
        tok.encode(t)
    t1 = time.perf_counter()
    tok.encode_batch(chunk)
    t2 = time.perf_counter()
    out = {"perText": (t1 - t0) * 1000, "batch": (t2 - t1) * 1000}
    if req.get("ids"):
        out["ids"] = [tok.encode(t).ids for t in chunk]
    print(json.dumps(out), flush=True)
`;

/** A persistent Python process encoding slices of `texts` with the Rust library on request. */
async function startRust(tokenizerJson, texts, dir) {
  const tokPath = join(dir, 'tokenizer.json');
  const textsPath = join(dir, 'texts.json');
  writeFileSync(tokPath, JSON.stringify(tokenizerJson));
  writeFileSync(textsPath, JSON.stringify(texts));
  const child = spawn(values.python, ['-c', PYTHON_WORKER, tokPath, textsPath], {
    env: { ...process.env, RAYON_NUM_THREADS: '1', RAYON_RS_NUM_CPUS: '1', TOKENIZERS_PARALLELISM: 'true' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the Python worker exited');
    return JSON.parse(value);
  };
  await next();
  return {
    async run(from, to, ids = false) {
      child.stdin.write(`${JSON.stringify({ from, to, ids })}\n`);
      return next();
    },
    stop() {
      child.stdin.end();
    },
  };
}

const load = { start: loadavg()[0] };
const pool = loadPool(undefined, values.datasets);
const texts = strideSample(pool, rounds * perRound);
const results = [];
const dir = mkdtempSync(join(tmpdir(), 'tok-bench-'));
try {
  for (const name of values.models.split(',')) {
    const { json, config } = MODELS[name]();
    const ours = createTokenizer(json, config);
    const rust = await startRust(json, texts, dir);
    const binding = NodeBinding.fromString(JSON.stringify({ ...json, truncation: null, padding: null }));
    const options = { truncation: { strategy: 'none' }, padding: 'none' };
    // Warm-up (JIT) on texts outside the timed slices' order: the last slice, then parity on the first.
    for (const text of texts.slice(-perRound)) ours.encode(text, options);
    await rust.run(texts.length - perRound, texts.length);
    const first = await rust.run(0, perRound, true);
    let same = 0;
    for (let i = 0; i < perRound; i++) if (JSON.stringify(ours.encode(texts[i], options).ids) === JSON.stringify(first.ids[i])) same++;
    const perTextRatios = [];
    const batchRatios = [];
    const bindingRatios = [];
    const oursMs = [];
    const rustMs = [];
    for (let r = 1; r < rounds; r++) {
      const from = values['same-texts'] ? 0 : r * perRound;
      const to = from + perRound;
      const timeOurs = () => {
        const t0 = performance.now();
        for (let i = from; i < to; i++) ours.encode(texts[i], options);
        return performance.now() - t0;
      };
      let mine;
      let theirs;
      if (r % 2 === 0) {
        mine = timeOurs();
        theirs = await rust.run(from, to);
      } else {
        theirs = await rust.run(from, to);
        mine = timeOurs();
      }
      const t0 = performance.now();
      for (let i = from; i < to; i++) await binding.encode(texts[i]);
      const bindingMs = performance.now() - t0;
      bindingRatios.push(bindingMs / mine);
      perTextRatios.push(theirs.perText / mine);
      batchRatios.push(theirs.batch / mine);
      oursMs.push(mine / perRound);
      rustMs.push(theirs.perText / perRound);
    }
    rust.stop();
    results.push({
      model: name,
      texts: perRound,
      rounds: rounds - 1,
      idsEqual: `${same}/${perRound}`,
      oursMsPerText: quantile(oursMs, 0.5),
      rustMsPerText: quantile(rustMs, 0.5),
      ratioPerText: { median: quantile(perTextRatios, 0.5), min: Math.min(...perTextRatios), max: Math.max(...perTextRatios) },
      ratioNodeBinding: { median: quantile(bindingRatios, 0.5), min: Math.min(...bindingRatios), max: Math.max(...bindingRatios) },
      ratioBatch: { median: quantile(batchRatios, 0.5), min: Math.min(...batchRatios), max: Math.max(...batchRatios) },
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
load.end = loadavg()[0];

const report = {
  command: `node tools/bench/tokenizer-vs-rust.mjs ${process.argv.slice(2).join(' ')}`.trim(),
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model, cores: cpus().length, node: process.version },
  loadAverage: load,
  results,
};
if (values.json) console.log(JSON.stringify(report));
else {
  console.log(`load average ${load.start.toFixed(2)} → ${load.end.toFixed(2)}; ${cpus().length} cores; ${perRound} texts per round, ${rounds - 1} timed rounds`);
  console.log('| tokenizer | ids equal (round 1) | ours ms/text | Rust ms/text | Rust/ours per text (median, min–max) | Rust encode_batch (1 thread)/ours | Node binding (await encode per text)/ours |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const f = (s) => `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
    console.log(`| ${r.model} | ${r.idsEqual} | ${r.oursMsPerText.toFixed(4)} | ${r.rustMsPerText.toFixed(4)} | ${f(r.ratioPerText)} | ${f(r.ratioBatch)} | ${f(r.ratioNodeBinding)} |`);
  }
}
