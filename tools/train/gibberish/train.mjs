#!/usr/bin/env node
/**
 * Trains the Gibberish scanner's model and writes packages/scanners/src/content/gibberish-model.ts.
 *
 * Data (licences allow shipping a model trained on them; see ../../../../shared/datasets/README.md):
 *   extra/gsm8k_train.jsonl (MIT), extra/gpteacher_roleplay.jsonl (MIT), extra/gpteacher_codegen.jsonl (MIT),
 *   extra/self_instruct_seed.jsonl (Apache-2.0), benign_prompts/awesome-chatgpt-prompts/prompts.csv (CC0-1.0).
 * 1. Character trigram log-probabilities (30 symbols, add-0.1 smoothing) and a word list (most frequent words).
 * 2. Word-class bigram log-probabilities (function words as classes, then content / unknown / number / edge).
 * 3. A logistic model over gibberishFeatures() (packages/scanners/dist, build first) fitted on generated gibberish
 *    (keyboard mashing, random strings, pseudo-words, word salad, shuffled sentences; generate.mjs) vs sentences and
 *    fragments of the training texts. Seeded: the same data gives the same file.
 *
 * Usage: npx tsc -b packages/scanners/tsconfig.json && node tools/train/gibberish/train.mjs [--datasets DIR]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gibberishSamples, prng, sentencesOf } from './generate.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../../..');
const args = process.argv.slice(2);
const di = args.indexOf('--datasets');
const datasets = resolve(di >= 0 ? args[di + 1] : join(root, '../shared/datasets'));
const features = await import(pathToFileURL(join(root, 'packages/scanners/dist/content/gibberish-features.js')).href);
const { charClass, stripNonLanguage, words, gibberishFeatures, GIBBERISH_ALPHABET_SIZE: A, WORD_CLASS_EXTRA, GIBBERISH_FEATURE_NAMES } = features;

const TRAINING_SOURCES = [
  'extra/gsm8k_train.jsonl (MIT)',
  'extra/gpteacher_roleplay.jsonl (MIT)',
  'extra/gpteacher_codegen.jsonl (MIT)',
  'extra/self_instruct_seed.jsonl (Apache-2.0)',
  'benign_prompts/awesome-chatgpt-prompts/prompts.csv (CC0-1.0)',
];
const jsonl = (p) => readFileSync(join(datasets, p), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
const acp = readFileSync(join(datasets, 'benign_prompts/awesome-chatgpt-prompts/prompts.csv'), 'utf8').split('\n').slice(1)
  .map((l) => l.replace(/^"[^"]*","/, '').replace(/"$/, '').replace(/""/g, '"')).filter((t) => t.length > 10);
const texts = [...jsonl('extra/gsm8k_train.jsonl'), ...jsonl('extra/gpteacher_roleplay.jsonl'), ...jsonl('extra/gpteacher_codegen.jsonl'), ...jsonl('extra/self_instruct_seed.jsonl'), ...acp];

// Latin-script sentences in other languages (tatoeba lines from 100 on, mintaka items from 250 on: the evaluation
// reads the lines before), for the pooled multilingual character model and as real negatives.
const LATIN = ['cat', 'ces', 'dan', 'deu', 'est', 'fin', 'fra', 'hrv', 'hun', 'ind', 'ita', 'lit', 'lvs', 'nld', 'nob', 'pol', 'por', 'ron', 'slk', 'slv', 'spa', 'swe', 'swh', 'tgl', 'tur', 'vie', 'zsm'];
const tdir = join(datasets, 'benign_prompts/tatoeba-laser-multilingual/data/tatoeba/v1');
const foreign = [];
for (const code of LATIN) foreign.push(...readFileSync(join(tdir, `tatoeba.${code}-eng.${code}`), 'utf8').split('\n').slice(100).filter(Boolean));
for (const item of JSON.parse(readFileSync(join(datasets, 'benign_prompts/mintaka-multilingual-questions/data/mintaka_dev.json'), 'utf8')).slice(250)) {
  for (const code of ['de', 'es', 'fr', 'it', 'pt']) foreign.push(item.translations[code]);
}
TRAINING_SOURCES.push('benign_prompts/tatoeba-laser-multilingual, 27 Latin-script languages, lines 101+ (CC BY 2.0 FR, Tatoeba)', 'benign_prompts/mintaka-multilingual-questions de/es/fr/it/pt, items 251+ (CC BY 4.0, Amazon)');

// 1. character trigrams: English, and all Latin-script languages pooled
function trigramCounts(list) {
  const counts = new Float64Array(A * A * A);
  for (const raw of list) {
    const t = stripNonLanguage(raw);
    let c1 = 26, c2 = 26;
    for (let i = 0; i <= t.length; i++) {
      const c3 = i === t.length ? 26 : charClass(t.charCodeAt(i));
      if (c3 === 29) { c1 = 26; c2 = 26; continue; }
      if (c3 === 26 && c2 === 26) continue;
      counts[(c1 * A + c2) * A + c3] += 1;
      c1 = c2; c2 = c3;
    }
  }
  return counts;
}
const SCALE = 16;
const quantise = (lp) => Math.max(0, Math.min(255, Math.round(-lp * SCALE)));
function trigramBytes(counts) {
  const bytes = new Uint8Array(A * A * A);
  for (let ctx = 0; ctx < A * A; ctx++) {
    let total = 0;
    for (let c = 0; c < A; c++) total += counts[ctx * A + c];
    for (let c = 0; c < A; c++) bytes[ctx * A + c] = quantise(Math.log((counts[ctx * A + c] + 0.1) / (total + 0.1 * A)));
  }
  return bytes;
}
const charBytes = trigramBytes(trigramCounts(texts));
const multiBytes = trigramBytes(trigramCounts([...texts, ...foreign]));

// vocabulary and function words
const FUNCTION_WORDS = `the a an and or but if then else of to in on at by for with from as into onto about over under after before between
through during without within is are was were be been being am do does did done have has had having will would shall should can could may might
must i you he she it we they me him her us them my your his its our their mine yours this that these those there here what which who whom whose
when where why how not no nor so than too very just also only all any each every some such both either neither more most other another own same
one two up out off down again further once s t don't i'm it's let's please`.split(/\s+/).filter(Boolean);
const freq = new Map();
for (const t of texts) for (const w of words(stripNonLanguage(t))) if (w !== '<number>') freq.set(w, (freq.get(w) ?? 0) + 1);
const VOCAB_SIZE = 8000;
const vocabularyList = [...freq].filter(([w, n]) => n >= 3 && w.length >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, VOCAB_SIZE).map(([w]) => w).sort();
const vocabulary = new Set(vocabularyList);

// 2. word-class bigrams
const classes = FUNCTION_WORDS.length + WORD_CLASS_EXTRA.length;
const fIndex = new Map(FUNCTION_WORDS.map((w, i) => [w, i]));
const classOf = (w) => (w === '<number>' ? classes - 2 : fIndex.get(w) ?? (vocabulary.has(w) ? classes - 4 : classes - 3));
const bigrams = new Float64Array(classes * classes);
for (const s of sentencesOf(texts)) {
  let prev = classes - 1;
  for (const w of words(stripNonLanguage(s))) { const c = classOf(w); bigrams[prev * classes + c] += 1; prev = c; }
  bigrams[prev * classes + classes - 1] += 1;
}
const classBytes = new Uint8Array(classes * classes);
for (let p = 0; p < classes; p++) {
  let total = 0;
  for (let c = 0; c < classes; c++) total += bigrams[p * classes + c];
  for (let c = 0; c < classes; c++) classBytes[p * classes + c] = quantise(Math.log((bigrams[p * classes + c] + 0.1) / (total + 0.1 * classes)));
}
const tables = {
  charLogProb: Float32Array.from(charBytes, (b) => -b / SCALE),
  multilingualCharLogProb: Float32Array.from(multiBytes, (b) => -b / SCALE),
  vocabulary,
  functionWords: FUNCTION_WORDS,
  classLogProb: Float32Array.from(classBytes, (b) => -b / SCALE),
};

// 3. logistic model
const r = prng(20261207);
const sentences = sentencesOf(texts, 2);
const real = [];
for (let i = 0; i < 6000; i++) {
  const s = sentences[Math.floor(r() * sentences.length)];
  if (i % 3 === 0) {
    const ws = s.split(/\s+/);
    const start = Math.floor(r() * ws.length);
    real.push(ws.slice(start, start + 2 + Math.floor(r() * 4)).join(' '));
  } else real.push(s);
}
for (let i = 0; i < 1000; i++) real.push(texts[Math.floor(r() * texts.length)]);
for (let i = 0; i < 3000; i++) real.push(foreign[Math.floor(r() * foreign.length)]);
const gibSamples = gibberishSamples(r, 1400, vocabularyList, sentences).filter((g) => g.kind !== 'shuffled sentence');
const gib = gibSamples.map((g) => g.text);
const X = [];
const Y = [];
for (const [list, y] of [[real, 0], [gib, 1]]) {
  for (const t of list) {
    const f = gibberishFeatures(t, tables);
    if (f.letters < 4) continue;
    X.push(GIBBERISH_FEATURE_NAMES.map((n) => f[n]));
    Y.push(y);
  }
}
const w = new Array(GIBBERISH_FEATURE_NAMES.length).fill(0);
let b = 0;
const lr = 2, l2 = 1e-5;
const pos = Y.filter((y) => y === 1).length;
const weightOf = (y) => (y === 1 ? Y.length / (2 * pos) : Y.length / (2 * (Y.length - pos)));
for (let epoch = 0; epoch < 4000; epoch++) {
  const g = new Array(w.length).fill(0);
  let gb = 0;
  for (let i = 0; i < X.length; i++) {
    let z = b;
    for (let j = 0; j < w.length; j++) z += w[j] * X[i][j];
    const p = 1 / (1 + Math.exp(-z));
    const e = (p - Y[i]) * weightOf(Y[i]);
    for (let j = 0; j < w.length; j++) g[j] += e * X[i][j];
    gb += e;
  }
  for (let j = 0; j < w.length; j++) w[j] -= lr * (g[j] / X.length + l2 * w[j]);
  b -= lr * gb / X.length;
}
let correct = 0;
for (let i = 0; i < X.length; i++) {
  let z = b;
  for (let j = 0; j < w.length; j++) z += w[j] * X[i][j];
  if ((z > 0 ? 1 : 0) === Y[i]) correct++;
}
const kinds = [...real.map(() => 'real'), ...gibSamples.map((g) => g.kind)];
const perKind = new Map();
{
  let k = 0;
  for (const [list, y] of [[real, 0], [gib, 1]]) {
    for (const t of list) {
      const kind = kinds[k++];
      const f = gibberishFeatures(t, tables);
      if (f.letters < 4) continue;
      let z = b;
      GIBBERISH_FEATURE_NAMES.forEach((n, j) => { z += w[j] * f[n]; });
      const e = perKind.get(kind) ?? [0, 0];
      e[0] += (z > 0 ? 1 : 0) === y ? 1 : 0; e[1]++;
      perKind.set(kind, e);
    }
  }
}
console.log('per kind', Object.fromEntries([...perKind].map(([k, [c, n]]) => [k, +(c / n).toFixed(3)])));
console.log(`training samples ${X.length} (gibberish ${pos}); training accuracy ${(correct / X.length).toFixed(4)}`);
console.log('weights', Object.fromEntries(GIBBERISH_FEATURE_NAMES.map((n, j) => [n, +w[j].toFixed(3)])), 'bias', +b.toFixed(3));

// Put llm-guard's default threshold 0.97 where 0.5 % of the real training samples score above it.
const realZ = [];
for (let i = 0; i < X.length; i++) {
  if (Y[i] !== 0) continue;
  let z = b;
  for (let j = 0; j < w.length; j++) z += w[j] * X[i][j];
  realZ.push(z);
}
realZ.sort((x, y) => x - y);
const zCut = realZ[Math.floor(realZ.length * 0.995)];
const THRESHOLD_SHIFT = Math.log(0.97 / 0.03) - zCut;
b += THRESHOLD_SHIFT;
console.log(`bias shifted by ${THRESHOLD_SHIFT.toFixed(3)}: P = 0.97 at the 99.5th percentile of real samples (z ${zCut.toFixed(3)})`);

const toBase64 = (bytes) => Buffer.from(bytes).toString('base64');
const out = `// Generated by tools/train/gibberish/train.mjs; do not edit.
// Trained on ${TRAINING_SOURCES.join('; ')}.
// Tatoeba sentences: tatoeba.org, CC BY 2.0 FR (via the LASER repository); Mintaka: Amazon, CC BY 4.0.
import { decodeLogProbs, type GibberishTables } from './gibberish-features.js';

/** Quantisation of the stored log-probabilities: byte = round(-log p × scale). */
const SCALE = ${SCALE};

/** Logistic weights over GIBBERISH_FEATURE_NAMES (${GIBBERISH_FEATURE_NAMES.join(', ')}). */
export const GIBBERISH_WEIGHTS: readonly number[] = [${w.map((x) => x.toFixed(6)).join(', ')}];

/** Logistic bias, shifted so that llm-guard's default threshold 0.97 lets 99.5 % of the real training samples pass. */
export const GIBBERISH_BIAS = ${b.toFixed(6)};

/** Training sets of the shipped model, with their licences. */
export const GIBBERISH_TRAINING_SOURCES: readonly string[] = ${JSON.stringify(TRAINING_SOURCES)};

const CHAR_LOG_PROBS = '${toBase64(charBytes)}';
const CLASS_LOG_PROBS = '${toBase64(classBytes)}';
const MULTILINGUAL_CHAR_LOG_PROBS = '${toBase64(multiBytes)}';
const FUNCTION_WORDS = ${JSON.stringify(FUNCTION_WORDS.join(' '))};
const VOCABULARY = ${JSON.stringify(vocabularyList.join(' '))};

let tables: GibberishTables | undefined;

/** The model's tables, decoded on first use. */
export function gibberishTables(): GibberishTables {
  tables ??= {
    charLogProb: decodeLogProbs(CHAR_LOG_PROBS, SCALE),
    multilingualCharLogProb: decodeLogProbs(MULTILINGUAL_CHAR_LOG_PROBS, SCALE),
    vocabulary: new Set(VOCABULARY.split(' ')),
    functionWords: FUNCTION_WORDS.split(' '),
    classLogProb: decodeLogProbs(CLASS_LOG_PROBS, SCALE),
  };
  return tables;
}
`;
const target = join(root, 'packages/scanners/src/content/gibberish-model.ts');
writeFileSync(target, out);
console.log(`wrote ${target} (${(out.length / 1024).toFixed(0)} KB)`);
