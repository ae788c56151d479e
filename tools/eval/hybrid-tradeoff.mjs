#!/usr/bin/env node
// Measures the speed/recall trade-off of the scanners' detection modes on the shared datasets: the rule-based
// detector alone (`heuristic`), the embedded model alone (`ml`), and `hybrid` (the rules decide when the model
// runs), through the same code as `llm-shield eval`. Each (set, mode) runs `--repeats` times; texts/second is the
// median with min–max. Writes a marked section of docs/ml-inference.md.
//
// Usage (from the repository root, after `npm run build`):
//   node tools/eval/hybrid-tradeoff.mjs [--datasets DIR] [--repeats 3] [--out docs/ml-inference.md]
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { updateMarkedSection } from './update-marked-section.mjs';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
process.chdir(repoRoot);
const { values } = parseArgs({
  options: {
    datasets: { type: 'string' },
    repeats: { type: 'string', default: '3' },
    out: { type: 'string', default: 'docs/ml-inference.md' },
  },
});
const datasetsDir = values.datasets ?? process.env.LLM_SHIELD_DATASETS ?? '../shared/datasets';
if (!existsSync(datasetsDir)) {
  console.error(`Datasets not found at ${datasetsDir}; pass --datasets DIR. Nothing was written.`);
  process.exit(1);
}
const { evaluateFromArgs } = await import(join(repoRoot, 'packages/cli/dist/internal.js'));
const repeats = Math.max(1, Number(values.repeats));
const ds = (path) => join(datasetsDir, path);
const SETS = [
  ['prompt-injection', 'jackhhao balanced test', ds('prompt_injection/jackhhao-jailbreak-classification/datasets/balanced/jailbreak_dataset_test_balanced.csv')],
  ['prompt-injection', 'deepset test', ds('prompt_injection/deepset-prompt-injections/data/raw/test-00000-of-00001-701d16158af87368.parquet')],
  ['prompt-injection', 'NQ-open dev (benign)', ds('benign_prompts/nq-open/nq_open/NQ-open.dev.jsonl')],
  ['prompt-injection', 'awesome-chatgpt-prompts (benign)', ds('benign_prompts/awesome-chatgpt-prompts/prompts.csv')],
  ['toxicity', 'Jigsaw test (6 pools)', ds('toxicity/jigsaw-predibase-subsets/data/data_pools/test.*.csv')],
  ['toxicity', 'TweetEval offensive test', ds('toxicity/tweeteval-offensive/datasets/offensive/test_text.txt')],
];
const MODES = ['heuristic', 'ml', 'hybrid'];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const f = (x) => (x === null || x === undefined ? 'n/a' : x.toFixed(3));
const rows = [];
for (const [task, name, data] of SETS) {
  for (const mode of MODES) {
    const speeds = [];
    let report;
    for (let r = 0; r < repeats; r++) {
      report = await evaluateFromArgs(['--task', task, '--data', data, '--detector', 'llm-shield', '--detection-mode', mode]);
      speeds.push(report.textsPerSecond);
    }
    const m = report.binary;
    rows.push({ task, name, mode, n: m.total, recall: m.positives > 0 ? m.recall : null, f1: m.positives > 0 ? m.f1 : null, fpr: m.negatives > 0 ? m.falsePositiveRate : null, speed: median(speeds), min: Math.min(...speeds), max: Math.max(...speeds) });
    process.stderr.write(`${name} · ${mode}: ${Math.round(median(speeds))} texts/s\n`);
  }
}
const table = [
  '| task | data set | mode | n | recall | F1 | FPR | texts/s (median) | min–max |',
  '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| ${r.task} | ${r.name} | ${r.mode} | ${r.n} | ${f(r.recall)} | ${f(r.f1)} | ${f(r.fpr)} | ${Math.round(r.speed).toLocaleString('en-US')} | ${Math.round(r.min).toLocaleString('en-US')}–${Math.round(r.max).toLocaleString('en-US')} |`),
].join('\n');
const cpu = cpus();
const body = `## Hybrid mode: speed and recall on the shared datasets

Measured by \`node tools/eval/hybrid-tradeoff.mjs --repeats ${repeats}\` on ${new Date().toISOString().slice(0, 10)};
machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} logical cores (load average ${loadavg()[0].toFixed(1)} at the end: other jobs shared the machine,
so compare rows of one run, not absolute speeds). One text at a time through \`scanPrompt\`, one onnxruntime-node
thread, the embedded int8 models (\`@llm-shield/models-embedded\`) at their calibrated thresholds; \`hybrid\` asks the
model only when the rule-based detector's score is at least the scanner's \`hybridGate\` (0.2) or it reports a
finding, and then the model decides. texts/s includes dataset parsing.

${table}
`;
updateMarkedSection(values.out, 'hybrid-tradeoff', '# ML inference', body);
console.log(table);
