/**
 * Accuracy regression guard for the shipped models: re-reads each model's seeded dev split from `../shared/datasets`
 * (rows listed in `models/<name>/dev-split.json` by `tools/train/export_dev_split.py`), proves the texts are those
 * training used (sha256), runs the shipped ONNX graphs through `@llm-shield/tokenizer` + `@llm-shield/runtime-node`
 * and checks the card's dev metric within {@link TOLERANCE}. Also checks that the JS tokenizer gives exactly the ids
 * Python's `tokenizers` gave (the vocabularies are pruned and remapped). Skipped where `../shared/datasets` is absent.
 * Not a timing test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the guard runs the models on the Node runtime users get
import { createNodeRuntime, type InferenceSessionV1 } from '@llm-shield/runtime-node';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the guard tokenizes with the tokenizer the scanners use
import { createTokenizer, type Tokenizer } from '@llm-shield/tokenizer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMBEDDED_MODEL_LIST, type EmbeddedModel } from '../src/index.js';
import { readRows, shortSha256, type DevSplit } from './dataset-rows.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const MODELS = join(REPO_ROOT, 'packages/models-embedded/models');
const DATASETS = resolve(REPO_ROOT, process.env['LLM_SHIELD_DATASETS'] ?? '../shared/datasets');
const HAVE_DATASETS = existsSync(DATASETS);
/** Largest allowed |measured − card| of the dev metric. */
const TOLERANCE = 0.02;
const BATCH = 64;

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** One dev row, re-read from the datasets. */
interface Row {
  text: string;
  /** Class index (single-label), or is_bad (toxicity). */
  label: number;
  /** Emotion: the multi-hot 0/1 vector over the labels. */
  labels: number[];
  textHash: string;
  idsHash: string;
}

function labelOf(model: EmbeddedModel, label: number | string): number {
  if (model.problemType === 'multi_label_classification') return typeof label === 'string' && label.includes('1') ? 1 : 0;
  return Number(label);
}

/** Logits of every text, batched by length (padding never changes these models' output). */
async function logitsOf(session: InferenceSessionV1, encodings: number[][], padId: number, labels: number): Promise<Float32Array[]> {
  const order = encodings.map((_, i) => i).sort((a, b) => (encodings[a]?.length ?? 0) - (encodings[b]?.length ?? 0));
  const out: Float32Array[] = new Array<Float32Array>(encodings.length);
  for (let start = 0; start < order.length; start += BATCH) {
    const idx = order.slice(start, start + BATCH);
    const width = Math.max(...idx.map((i) => encodings[i]?.length ?? 0));
    const ids = new BigInt64Array(idx.length * width).fill(BigInt(padId));
    const mask = new BigInt64Array(idx.length * width);
    idx.forEach((i, r) => {
      (encodings[i] ?? []).forEach((id, c) => {
        ids[r * width + c] = BigInt(id);
        mask[r * width + c] = 1n;
      });
    });
    const dims = [idx.length, width];
    const result = await session.run({ input_ids: { type: 'int64', dims, data: ids }, attention_mask: { type: 'int64', dims, data: mask } });
    const logits = result['logits']?.data as Float32Array;
    idx.forEach((i, r) => {
      out[i] = logits.slice(r * labels, (r + 1) * labels);
    });
  }
  return out;
}

/**
 * Emotion: macro-F1 over every label at the model's threshold (sigmoid ≥ threshold predicts the label), as
 * `metrics.emotion_metrics` (sklearn `f1_score(average=None, zero_division=0)` averaged).
 */
function macroF1(model: EmbeddedModel, logits: Float32Array[], rows: Row[]): number {
  const threshold = model.dev.threshold ?? model.threshold ?? 0.5;
  let sum = 0;
  for (let label = 0; label < model.labels.length; label++) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    rows.forEach((row, i) => {
      const z = logits[i]?.[label] ?? 0;
      const predicted = 1 / (1 + Math.exp(-z)) >= threshold ? 1 : 0;
      const gold = row.labels[label] ?? 0;
      if (predicted === 1 && gold === 1) tp++;
      else if (predicted === 1) fp++;
      else if (gold === 1) fn++;
    });
    sum += tp + fp + fn === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return sum / model.labels.length;
}

/** The card's dev metric, computed as `tools/train/metrics.py` does. */
function metric(model: EmbeddedModel, logits: Float32Array[], rows: Row[]): number {
  if (model.dev.name === 'macro_f1') return macroF1(model, logits, rows);
  if (model.threshold === null) {
    // macro recall of the argmax (sklearn recall_score(average='macro') over the classes present)
    const hit = new Map<number, number>();
    const total = new Map<number, number>();
    const present = new Set<number>();
    rows.forEach((row, i) => {
      const z = Array.from(logits[i] ?? []);
      const predicted = z.indexOf(Math.max(...z));
      present.add(row.label).add(predicted);
      total.set(row.label, (total.get(row.label) ?? 0) + 1);
      if (predicted === row.label) hit.set(row.label, (hit.get(row.label) ?? 0) + 1);
    });
    const recalls = [...present].map((c) => ((total.get(c) ?? 0) === 0 ? 0 : (hit.get(c) ?? 0) / (total.get(c) ?? 1)));
    return recalls.reduce((a, b) => a + b, 0) / recalls.length;
  }
  const threshold = model.threshold;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  rows.forEach((row, i) => {
    const z = logits[i] ?? new Float32Array();
    let score: number;
    if (model.problemType === 'multi_label_classification') {
      score = Math.max(...Array.from(z, (v) => 1 / (1 + Math.exp(-v)))); // any label's sigmoid
    } else {
      const m = Math.max(...z);
      const e = Array.from(z, (v) => Math.exp(v - m));
      score = (e[1] ?? 0) / e.reduce((a, b) => a + b, 0); // P(INJECTION)
    }
    const predicted = score >= threshold ? 1 : 0;
    if (predicted === 1 && row.label === 1) tp++;
    else if (predicted === 1) fp++;
    else if (row.label === 1) fn++;
  });
  return (2 * tp) / (2 * tp + fp + fn);
}

describe.skipIf(!HAVE_DATASETS)(`embedded models: dev metric within ${TOLERANCE} of the model card${HAVE_DATASETS ? '' : ' (skipped: ../shared/datasets is absent)'}`, () => {
  const runtime = createNodeRuntime({ intraOpThreads: 1 });
  const sessions: InferenceSessionV1[] = [];
  afterAll(async () => {
    await Promise.all(sessions.map((s) => s.dispose()));
  });

  for (const model of EMBEDDED_MODEL_LIST) {
    describe(model.name, () => {
      const split = readJson<DevSplit>(join(MODELS, model.name, 'dev-split.json'));
      const card = readJson<{ dev: Record<string, number>; threshold: number | null; int8?: { kept: boolean; dev: Record<string, number> } }>(
        join(MODELS, model.files.metrics),
      );
      let tokenizer: Tokenizer;
      let rows: Row[] = [];
      let encodings: number[][] = [];

      beforeAll(async () => {
        tokenizer = createTokenizer(readJson<object>(join(MODELS, model.files.tokenizer)), readJson<object>(join(MODELS, model.files.tokenizerConfig)));
        rows = [];
        for (const entry of split.files) {
          const texts = await readRows(DATASETS, entry);
          texts.forEach((text, k) => {
            const raw = entry.labels[k] ?? -1;
            const labels = typeof raw === 'string' ? Array.from(raw, (c) => (c === '1' ? 1 : 0)) : [];
            rows.push({ text, label: labelOf(model, raw), labels, textHash: entry.text[k] ?? '', idsHash: entry.ids[k] ?? '' });
          });
        }
        encodings = rows.map((row) => tokenizer.encode(row.text, { padding: 'none' }).ids);
      }, 120_000);

      it('dev-split.json matches the manifest and metrics.json', () => {
        expect(split.model).toBe(model.name);
        expect(split.metric.name).toBe(model.dev.name);
        expect(split.metric.card).toBe(card.dev[model.dev.name]);
        expect(Math.abs(model.dev.value - split.metric.card)).toBeLessThan(5e-5);
        expect(split.metric.threshold ?? null).toBe(model.dev.threshold ?? model.threshold);
        expect(card.threshold).toBe(model.dev.threshold ?? model.threshold);
        expect(split.metric.rows + split.metric.excluded).toBe(split.metric.cardRows);
      });

      it('reads the same dev texts training used (sha256 of every row)', () => {
        const hex = split.files[0]?.text[0]?.length ?? 12;
        const wrong = rows.filter((row) => shortSha256(row.text, hex) !== row.textHash);
        expect(wrong.map((row) => row.text.slice(0, 80))).toEqual([]);
        expect(rows.length).toBe(split.metric.rows);
      });

      it("the JS tokenizer gives Python tokenizers' ids (pruned, remapped vocabulary)", () => {
        const firstRow: number[] = [];
        split.files.reduce((offset, entry) => (firstRow.push(offset), offset + entry.rows.length), 0);
        expect(split.tokenizerCheck.length).toBeGreaterThanOrEqual(20);
        for (const check of split.tokenizerCheck) {
          const row = (firstRow[check.file] ?? 0) + check.index;
          expect(encodings[row], `${split.files[check.file]?.file} row ${split.files[check.file]?.rows[check.index]}`).toEqual(check.ids);
        }
        const hex = split.files[0]?.ids[0]?.length ?? 8;
        const differ = rows.filter((row, i) => shortSha256((encodings[i] ?? []).join(','), hex) !== row.idsHash).length;
        console.info(`[${model.name}] tokenizer: ${split.tokenizerCheck.length} reference rows identical; ${differ} of ${rows.length} dev rows differ from Python`);
        expect(differ).toBe(0);
      });

      // When some dev rows could not be re-read (none today), the reference is the card's metric recomputed in Python
      // on the listed rows.
      const fp32Reference = split.metric.excluded > 0 ? split.metric.python : model.dev.value;
      const variants = [{ file: model.files.fp32, card: fp32Reference }];
      if (model.files.int8 && card.int8?.kept) variants.push({ file: model.files.int8, card: card.int8.dev[model.dev.name] ?? Number.NaN });
      for (const variant of variants) {
        it(`${variant.file}: dev ${model.dev.name} within ${TOLERANCE} of the card`, async () => {
          const session = await runtime.createSession({ path: join(MODELS, variant.file) });
          sessions.push(session);
          const logits = await logitsOf(session, encodings, tokenizer.padId, model.labels.length);
          const value = metric(model, logits, rows);
          console.info(
            `[${model.name}] ${variant.file}: dev ${model.dev.name} ${value.toFixed(4)} on ${rows.length} rows ` +
              `(card ${variant.card.toFixed(4)}, Δ ${(value - variant.card).toFixed(4)}; Python fp32 on these rows ${split.metric.python.toFixed(4)})`,
          );
          expect(Math.abs(value - variant.card)).toBeLessThanOrEqual(TOLERANCE);
        }, 120_000);
      }
    });
  }
});
