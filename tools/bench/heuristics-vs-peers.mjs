#!/usr/bin/env node
// Throughput of llm-shield's rule-based prompt-injection detector against the peers (vard, npm llm-guard) on
// the same corpus of real prompts: texts/second, warm-up first, several timed passes, median with min–max.
// Prints a table and JSON and writes the section of docs/performance.md. Not a test.
//
// Usage (from the repository root, after `npm run build`):  npm run bench
//   node tools/bench/heuristics-vs-peers.mjs [--datasets DIR] [--repeats 15] [--out docs/performance.md] [--no-write]
import { existsSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { updateMarkedSection } from '../eval/update-marked-section.mjs';
import { staleBundles } from '../build/bundle-packages.mjs';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
process.chdir(repoRoot);

const { values } = parseArgs({
  options: {
    datasets: { type: 'string' },
    repeats: { type: 'string', default: '15' },
    out: { type: 'string', default: 'docs/performance.md' },
    'no-write': { type: 'boolean', default: false },
  },
});
const repeats = Math.max(1, Number.parseInt(values.repeats, 10) || 15);
const datasetsDir = values.datasets ?? process.env.LLM_SHIELD_DATASETS ?? '../shared/datasets';
if (!existsSync(datasetsDir)) {
  console.error(`Datasets not found at ${datasetsDir}; pass --datasets DIR.`);
  process.exit(1);
}
for (const built of ['cli/dist/internal.js', 'core/dist/bundle/index.js', 'heuristics/dist/bundle/index.js', 'scanners/dist/bundle/index.js']) {
  if (!existsSync(join(repoRoot, 'packages', built))) {
    console.error(`packages/${built} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}
const staleBuild = staleBundles();
if (staleBuild.length > 0) {
  console.error(`The bundles of ${staleBuild.join(', ')} are older than tsc's output: run \`npm run build\` (tsc -b alone does not rebundle).`);
  process.exit(1);
}
const { loadExamples } = await import(join(repoRoot, 'packages/cli/dist/internal.js'));
// The packages as an application imports them (their exports: the published bundles).
const { detectPromptInjection, DEFAULT_PROMPT_INJECTION_THRESHOLD = 0.5 } = await import('@llm-shield/heuristics');
const { scanPrompt } = await import('@llm-shield/core');
const { createInputScanner } = await import('@llm-shield/scanners');

// The corpus: every prompt-injection test prompt, plus benign prompts of three kinds, in a fixed order.
const SOURCES = [
  ['jackhhao balanced test', 'prompt_injection/jackhhao-jailbreak-classification/datasets/balanced/jailbreak_dataset_test_balanced.csv', Infinity],
  ['deepset test', 'prompt_injection/deepset-prompt-injections/data/raw/test-00000-of-00001-701d16158af87368.parquet', Infinity],
  ['AlpacaEval', 'benign_prompts/alpaca-eval-805/example/outputs.json', Infinity],
  ['awesome-chatgpt-prompts', 'benign_prompts/awesome-chatgpt-prompts/prompts.csv', Infinity],
  ['NQ-open dev (first 1,000)', 'benign_prompts/nq-open/nq_open/NQ-open.dev.jsonl', 1000],
];
const corpus = [];
const composition = [];
for (const [name, path, limit] of SOURCES) {
  const { examples } = await loadExamples(join(datasetsDir, path));
  const texts = examples.slice(0, limit).map((example) => example.text);
  corpus.push(...texts);
  composition.push(`${name} ${texts.length}`);
}
const chars = corpus.reduce((sum, text) => sum + text.length, 0);

async function peer(name) {
  try {
    return await import(name);
  } catch {
    return undefined;
  }
}

// Each detector: a function classifying one text (sync or async) and what it is.
const detectors = [];
detectors.push({ name: 'llm-shield detectPromptInjection', what: '@llm-shield/heuristics, the bare rule-based detector', run: (text) => detectPromptInjection(text).score > DEFAULT_PROMPT_INJECTION_THRESHOLD });
const piScanner = createInputScanner('PromptInjection');
detectors.push({
  name: 'llm-shield scanPrompt([PromptInjection])',
  what: 'the full pipeline: input checks, scanner, result building',
  run: async (text) => !(await scanPrompt([piScanner], text)).valid,
  async: true,
});
const vardModule = await peer('@andersmyrmel/vard');
if (vardModule) {
  const guard = (vardModule.default ?? vardModule.vard).moderate().maxLength(Number.MAX_SAFE_INTEGER);
  detectors.push({ name: 'vard', what: '@andersmyrmel/vard, moderate preset, safeParse', run: (text) => !guard.safeParse(text).safe });
}
const llmGuardModule = await peer('llm-guard');
if (llmGuardModule) {
  const LLMGuard = llmGuardModule.LLMGuard ?? llmGuardModule.default?.LLMGuard;
  const guard = new LLMGuard({ pii: false, profanity: false, relevance: false, toxicity: false, jailbreak: true, promptInjection: true });
  detectors.push({ name: 'llm-guard (npm)', what: 'llm-guard jailbreak + promptInjection guards, validate()', run: async (text) => !(await guard.validate(text)).isValid, async: true });
}

async function pass(detector) {
  let flagged = 0;
  const started = performance.now();
  if (detector.async) {
    for (const text of corpus) if (await detector.run(text)) flagged++;
  } else {
    for (const text of corpus) if (detector.run(text)) flagged++;
  }
  return { seconds: (performance.now() - started) / 1000, flagged };
}

/** Seconds of untimed whole-corpus passes before timing each detector. */
const WARM_UP_SECONDS = 2;

// Warm-up, the same for every detector: whole-corpus passes until WARM_UP_SECONDS have elapsed (at least one), so
// that JIT tiers and lazy tables settle before timing; a single pass left later passes still warming up.
for (const detector of detectors) {
  let warmed = 0;
  do warmed += (await pass(detector)).seconds;
  while (warmed < WARM_UP_SECONDS);
}
// Timed rounds: in each round every detector makes one whole-corpus pass, their order rotated per round, so that a
// change of machine load hits all of them alike; ratios are taken per round, then their median.
const loadBefore = loadavg().map((x) => x.toFixed(2)).join(' ');
const perRound = detectors.map(() => []);
const flaggedBy = detectors.map(() => 0);
for (let round = 0; round < repeats; round++) {
  for (let k = 0; k < detectors.length; k++) {
    const index = (k + round) % detectors.length;
    const timed = await pass(detectors[index]);
    perRound[index].push(corpus.length / timed.seconds);
    flaggedBy[index] = timed.flagged;
  }
}
const loadAfter = loadavg().map((x) => x.toFixed(2)).join(' ');
const medianOf = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
};
const results = detectors.map((detector, index) => {
  const rates = perRound[index];
  const median = medianOf(rates);
  process.stderr.write(`${detector.name}: ${Math.round(median)} texts/s\n`);
  return { detector: detector.name, what: detector.what, median, min: Math.min(...rates), max: Math.max(...rates), flagged: flaggedBy[index], repeats, rates };
});
/** Median over rounds of (a's texts/s ÷ b's texts/s in the same round), with min and max. */
function roundRatio(a, b) {
  const ratios = a.rates.map((rate, round) => rate / b.rates[round]);
  return { median: medianOf(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const cpu = cpus();
const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} logical cores, ${platform()} ${release()}, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const header = ['detector', 'texts/s (median)', 'min–max', 'flagged', 'what runs'];
const tableRows = results.map((r) => [r.detector, fmt(r.median), `${fmt(r.min)}–${fmt(r.max)}`, `${r.flagged} / ${corpus.length}`, r.what]);
const widths = header.map((h, c) => Math.max(h.length, ...tableRows.map((row) => row[c].length)));
const line = (cells) => cells.map((cell, c) => (c === 0 || c === 4 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
console.log(`corpus: ${corpus.length} texts, ${fmt(chars)} characters (${composition.join(', ')}); ${repeats} interleaved rounds after ${WARM_UP_SECONDS} s of warm-up passes per detector`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of tableRows) console.log(line(row));
const json = { date, machine, load: { before: loadBefore, after: loadAfter }, corpus: { texts: corpus.length, characters: chars, composition }, repeats, results };
console.log(JSON.stringify(json, null, 2));

const ours = results.find((r) => r.detector.includes('detectPromptInjection'));
const pipeline = results.find((r) => r.detector.includes('scanPrompt'));
const vard = results.find((r) => r.detector === 'vard');
const ratioText = (label, ratio) => `${label}: **${ratio.median.toFixed(2)}×** (median of ${repeats} per-round ratios, min ${ratio.min.toFixed(2)}, max ${ratio.max.toFixed(2)})`;
const ratioLines = [
  ours && vard ? `${ratioText("llm-shield's detector ÷ vard", roundRatio(ours, vard))}; the issue's target is ≥ 6×.` : '',
  pipeline && vard ? `${ratioText("llm-shield's scanPrompt pipeline ÷ vard", roundRatio(pipeline, vard))}.` : '',
  ours && pipeline ? `${ratioText('bare detector ÷ scanPrompt pipeline', roundRatio(ours, pipeline))}.` : '',
  `Load average ${loadBefore} before the timed rounds, ${loadAfter} after.`,
].filter(Boolean);
const ratioLine = ratioLines.join('\n');
console.log(ratioLine);

if (!values['no-write']) {
  const body = `## Rule-based prompt-injection detection: llm-shield vs peers

Measured by \`npm run bench\` (\`node tools/bench/heuristics-vs-peers.mjs\`) on ${date}; machine: ${machine}.
Single thread, one text at a time. Corpus: ${corpus.length} real prompts, ${fmt(chars)} characters
(${composition.join(', ')}; from \`../shared/datasets\`). Warm-up passes for ${WARM_UP_SECONDS} s (the same for every
detector), then ${repeats} timed rounds: in each round every detector makes one pass over the whole corpus, their
order rotated per round, so load changes hit them alike; texts/second as the median with min–max, and ratios as the
median of per-round ratios. "flagged" counts texts each detector flagged, to show
they did comparable work, not accuracy (see [accuracy.md](accuracy.md)).

| detector | texts/s (median) | min–max | flagged | what runs |
| --- | ---: | ---: | ---: | --- |
${tableRows.map((row) => `| ${row.join(' | ')} |`).join('\n')}

${ratioLines.join("\n\n")}
`;
  updateMarkedSection(values.out, 'bench-heuristics-vs-peers', '# Performance', body);
  process.stderr.write(`wrote ${values.out}\n`);
}
