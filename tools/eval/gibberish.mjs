#!/usr/bin/env node
/**
 * Gibberish scanner accuracy: share of texts flagged (default threshold 0.97, `full` and `sentence`) on generated
 * gibberish (tools/train/gibberish/generate.mjs, a seed the trainer does not use) and on real text the model was
 * not trained on: alpaca-eval instructions, nq-open questions, dstc8 user turns, gsm8k test, humaneval code,
 * tatoeba (45 languages), mintaka (8 languages), URLs and short replies.
 *
 * Usage (build packages/scanners first): node tools/eval/gibberish.mjs [--datasets ../shared/datasets]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gibberishSamples, prng, sentencesOf } from '../train/gibberish/generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const di = args.indexOf('--datasets');
const datasets = resolve(di >= 0 ? args[di + 1] : join(here, '../../../shared/datasets'));
const dist = join(here, '../../packages/scanners/dist/content');
const { createGibberishScanner } = await import(pathToFileURL(join(dist, 'gibberish.js')).href);
const { gibberishTables } = await import(pathToFileURL(join(dist, 'gibberish-model.js')).href);
const { Vault } = await import('@llm-shield/core');
const context = { vault: new Vault() };

const jsonl = (p) => readFileSync(join(datasets, p), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
const alpaca = JSON.parse(readFileSync(join(datasets, 'benign_prompts/alpaca-eval-805/example/outputs.json'), 'utf8')).map((r) => r.instruction);
const nq = readFileSync(join(datasets, 'benign_prompts/nq-open/nq_open/NQ-open.dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).question);
const tdir = join(datasets, 'benign_prompts/tatoeba-laser-multilingual/data/tatoeba/v1');
const tatoeba = readdirSync(tdir).filter((f) => f.startsWith('tatoeba.')).flatMap((f) => readFileSync(join(tdir, f), 'utf8').split('\n').filter(Boolean).slice(0, 40));
const mintaka = JSON.parse(readFileSync(join(datasets, 'benign_prompts/mintaka-multilingual-questions/data/mintaka_dev.json'), 'utf8'))
  .slice(0, 250).flatMap((it) => Object.values(it.translations));
const dstc8 = jsonl('extra/dstc8_sgd_user.jsonl');
const urls = [
  'https://github.com/protectai/llm-guard/blob/main/llm_guard/input_scanners/gibberish.py',
  'Check https://www.example.com/path/to/page?query=abc123&x=y for details.',
  'Send it to jane.doe+test@example.org please',
  'See docs at docs.python.org/3/library/re.html#re.compile',
  'Open ./src/components/Header.tsx and /usr/local/bin/node',
  'http://xkcd.com/927/',
  'The file is at C:\\Users\\bob\\Documents\\report_final_v2.docx',
];
const short = ['ok', 'Thanks!', 'yes please', 'Hi there', 'Sounds good.', 'No.', 'Why?', 'lol', 'Tell me more', 'OK, book it.', 'brb', 'Hmm, not sure.'];
const vocabulary = [...gibberishTables().vocabulary];
const r = prng(99);
const sentences = sentencesOf(alpaca, 2);
const generated = gibberishSamples(r, 300, vocabulary, sentences);
const byKind = {};
for (const g of generated) (byKind[g.kind] ??= []).push(g.text);

const sets = [
  ...Object.entries(byKind).map(([k, v]) => [`gibberish: ${k}`, v, true]),
  ['real: alpaca-eval instructions', alpaca, false],
  ['real: nq-open questions', nq, false],
  ['real: dstc8 user turns', dstc8, false],
  ['real: gsm8k test', jsonl('extra/gsm8k_test.jsonl'), false],
  ['real: humaneval (code)', jsonl('extra/humaneval.jsonl'), false],
  ['real: tatoeba (45 languages × 40)', tatoeba, false],
  ['real: mintaka (8 languages × 250)', mintaka, false],
  ['real: URLs, e-mail, paths', urls, false],
  ['real: short replies', short, false],
];
const scanners = { full: createGibberishScanner(), sentence: createGibberishScanner({ matchType: 'sentence' }) };
console.log('| set | texts | expected | flagged (full) | flagged (sentence) |');
console.log('|---|---|---|---|---|');
const tot = { full: { tp: 0, p: 0, fp: 0, n: 0 }, sentence: { tp: 0, p: 0, fp: 0, n: 0 } };
for (const [name, texts, isGib] of sets) {
  const cells = [];
  for (const [mode, scanner] of Object.entries(scanners)) {
    let flagged = 0;
    for (const t of texts) if (!(await scanner.scan(t, context)).valid) flagged++;
    const s = tot[mode];
    if (isGib) { s.tp += flagged; s.p += texts.length; } else { s.fp += flagged; s.n += texts.length; }
    cells.push((flagged / texts.length).toFixed(3));
  }
  console.log(`| ${name} | ${texts.length} | ${isGib ? 'flag' : 'pass'} | ${cells.join(' | ')} |`);
}
const line = (k) => { const s = tot[k]; return `recall ${(s.tp / s.p).toFixed(3)}, false-positive rate ${(s.fp / s.n).toFixed(4)}, accuracy ${((s.tp + s.n - s.fp) / (s.p + s.n)).toFixed(3)}`; };
console.log(`\nfull: ${line('full')}\nsentence: ${line('sentence')}`);
