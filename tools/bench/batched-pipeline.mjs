#!/usr/bin/env node
// The batched pipeline against the per-text pipeline: PromptInjection + Toxicity + Sentiment (the embedded models)
// over a corpus of real prompts (default 1,000, sampled at an even stride from ../shared/datasets/extra as
// production-bench.mjs does). Per round, both contenders scan the whole corpus, in alternating order:
//   sequential  `shield.scanPrompt(text)` for each text in turn (core's sequential pipeline);
//   batched     `shield.scanPromptMany(corpus)` (each scanner once over all texts, its model batched).
// Reports texts/second of each (median with min–max over rounds) and the median of the per-round ratios, with the
// load average before and after. Checks that both give the same verdicts. Not a test.
//
// Usage (from the repository root, after `npm run build`):
//   node tools/bench/batched-pipeline.mjs [--rounds 5] [--corpus-size 1000] [--variant int8] [--mode ml]
//     [--datasets DIR] [--corpus FILE] [--json]
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { createShield } from '@llm-shield/node';
import { loadPool, strideSample } from './ml/corpus.mjs';
import { REPO_ROOT } from './ml/model-folder.mjs';
import { formatSummary, quantile, summary } from './ml/stats.mjs';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    'corpus-size': { type: 'string', default: '1000' },
    variant: { type: 'string', default: 'int8' },
    mode: { type: 'string', default: 'ml' },
    datasets: { type: 'string', default: process.env.LLM_SHIELD_DATASETS ?? join(REPO_ROOT, '..', 'shared', 'datasets') },
    corpus: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const rounds = Number.parseInt(values.rounds, 10);
const corpus = strideSample(loadPool(values.corpus, values.datasets), Number.parseInt(values['corpus-size'], 10));
const chars = corpus.reduce((sum, text) => sum + text.length, 0);
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
const loadBefore = load();

const cache = mkdtempSync(join(tmpdir(), 'llm-shield-bench-'));
const shield = await createShield({
  env: { LLM_SHIELD_HUB_CACHE: join(cache, 'hub') },
  input: ['PromptInjection', 'Toxicity', 'Sentiment'],
  output: [],
  variant: values.variant,
  detectionMode: values.mode,
});
const origins = shield.models.map((m) => `${m.scanner}:${m.id}:${m.variant ?? '?'}:${m.origin}`);
await shield.ready();

async function sequential() {
  const out = [];
  for (const text of corpus) out.push(await shield.scanPrompt(text));
  return out;
}
const batched = () => shield.scanPromptMany(corpus);
const contenders = { sequential, batched };

// Warm-up: one pass of each; verdicts must agree.
const [a, b] = [await sequential(), await batched()];
const disagreements = a.filter((r, i) => r.valid !== b[i].valid).length;

const rates = { sequential: [], batched: [] };
const ratios = [];
for (let r = 0; r < rounds; r++) {
  const order = r % 2 === 0 ? ['sequential', 'batched'] : ['batched', 'sequential'];
  const seconds = {};
  for (const name of order) {
    const start = performance.now();
    await contenders[name]();
    seconds[name] = (performance.now() - start) / 1000;
    rates[name].push(corpus.length / seconds[name]);
  }
  ratios.push(seconds.sequential / seconds.batched);
  if (!values.json) console.error(`round ${r + 1}: sequential ${(corpus.length / seconds.sequential).toFixed(0)}/s, batched ${(corpus.length / seconds.batched).toFixed(0)}/s, ratio ${ratios.at(-1).toFixed(2)}`);
}
await shield.close();
rmSync(cache, { recursive: true, force: true });

const result = {
  date: new Date().toISOString(),
  machine: `${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}`,
  load: { before: loadBefore, after: load() },
  corpus: { texts: corpus.length, characters: chars },
  models: origins,
  mode: values.mode,
  rounds,
  textsPerSecond: { sequential: summary(rates.sequential), batched: summary(rates.batched) },
  ratio: { median: quantile(ratios, 0.5), min: Math.min(...ratios), max: Math.max(...ratios) },
  verdictDisagreements: disagreements,
};
if (values.json) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`${result.machine}; load ${result.load.before} → ${result.load.after}`);
  console.log(`corpus ${corpus.length} texts, ${chars} chars; models ${origins.join(', ')}; mode ${values.mode}; ${rounds} interleaved rounds`);
  console.log(`sequential scanPrompt per text: ${formatSummary(result.textsPerSecond.sequential, 0)} texts/s`);
  console.log(`scanPromptMany:                 ${formatSummary(result.textsPerSecond.batched, 0)} texts/s`);
  console.log(`median of per-round ratios: ${result.ratio.median.toFixed(2)}× (min ${result.ratio.min.toFixed(2)}, max ${result.ratio.max.toFixed(2)}); verdicts differing: ${disagreements} / ${corpus.length}`);
}
