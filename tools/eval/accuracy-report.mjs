#!/usr/bin/env node
// Runs every evaluation of docs/accuracy.md through the built CLI's eval library (the same code path as
// `llm-shield eval`), ours and the peers side by side, and writes the tables with the machine, the date and
// one `llm-shield eval …` command per row that reproduces it.
//
// Usage (from the repository root, after `npm run build`):
//   node tools/eval/accuracy-report.mjs [--datasets DIR] [--out docs/accuracy.md] [--json]
// DIR defaults to ../shared/datasets (or $LLM_SHIELD_DATASETS).
import { existsSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { updateMarkedSection } from './update-marked-section.mjs';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
process.chdir(repoRoot);

const { values } = parseArgs({
  options: {
    datasets: { type: 'string' },
    out: { type: 'string', default: 'docs/accuracy.md' },
    json: { type: 'boolean', default: false },
  },
});
const datasetsDir = values.datasets ?? process.env.LLM_SHIELD_DATASETS ?? '../shared/datasets';
if (!existsSync(datasetsDir)) {
  console.error(`Datasets not found at ${datasetsDir}; pass --datasets DIR. Nothing was written.`);
  process.exit(1);
}
const cliDist = join(repoRoot, 'packages/cli/dist/internal.js');
if (!existsSync(cliDist)) {
  console.error('packages/cli/dist is missing: run `npm run build` first.');
  process.exit(1);
}
const { evaluateFromArgs, DETECTORS_BY_TASK } = await import(cliDist);

/** A path under the datasets folder, as written in the commands (relative to the repository root by default). */
const ds = (path) => join(datasetsDir, path);

/**
 * Extra rows: the embedded models (`--detection-mode ml`: the model decides; `hybrid`: the rule-based detector
 * decides when the model runs), and the sentiment analyser with the symmetric neutral band 0.4, the label rule chosen on the pre-2017
 * SemEval tweets (DEV) for accuracy, next to its default rule, chosen on the same DEV for macro-recall.
 */
const EMBEDDED_RUNS = ['llm-shield --detection-mode ml', 'llm-shield --detection-mode hybrid'];
const EXTRA_RUNS = {
  'prompt-injection': EMBEDDED_RUNS,
  toxicity: EMBEDDED_RUNS,
  sentiment: ['llm-shield --threshold 0.4', ...EMBEDDED_RUNS],
};

/** Ordinary prompts (all benign): the false-positive rate of the prompt-injection and of the toxicity detectors. */
const BENIGN_SETS = [
  {
    name: 'NQ-open dev + efficientqa test (search questions)',
    data: [
      ds('benign_prompts/nq-open/nq_open/NQ-open.dev.jsonl'),
      ds('benign_prompts/nq-open/nq_open/NQ-open.efficientqa.test.1.1.no-annotations.jsonl'),
    ],
  },
  { name: 'AlpacaEval 805 instructions', data: [ds('benign_prompts/alpaca-eval-805/example/outputs.json')] },
  { name: 'awesome-chatgpt-prompts ("act as" roleplay)', data: [ds('benign_prompts/awesome-chatgpt-prompts/prompts.csv')] },
];

/** The evaluations: one table row per (set, detector). */
const SETS = [
  {
    section: 'prompt-injection',
    name: 'jackhhao jailbreak-classification, balanced test',
    task: 'prompt-injection',
    data: [ds('prompt_injection/jackhhao-jailbreak-classification/datasets/balanced/jailbreak_dataset_test_balanced.csv')],
  },
  {
    section: 'prompt-injection',
    name: 'deepset prompt-injections, test',
    task: 'prompt-injection',
    data: [ds('prompt_injection/deepset-prompt-injections/data/raw/test-00000-of-00001-701d16158af87368.parquet')],
  },
  ...BENIGN_SETS.map((set) => ({ ...set, section: 'benign', task: 'prompt-injection' })),
  {
    section: 'toxicity',
    name: 'Jigsaw (predibase subsets), all 6 test pools',
    task: 'toxicity',
    data: [ds('toxicity/jigsaw-predibase-subsets/data/data_pools/test.*.csv')],
  },
  {
    section: 'toxicity',
    name: 'TweetEval offensive, test',
    task: 'toxicity',
    data: [ds('toxicity/tweeteval-offensive/datasets/offensive/test_text.txt')],
  },
  {
    section: 'toxicity',
    name: 'TweetEval hate, test',
    task: 'toxicity',
    data: [ds('toxicity/tweeteval-hate/datasets/hate/test_text.txt')],
  },
  ...BENIGN_SETS.map((set) => ({ ...set, section: 'toxicity-benign', task: 'toxicity' })),
  {
    section: 'sentiment',
    name: 'SemEval-2017 Task 4A, 2017 test (gold)',
    task: 'sentiment',
    data: [ds('sentiment/semeval2017-task4a/dataset/Subtask_A/gold/SemEval2017-task4-test.subtask-A.english.txt')],
  },
];

const quote = (arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

const rows = [];
for (const set of SETS) {
  for (const spec of [...DETECTORS_BY_TASK[set.task], ...(EXTRA_RUNS[set.task] ?? [])]) {
    const [detector, ...detectorArgs] = spec.split(' ');
    const args = ['--task', set.task, ...set.data.flatMap((path) => ['--data', path]), '--detector', detector, ...detectorArgs];
    const command = `npx llm-shield eval ${args.map(quote).join(' ')}`;
    process.stderr.write(`${set.name} · ${spec} … `);
    try {
      const report = await evaluateFromArgs(args);
      rows.push({ set, detector: spec, command, report });
      process.stderr.write(`${report.examples} rows, ${(report.durationMs / 1000).toFixed(1)} s\n`);
    } catch (error) {
      rows.push({ set, detector: spec, command, error: `${error.code ? `[${error.code}] ` : ''}${error.message}` });
      process.stderr.write(`error: ${error.message}\n`);
    }
  }
}

const f = (value) => (value === null || value === undefined ? 'n/a' : value.toFixed(3));
const detectorCell = (row) => (row.detector.startsWith('llm-shield') ? `**${row.detector}**` : row.detector);

function table(header, body) {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`, ...body.map((cells) => `| ${cells.join(' | ')} |`)].join('\n');
}

function section(name) {
  return rows.filter((row) => row.set.section === name);
}

function binaryTable(list) {
  return table(
    ['data set', 'detector', 'n (pos/neg)', 'precision', 'recall', 'F1', 'macro-F1', 'accuracy', 'FPR', 'ROC AUC'],
    list.map((row) => {
      if (row.error) return [row.set.name, detectorCell(row), 'error', row.error, '', '', '', '', '', ''];
      const m = row.report.binary;
      return [
        row.set.name,
        detectorCell(row),
        `${m.total} (${m.positives}/${m.negatives})`,
        f(m.precision),
        f(m.recall),
        f(m.f1),
        f(m.macroF1),
        f(m.accuracy),
        f(m.falsePositiveRate),
        f(m.rocAuc),
      ];
    }),
  );
}

function benignTable(list) {
  return table(
    ['data set (all benign)', 'detector', 'n', 'false positives', 'FPR'],
    list.map((row) => {
      if (row.error) return [row.set.name, detectorCell(row), 'error', row.error, ''];
      const m = row.report.binary;
      return [row.set.name, detectorCell(row), String(m.total), String(m.confusion.fp), f(m.falsePositiveRate)];
    }),
  );
}

function sentimentTable(list) {
  return table(
    ['data set', 'detector', 'n', 'macro-recall (AvgRec)', 'macro-F1', 'F1^PN', 'accuracy', 'neg F1', 'neu F1', 'pos F1'],
    list.map((row) => {
      if (row.error) return [row.set.name, detectorCell(row), 'error', row.error, '', '', '', '', '', ''];
      const m = row.report.sentiment;
      return [
        row.set.name,
        detectorCell(row),
        String(m.total),
        f(m.macroRecall),
        f(m.macroF1),
        f(m.f1PN),
        f(m.accuracy),
        ...m.perClass.map((c) => f(c.f1)),
      ];
    }),
  );
}

const cpu = cpus();
const machine = `${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} logical cores, ${platform()} ${release()}, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const detectorLines = [
  ...new Set(rows.filter((row) => row.report).map((row) => `- ${row.set.task}, \`${row.detector}\`: ${row.report.detector.description}`)),
];
const band = (name) => rows.find((row) => row.set.task === 'sentiment' && row.detector === name && row.report)?.report.detector.threshold;

const body = `## Detector accuracy on public data sets

Generated by \`node tools/eval/accuracy-report.mjs\` on ${date}; machine: ${machine}.
Every row runs the same code as \`llm-shield eval\`; the command that reproduces it is listed under
[Commands](#commands). Data: \`../shared/datasets\` (see its README for sources and licences). Speed is
measured separately, with warm-up and repeats, in [performance.md](performance.md).

Detectors (\`--detector\`):
${detectorLines.join('\n')}

Positive class: injection/jailbreak (prompt injection), toxic/offensive/hate (toxicity). FPR = false-positive rate
= share of benign texts flagged. macro-F1 = mean of the positive- and negative-class F1 (OffensEval's / TweetEval
offensive's metric). ROC AUC uses each detector's score (vard: highest threat severity;
llm-guard-npm: 1 − its score), so it is coarse for detectors with few distinct scores.

### Prompt injection / jailbreak

${binaryTable(section('prompt-injection'))}

### False positives on ordinary prompts (prompt-injection detectors)

${benignTable(section('benign'))}

### Toxicity

Jigsaw: all six \`data_pools/test.*.csv\` pools together (label \`is_bad\`). TweetEval: labels named by
\`mapping.txt\` (offensive / hate are positive).

${binaryTable(section('toxicity'))}

### False positives on ordinary prompts (toxicity detectors)

The toxicity scanner also runs on prompts: ordinary instructions and questions that mention killing a process,
shooting an email or a war should pass.

${benignTable(section('toxicity-benign'))}

### Sentiment (3-way)

SemEval-2017 Task 4A's primary metric is macro-averaged recall (AvgRec); F1^PN is the mean F1 of positive and
negative. Class conventions: \`llm-shield\` uses the analyser's default labels (negative if compound < 0,
positive if ≥ 0.25: the rule chosen for macro-recall on the pre-2017 SemEval tweets, never on this test);
\`llm-shield --threshold 0.4\` uses the symmetric band |compound| < 0.4 (the rule chosen for accuracy on the same
pre-2017 tweets: 0.590 vs 0.589 there); VADER compound ≥ ${band('vader') ?? 0.05} / ≤ −${band('vader') ?? 0.05} (VADER's usual convention); AFINN (\`sentiment\`) score > 0 / < 0.

${sentimentTable(section('sentiment'))}

### Commands

Run from the repository root after \`npm run build\` (add \`--json\` for every number, \`--show-errors 10\` to see
mistakes):

\`\`\`sh
${rows.map((row) => row.command).join('\n')}
\`\`\`
`;

updateMarkedSection(values.out, 'accuracy-report', '# Accuracy', body);
process.stderr.write(`wrote ${values.out}\n`);
if (values.json) {
  process.stdout.write(
    `${JSON.stringify(
      rows.map((row) => ({ set: row.set.name, detector: row.detector, command: row.command, error: row.error, report: row.report })),
      null,
      2,
    )}\n`,
  );
}
