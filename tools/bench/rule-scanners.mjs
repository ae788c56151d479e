#!/usr/bin/env node
// Throughput of the rule scanners (BanSubstrings with 1,000 substrings, Regex with 20 patterns, InvisibleText,
// TokenLimit, BanCompetitors with 50 names, the output-only ones, and the five input ones in one sequential
// pipeline) on the `npm run bench` corpus: prompts/second, single thread, warm-up first, several timed passes,
// median with min–max. Also times the alternatives measured for the choices made: one RegExp alternation vs the
// Aho–Corasick matcher for 1,000 substrings. Prints a table and JSON and writes the section of docs/performance.md.
// Not a test.
//
// Usage (from the repository root, after `npm run build`):
//   node tools/bench/rule-scanners.mjs [--datasets DIR] [--repeats 7] [--out docs/performance.md] [--no-write]
import { existsSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { updateMarkedSection } from '../eval/update-marked-section.mjs';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
process.chdir(repoRoot);

const { values } = parseArgs({
  options: {
    datasets: { type: 'string' },
    repeats: { type: 'string', default: '7' },
    out: { type: 'string', default: 'docs/performance.md' },
    'no-write': { type: 'boolean', default: false },
  },
});
const repeats = Math.max(1, Number.parseInt(values.repeats, 10) || 7);
const datasetsDir = values.datasets ?? process.env.LLM_SHIELD_DATASETS ?? '../shared/datasets';
if (!existsSync(datasetsDir)) {
  console.error(`Datasets not found at ${datasetsDir}; pass --datasets DIR.`);
  process.exit(1);
}
for (const pkg of ['cli', 'core', 'scanners']) {
  if (!existsSync(join(repoRoot, `packages/${pkg}/dist/index.js`))) {
    console.error(`packages/${pkg}/dist is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}
const { loadExamples } = await import(join(repoRoot, 'packages/cli/dist/index.js'));
const { Vault } = await import(join(repoRoot, 'packages/core/dist/index.js'));
const S = await import(join(repoRoot, 'packages/scanners/dist/index.js'));

// The corpus of `npm run bench` (tools/bench/heuristics-vs-peers.mjs), in the same order.
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

// 1,000 banned substrings: corpus words of 6+ letters ranked 300th to 1,300th by frequency (so some match), fixed.
const counts = new Map();
for (const text of corpus) for (const w of text.toLowerCase().match(/\p{L}{6,}/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
const substrings = ranked.slice(300, 1300);
const PATTERNS = [
  'Bearer [A-Za-z0-9-._~+/]+', '\\b\\d{3}-\\d{2}-\\d{4}\\b', '[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}', 'sk-[A-Za-z0-9]{20,}',
  'AKIA[0-9A-Z]{16}', 'ghp_[A-Za-z0-9]{36}', '\\b(?:\\d[ -]?){13,16}\\b', 'password\\s*[:=]\\s*\\S+',
  '(?i)ignore (all )?previous instructions', 'https?://[^\\s]+', '\\b\\d{1,3}(?:\\.\\d{1,3}){3}\\b', 'xox[baprs]-[A-Za-z0-9-]+',
  '-----BEGIN [A-Z ]*PRIVATE KEY-----', '\\+?\\d{1,3}[ -]?\\(?\\d{3}\\)?[ -]?\\d{3}[ -]?\\d{4}', '(?i)api[_-]?key\\s*[:=]',
  '\\bIBAN\\b', '(?i)\\bDAN\\b', 'eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+', '(?i)jailbreak', '\\$\\{[^}]*\\}',
];
const COMPETITORS = [
  'OpenAI', 'Anthropic', 'Google', 'Alphabet', 'Microsoft', 'Amazon', 'Meta', 'Facebook', 'Apple', 'IBM', 'Oracle', 'Salesforce',
  'Nvidia', 'Intel', 'AMD', 'Samsung', 'Huawei', 'Baidu', 'Alibaba', 'Tencent', 'ByteDance', 'TikTok', 'Netflix', 'Spotify',
  'Uber', 'Lyft', 'Airbnb', 'Tesla', 'SpaceX', 'Twitter', 'LinkedIn', 'Snapchat', 'Pinterest', 'Reddit', 'Dropbox', 'Zoom',
  'Slack', 'Atlassian', 'Adobe', 'SAP', 'Cisco', 'Dell', 'HP', 'Lenovo', 'Sony', 'Nintendo', 'Mistral', 'Cohere', 'Hugging Face', 'DeepMind',
];

const vault = new Vault();
const ctx = { vault };
const banSubstrings = new S.BanSubstrings({ substrings });
const regex = new S.Regex({ patterns: PATTERNS });
const invisible = new S.InvisibleText();
const tokenLimit = new S.TokenLimit();
const competitors = new S.BanCompetitors({ competitors: COMPETITORS });
const json = new S.JSON();
const readingTime = new S.ReadingTime({ maxTime: 1 });
const noRefusal = new S.NoRefusalLight();
const maliciousUrls = new S.MaliciousURLs();
await tokenLimit.scan('warm the encoding', ctx);
const escaped = substrings.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).sort((a, b) => b.length - a.length);
const alternation = new RegExp(escaped.join('|'), 'gi');

const scanners = [
  { name: 'BanSubstrings (1,000 substrings)', what: 'Aho–Corasick, case-insensitive, str', run: async (t) => !(await banSubstrings.scan(t, ctx)).valid, input: true },
  { name: 'Regex (20 patterns)', what: 're2js: one RE2Set pass, spans for the matching patterns', run: async (t) => !(await regex.scan(t, ctx)).valid, input: true },
  { name: 'InvisibleText', what: 'BMP table lookup per code unit', run: async (t) => !(await invisible.scan(t, ctx)).valid, input: true },
  { name: 'TokenLimit (cl100k_base, 4,096)', what: 'gpt-tokenizer, chunked, stops past the limit', run: async (t) => !(await tokenLimit.scan(t, ctx)).valid, input: true },
  { name: 'BanCompetitors (50 names)', what: 'NFKC/zero-width normalisation + Aho–Corasick, whole words', run: async (t) => !(await competitors.scan(t, ctx)).valid, input: true },
  { name: 'JSON (output)', what: 'brace scan + JSON.parse/jsonrepair', run: async (t) => !(await json.scan('', t, ctx)).valid },
  { name: 'ReadingTime (output, 1 min)', what: 'word count', run: async (t) => !(await readingTime.scan('', t, ctx)).valid },
  { name: 'NoRefusalLight (output)', what: 'Aho–Corasick, whole words', run: async (t) => !(await noRefusal.scan('', t, ctx)).valid },
  { name: 'MaliciousURLs (output)', what: 'URL extraction + tldts + rules', run: async (t) => !(await maliciousUrls.scan('', t, ctx)).valid },
];
const inputScanners = [banSubstrings, regex, invisible, tokenLimit, competitors];
scanners.push({
  name: 'pipeline: the five input scanners above, sequentially',
  what: 'await each scan in turn',
  run: async (t) => {
    let flagged = false;
    for (const s of inputScanners) if (!(await s.scan(t, ctx)).valid) flagged = true;
    return flagged;
  },
});
const alternatives = [
  { name: 'alternative: 1,000 substrings as one RegExp alternation, `test`', what: 'V8 irregexp, /gi, longest first: stops at the first match (not used)', run: (t) => { alternation.lastIndex = 0; return alternation.test(t); } },
  {
    name: 'alternative: the same alternation, every match (`exec` loop)',
    what: 'the set of matched substrings, one match per position (not used)',
    run: (t) => {
      const matched = new Set();
      alternation.lastIndex = 0;
      for (let m = alternation.exec(t); m !== null; m = alternation.exec(t)) matched.add(m[0].toLowerCase());
      return matched.size > 0;
    },
  },
  { name: 'alternative: LiteralMatcher.search alone (1,000 substrings)', what: 'the Aho–Corasick matcher without the result', run: (() => { const m = new S.LiteralMatcher(substrings); return (t) => m.search(t).matchedPatterns > 0; })() },
];

// Two clocks: wall time, and this process's CPU time (user + system, process.cpuUsage), which is what a scanner
// costs when the machine is shared: on a loaded machine wall-clock rates fall with the load, CPU-time rates do not.
async function pass(item) {
  let flagged = 0;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  for (const text of corpus) if (await item.run(text)) flagged++;
  const cpu = process.cpuUsage(cpu0);
  return { seconds: (performance.now() - started) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, flagged };
}
const WARM_UP_SECONDS = 1;
const results = [];
for (const item of [...scanners, ...alternatives]) {
  let warmed = 0;
  do warmed += (await pass(item)).seconds;
  while (warmed < WARM_UP_SECONDS);
  const rates = [];
  const cpuRates = [];
  let flagged = 0;
  for (let i = 0; i < repeats; i++) {
    const timed = await pass(item);
    rates.push(corpus.length / timed.seconds);
    cpuRates.push(corpus.length / Math.max(timed.cpuSeconds, 1e-6));
    flagged = timed.flagged;
  }
  const median = (xs) => {
    xs.sort((a, b) => a - b);
    return xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
  };
  const wall = median(rates);
  const cpuMedian = median(cpuRates);
  results.push({ scanner: item.name, what: item.what, cpuMedian, cpuMin: cpuRates[0], cpuMax: cpuRates[cpuRates.length - 1], wall, wallMin: rates[0], wallMax: rates[rates.length - 1], flagged });
  process.stderr.write(`${item.name}: ${Math.round(cpuMedian)} prompts/CPU-s, ${Math.round(wall)} prompts/s wall\n`);
}

const fmt = (n) => Math.round(n).toLocaleString('en-US');
const cpu = cpus();
const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} logical cores, ${platform()} ${release()}, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const rows = results.map(
  (r) => `| ${r.scanner} | ${fmt(r.cpuMedian)} | ${fmt(r.cpuMin)}–${fmt(r.cpuMax)} | ${fmt(r.wall)} | ${r.flagged} / ${corpus.length} | ${r.what} |`,
);
const table = [
  '| scanner | prompts per CPU-second (median) | min–max | prompts/s wall clock (median) | flagged | how |',
  '| --- | ---: | ---: | ---: | ---: | --- |',
  ...rows,
].join('\n');
const load = loadavg().map((x) => x.toFixed(1)).join(', ');
console.log(`corpus: ${corpus.length} texts, ${fmt(chars)} characters; ${repeats} timed passes after ${WARM_UP_SECONDS} s of warm-up; load average at the end ${load}`);
console.log(table);
console.log(JSON.stringify({ date, machine, loadAverage: load, corpus: { texts: corpus.length, characters: chars, composition }, repeats, results }, null, 2));

if (!values['no-write']) {
  const body = `## Rule scanners (issue 15)

Single-thread throughput of each rule scanner's \`scan\` on the \`npm run bench\` corpus (${corpus.length} texts,
${fmt(chars)} characters: ${composition.join(', ')}), median of ${repeats} timed passes after ${WARM_UP_SECONDS} s of warm-up.
Rates are given per second of this process's CPU time (\`process.cpuUsage\`, user + system) and per second of wall
clock; the machine was shared (load average ${load} at the end of the run, on ${cpu.length} cores), which lowers the
wall-clock rates by the share of the cores the process got, not the CPU-time rates.
Targets: each input scanner ≥ 20,000/s, the five input scanners in one sequential pipeline ≥ 3,000/s.
BanSubstrings uses 1,000 corpus words (frequency ranks 300–1,300); Regex 20 secret/PII/injection patterns; BanCompetitors
50 company names (see the script).

Machine: ${machine}. Date: ${date}. Command: \`node tools/bench/rule-scanners.mjs\` (after \`npm run build\`).

${table}

The "alternative" rows are the measurement behind BanSubstrings' matcher: the Aho–Corasick automaton
(\`LiteralMatcher\`) against one compiled \`RegExp\` alternation of the same 1,000 escaped substrings. V8's
alternation is faster only at "does any substring occur" (\`test\` stops at the first match); listing the matches
(\`exec\` loop) it is slower than the automaton, and it still misses substrings that overlap or start where a longer
one matched (so it cannot serve \`containsAll\` or list every banned substring present), with no linear-time bound
from a backtracking engine.

TokenLimit's tokenizer was chosen by measurement on this corpus (encode and count, same machine and run, before
\`js-tiktoken\` was dropped): \`gpt-tokenizer\` 4.0.0 42,910 prompts/s (cl100k_base) and 27,697 (o200k_base) vs
\`js-tiktoken\` 1.0.21 5,105 and 5,577, with identical cl100k token counts on all ${corpus.length} prompts
(\`node\` script, wall clock). TokenLimit adds an exact bound first: a prompt of at most \`limit\` UTF-8 bytes cannot
have more than \`limit\` tokens, so most prompts are not tokenised at all (none of this corpus has 4,096 tokens).
`;
  updateMarkedSection(values.out, 'bench-rule-scanners', '# Performance', body);
  console.log(`wrote ${values.out}`);
}
