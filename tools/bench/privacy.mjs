#!/usr/bin/env node
// Throughput of @llm-shield/privacy's Anonymize (rules) and Secrets scanners on the corpus used by `npm run bench`
// (prompt-injection test prompts plus benign prompts, loaded the same way as tools/bench/heuristics-vs-peers.mjs):
// prompts/second, single thread, one prompt at a time, warm-up first, several timed passes, median with min–max.
// Prompts per CPU-second (process user + system time) is printed too: on a shared, loaded machine it is the fairer
// single-thread figure. Not a test.
//
// Usage (from the repository root, after `npm run build`):
//   node tools/bench/privacy.mjs [--datasets DIR] [--repeats 7]
import { existsSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
process.chdir(repoRoot);
const { values } = parseArgs({ options: { datasets: { type: 'string' }, repeats: { type: 'string', default: '7' } } });
const repeats = Math.max(1, Number.parseInt(values.repeats, 10) || 7);
const datasetsDir = values.datasets ?? process.env.LLM_SHIELD_DATASETS ?? '../shared/datasets';
if (!existsSync(datasetsDir)) {
  console.error(`Datasets not found at ${datasetsDir}; pass --datasets DIR.`);
  process.exit(1);
}
for (const pkg of ['cli', 'core', 'privacy']) {
  if (!existsSync(join(repoRoot, `packages/${pkg}/dist/index.js`))) {
    console.error(`packages/${pkg}/dist is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}
const { loadExamples } = await import(join(repoRoot, 'packages/cli/dist/internal.js'));
const { Vault } = await import(join(repoRoot, 'packages/core/dist/index.js'));
const { createAnonymize, createSecrets } = await import(join(repoRoot, 'packages/privacy/dist/index.js'));

// The same corpus as tools/bench/heuristics-vs-peers.mjs.
const SOURCES = [
  ['jackhhao balanced test', 'prompt_injection/jackhhao-jailbreak-classification/datasets/balanced/jailbreak_dataset_test_balanced.csv', Infinity],
  ['deepset test', 'prompt_injection/deepset-prompt-injections/data/raw/test-00000-of-00001-701d16158af87368.parquet', Infinity],
  ['AlpacaEval', 'benign_prompts/alpaca-eval-805/example/outputs.json', Infinity],
  ['awesome-chatgpt-prompts', 'benign_prompts/awesome-chatgpt-prompts/prompts.csv', Infinity],
  ['NQ-open dev (first 1,000)', 'benign_prompts/nq-open/nq_open/NQ-open.dev.jsonl', 1000],
];
const corpus = [];
for (const [, path, limit] of SOURCES) {
  const { examples } = await loadExamples(join(datasetsDir, path));
  corpus.push(...examples.slice(0, limit).map((e) => e.text));
}
const chars = corpus.reduce((n, t) => n + t.length, 0);

const scanners = [
  ['Anonymize (rules, placeholders)', createAnonymize()],
  ['Secrets', createSecrets()],
];
const results = [];
for (const [name, scanner] of scanners) {
  let flagged = 0;
  let cpuSeconds = 0;
  const pass = async () => {
    flagged = 0;
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const text of corpus) {
      const r = await scanner.scan(text, { vault: new Vault() });
      if (!r.valid) flagged++;
    }
    const c = process.cpuUsage(c0);
    cpuSeconds = (c.user + c.system) / 1e6;
    return (performance.now() - t0) / 1000;
  };
  const warmUntil = performance.now() + 2000;
  do await pass();
  while (performance.now() < warmUntil);
  const rates = [];
  const cpuRates = [];
  for (let i = 0; i < repeats; i++) {
    rates.push(corpus.length / (await pass()));
    cpuRates.push(corpus.length / cpuSeconds);
  }
  rates.sort((a, b) => a - b);
  cpuRates.sort((a, b) => a - b);
  results.push({ scanner: name, median: rates[Math.floor(rates.length / 2)], min: rates[0], max: rates[rates.length - 1], perCpuSecond: cpuRates[Math.floor(cpuRates.length / 2)], flagged });
}
const fmt = (x) => Math.round(x).toLocaleString('en-US');
console.log(`corpus: ${corpus.length} prompts, ${fmt(chars)} characters; ${repeats} timed passes after 2 s of warm-up`);
console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'} (${cpus().length} cores), ${platform()} ${release()}, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| scanner | prompts/s wall (median) | min–max | prompts per CPU-second (median) | flagged |');
console.log('|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.scanner} | ${fmt(r.median)} | ${fmt(r.min)}–${fmt(r.max)} | ${fmt(r.perCpuSecond)} | ${r.flagged} / ${corpus.length} |`);
console.log(JSON.stringify({ corpus: { prompts: corpus.length, characters: chars }, repeats, results }));
