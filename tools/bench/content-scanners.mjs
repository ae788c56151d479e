#!/usr/bin/env node
// Single-thread throughput of the content scanners (Language, LanguageSame, Code, BanCode, Gibberish) on the
// `npm run bench` corpus (tools/bench/heuristics-vs-peers.mjs: jackhhao and deepset test prompts, AlpacaEval,
// awesome-chatgpt-prompts, the first 1,000 NQ-open questions): texts/second, one warm-up pass, then the median of
// several timed passes. Prints a Markdown table. Not a test.
//
// Usage (after `npx tsc -b tsconfig.build.json`): node tools/bench/content-scanners.mjs [--datasets DIR] [--repeats 5]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const { values } = parseArgs({ options: { datasets: { type: 'string' }, repeats: { type: 'string', default: '5' } } });
const repeats = Math.max(1, Number.parseInt(values.repeats, 10) || 5);
const datasetsDir = resolve(values.datasets ?? process.env.LLM_SHIELD_DATASETS ?? join(repoRoot, '../shared/datasets'));
if (!existsSync(datasetsDir)) {
  console.error(`Datasets not found at ${datasetsDir}; pass --datasets DIR.`);
  process.exit(1);
}
const { loadExamples } = await import(join(repoRoot, 'packages/cli/dist/index.js'));
const { Vault } = await import(join(repoRoot, 'packages/core/dist/index.js'));
const s = await import(join(repoRoot, 'packages/scanners/dist/index.js'));

const SOURCES = [
  ['prompt_injection/jackhhao-jailbreak-classification/datasets/balanced/jailbreak_dataset_test_balanced.csv', Infinity],
  ['prompt_injection/deepset-prompt-injections/data/raw/test-00000-of-00001-701d16158af87368.parquet', Infinity],
  ['benign_prompts/alpaca-eval-805/example/outputs.json', Infinity],
  ['benign_prompts/awesome-chatgpt-prompts/prompts.csv', Infinity],
  ['benign_prompts/nq-open/nq_open/NQ-open.dev.jsonl', 1000],
];
const corpus = [];
for (const [path, limit] of SOURCES) corpus.push(...(await loadExamples(join(datasetsDir, path))).examples.slice(0, limit).map((e) => e.text));
const context = { vault: new Vault() };
const answer = 'Sure. Here is a short answer in plain English, as you asked.';

const scanners = [
  ['Language (full, valid en)', s.createLanguageScanner({ validLanguages: ['en'] }), 'input'],
  ['Language (sentence, valid en)', s.createLanguageScanner({ validLanguages: ['en'], matchType: 'sentence' }), 'input'],
  ['LanguageSame (prompt vs fixed answer)', s.createLanguageSameScanner(), 'output'],
  ['Code (languages Python, blocked)', s.createCodeScanner({ languages: ['Python'] }), 'input'],
  ['BanCode', s.createBanCodeScanner(), 'input'],
  ['Gibberish (full)', s.createGibberishScanner(), 'input'],
  ['Gibberish (sentence)', s.createGibberishScanner({ matchType: 'sentence' }), 'input'],
];
const run = async (scanner, kind) => {
  let flagged = 0;
  for (const text of corpus) {
    const result = kind === 'input' ? await scanner.scan(text, context) : await scanner.scan(text, answer, context);
    if (!result.valid) flagged++;
  }
  return flagged;
};
console.log(`corpus: ${corpus.length} texts, ${corpus.reduce((n, t) => n + t.length, 0).toLocaleString('en-US')} characters; Node ${process.version}; ${repeats} timed passes\n`);
console.log('| scanner | texts/s (median) | min–max | flagged |');
console.log('|---|---|---|---|');
for (const [name, scanner, kind] of scanners) {
  const flagged = await run(scanner, kind);
  const rates = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    await run(scanner, kind);
    rates.push(corpus.length / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => a - b);
  const f = (x) => Math.round(x).toLocaleString('en-US');
  console.log(`| ${name} | ${f(rates[Math.floor(rates.length / 2)])} | ${f(rates[0])}–${f(rates.at(-1))} | ${flagged} |`);
}
