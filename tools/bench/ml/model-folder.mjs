// Helpers shared by tools/bench/ml/parity-report.mjs and tools/bench/ml-scanner-bench.mjs: the fixture models of
// models/fixtures, a ModelSourceV1 over a local model folder, int64 feeds, and which scanner reads a model (with the
// score it should give, computed by hand from logits).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** models/fixtures. */
export const FIXTURES_DIR = join(REPO_ROOT, 'models', 'fixtures');

/** Names of the fixture models (folders with model.onnx and reference.json), sorted. */
export function fixtureNames() {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => existsSync(join(FIXTURES_DIR, name, 'model.onnx')) && existsSync(join(FIXTURES_DIR, name, 'reference.json')))
    .sort();
}

/** Parsed JSON file. */
export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * A ModelSourceV1 (contract of @llm-shield/core) serving one folder with model.onnx (or onnx/model.onnx),
 * config.json, tokenizer.json and tokenizer_config.json, whatever model id is asked.
 */
export function folderSource(dir) {
  const file = (path) => ({ path, read: async () => new Uint8Array(readFileSync(path)) });
  const model = existsSync(join(dir, 'model.onnx')) ? join(dir, 'model.onnx') : join(dir, 'onnx', 'model.onnx');
  return {
    specificationVersion: 'v1',
    async resolve(modelId, options = {}) {
      return {
        modelId,
        revision: 'local',
        variant: options.variant ?? 'fp32',
        model: file(model),
        config: file(join(dir, 'config.json')),
        tokenizer: file(join(dir, 'tokenizer.json')),
        ...(existsSync(join(dir, 'tokenizer_config.json')) ? { tokenizerConfig: file(join(dir, 'tokenizer_config.json')) } : {}),
      };
    },
  };
}

/** The path of a folder's ONNX graph (model.onnx, else onnx/model.onnx). */
export function modelPath(dir) {
  return existsSync(join(dir, 'model.onnx')) ? join(dir, 'model.onnx') : join(dir, 'onnx', 'model.onnx');
}

/** Right-padded int64 feeds `{ name: TensorV1 }` of rows (arrays of numbers) for the given input names. */
export function int64Feeds(columns, inputNames, padId) {
  const feeds = {};
  for (const name of inputNames) {
    const rows = columns[name];
    if (!rows) throw new Error(`no values for graph input ${name}`);
    const width = Math.max(...rows.map((row) => row.length));
    const data = new BigInt64Array(rows.length * width).fill(name === 'input_ids' ? BigInt(padId) : 0n);
    rows.forEach((row, r) => row.forEach((value, i) => (data[r * width + i] = BigInt(value))));
    feeds[name] = { type: 'int64', dims: [rows.length, width], data };
  }
  return feeds;
}

/** Rows of a `[batch, labels]` float tensor. */
export function logitRows(tensor) {
  const [batch, width] = tensor.dims;
  return Array.from({ length: batch }, (_, r) => Array.from(tensor.data.subarray(r * width, (r + 1) * width)));
}

export const softmax = (logits) => {
  const max = Math.max(...logits);
  const exps = logits.map((value) => Math.exp(value - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((value) => value / sum);
};
export const sigmoid = (logits) => logits.map((value) => 1 / (1 + Math.exp(-value)));

const TOXICITY_CATEGORY = {
  toxicity: 'toxic', toxic: 'toxic', severe_toxicity: 'severe_toxic', severe_toxic: 'severe_toxic', obscene: 'obscene',
  threat: 'threat', insult: 'insult', identity_attack: 'identity_hate', identity_hate: 'identity_hate', sexual_explicit: 'sexual_explicit',
};

/**
 * Which scanner reads a model folder's labels, and the scanner's score and per-label finding scores computed by
 * hand from logits (independently of @llm-shield/scanners): PromptInjection P(INJECTION) by softmax, Toxicity the
 * max sigmoid over the counted labels, Sentiment (1 − (P(positive) − P(negative))) / 2.
 *
 * @param config - the folder's parsed config.json
 * @param name - the folder name (hint when the labels are ambiguous)
 */
export function scannerFor(config, name = '') {
  const labels = Object.keys(config.id2label).sort((a, b) => Number(a) - Number(b)).map((k) => String(config.id2label[k]).toLowerCase());
  const multi = config.problem_type === 'multi_label_classification';
  const activate = multi ? sigmoid : softmax;
  if (labels.includes('injection') || /injection/.test(name)) {
    const index = labels.indexOf('injection') >= 0 ? labels.indexOf('injection') : 1;
    return { scanner: 'PromptInjection', expected: (logits) => { const p = activate(logits); return { score: p[index], labels: { injection: p[index] } }; } };
  }
  if (labels.includes('positive') && labels.includes('negative')) {
    return {
      scanner: 'Sentiment',
      expected: (logits) => {
        const p = activate(logits);
        const by = Object.fromEntries(labels.map((label, i) => [label, p[i]]));
        return { score: (1 - (by.positive - by.negative)) / 2, labels: by };
      },
    };
  }
  return {
    scanner: 'Toxicity',
    expected: (logits) => {
      const p = activate(logits);
      const by = {};
      labels.forEach((label, i) => {
        const category = TOXICITY_CATEGORY[label];
        if (category) by[category] = Math.max(by[category] ?? 0, p[i]);
      });
      return { score: Math.max(0, ...Object.values(by)), labels: by };
    },
  };
}

/** Name shown for a model folder. */
export function folderLabel(dir) {
  return basename(dir) === 'onnx' ? basename(dirname(dir)) : basename(dir);
}
