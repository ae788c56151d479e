/**
 * Deterministic sample of real texts from `../shared/datasets` for the parity tests (never copied into the repo).
 * Node-only test helper.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readParquetStrings } from './parquet-strings.js';

/** `../shared/datasets` relative to the repository root (vitest runs from the root). */
export const DATASETS = join(process.cwd(), '..', 'shared', 'datasets');

/** True when the shared datasets are present. */
export const HAVE_DATASETS = existsSync(join(DATASETS, 'tokenizers'));

/** A seeded PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(items: readonly T[], count: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}

/** Parses RFC-4180 CSV (quoted fields, doubled quotes, newlines in quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field.length > 0 || row.length > 0) rows.push([...row, field]);
  return rows;
}

const read = (path: string): string => readFileSync(join(DATASETS, path), 'utf8');
const lines = (path: string): string[] => read(path).split('\n').filter((l) => l.trim().length > 0);
const jsonl = (path: string): string[] => lines(path).map((l) => (JSON.parse(l) as { text: string }).text);

/** Deterministic variations that stress tokenizers: runs of spaces, tabs, emoji, URLs, accents, zero-width. */
function vary(text: string, random: () => number): string {
  const words = text.split(' ');
  const extras = ['😀', '👩‍💻', '🇩🇪', 'https://example.com/a?b=c&d=%20e', 'café', 'cafe\u0301', '\u200b', '\u00a0', 'naïve', 'Straße', '\t', '\n\n', '…', '“quoted”', '日本語', 'Ελληνικά', '\ufeff'];
  const out: string[] = [];
  for (const word of words) {
    out.push(word);
    const r = random();
    if (r < 0.08) out.push(' '.repeat(2 + Math.floor(random() * 6)));
    else if (r < 0.16) out.push(extras[Math.floor(random() * extras.length)] ?? '');
  }
  return out.join(random() < 0.5 ? ' ' : '  ');
}

/** Returns about 2,400 texts: jackhhao, deepset (German), tweeteval, SST-2, alpaca, extra, and stressed variants. */
export function sampleTexts(seed = 20240601): string[] {
  const random = rng(seed);
  const jackhhao = parseCsv(read('prompt_injection/jackhhao-jailbreak-classification/datasets/balanced/jailbreak_dataset_train_balanced.csv'))
    .slice(1)
    .map((r) => r[0] ?? '')
    .filter((t) => t.length > 0);
  const deepsetDir = 'prompt_injection/deepset-prompt-injections/data/raw';
  const deepset = ['train-00000-of-00001-9564e8b05b4757ab.parquet', 'test-00000-of-00001-701d16158af87368.parquet'].flatMap((f) =>
    readParquetStrings(readFileSync(join(DATASETS, deepsetDir, f))),
  );
  const tweets = [...lines('toxicity/tweeteval-offensive/datasets/offensive/train_text.txt'), ...lines('toxicity/tweeteval-hate/datasets/hate/train_text.txt')];
  const sst = lines('sentiment/sst2-glue/SST-2/train.tsv')
    .slice(1)
    .map((l) => l.split('\t')[1] ?? '');
  const alpaca = (JSON.parse(read('benign_prompts/alpaca-eval-805/example/outputs.json')) as Array<{ instruction: string; output: string }>).flatMap((r) => [
    r.instruction,
    r.output,
  ]);
  const extra = [...jsonl('extra/safeguard_train.jsonl'), ...jsonl('extra/gpteacher_codegen.jsonl'), ...jsonl('extra/dstc8_sgd_user.jsonl')];
  const base = [
    ...pick(jackhhao, 400, random),
    ...pick(deepset, 400, random),
    ...pick(tweets, 500, random),
    ...pick(sst, 250, random),
    ...pick(alpaca, 300, random),
    ...pick(extra, 250, random),
  ];
  const varied = pick(base, 300, random).map((t) => vary(t, random));
  return [...base, ...varied];
}
