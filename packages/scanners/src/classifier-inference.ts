import { InferenceFailedError, InvalidModelError, throwIfAborted, type EncodingV1, type TensorV1 } from '@llm-shield/core';
import { float16ToNumber, logitsToProbabilities } from './activation.js';
import type { LoadedClassifier } from './classifier-loader.js';
import { toModelError } from './model-errors.js';

/** Default number of sequences per inference call: 8 (keeps padding waste and peak memory low on CPU backends). */
export const DEFAULT_BATCH_SIZE = 8;

/**
 * Variants whose graphs are dynamically quantised (onnxruntime's `quantize_dynamic`): `DynamicQuantizeLinear`
 * computes one activation scale over the whole input tensor, so a sequence's logits depend on its batch neighbours
 * and on padding (issue 11: up to 8.9e-3 apart, enough to flip a verdict). These run one sequence per call.
 */
export const BATCH_DEPENDENT_VARIANTS: ReadonlySet<string> = new Set(['int8', 'quantized']);

/** Options of {@link classifyEncodings}. */
export interface ClassifyOptions {
  /**
   * Sequences per `session.run` call (default {@link DEFAULT_BATCH_SIZE}); always 1 for the
   * {@link BATCH_DEPENDENT_VARIANTS}, so that a text's score never depends on the texts scanned with it.
   */
  batchSize?: number;
  /** Aborts between batches and is passed to `session.run`. */
  signal?: AbortSignal;
}

/**
 * Sequence indices grouped into batches of similar length: sorted by token count (stable, so equal lengths keep
 * their order), then cut every `batchSize`. Each batch is later padded to its own longest sequence only.
 */
export function bucketByLength(lengths: readonly number[], batchSize: number): number[][] {
  const order = lengths.map((_, index) => index).sort((a, b) => lengths[a]! - lengths[b]!);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += batchSize) batches.push(order.slice(i, i + batchSize));
  return batches;
}

function feedsFor(model: LoadedClassifier, batch: readonly EncodingV1[]): Record<string, TensorV1> {
  const width = batch.reduce((max, encoding) => Math.max(max, encoding.ids.length), 0);
  const dims = [batch.length, width];
  const padId = BigInt(model.tokenizer.padId);
  const ids = new BigInt64Array(batch.length * width).fill(padId);
  const mask = new BigInt64Array(batch.length * width);
  const types = new BigInt64Array(batch.length * width);
  batch.forEach((encoding, row) => {
    const base = row * width;
    for (let k = 0; k < encoding.ids.length; k++) {
      ids[base + k] = BigInt(encoding.ids[k]!);
      mask[base + k] = BigInt(encoding.attentionMask[k] ?? 1);
      types[base + k] = BigInt(encoding.tokenTypeIds?.[k] ?? 0);
    }
  });
  const all: Record<string, TensorV1> = {
    input_ids: { type: 'int64', dims, data: ids },
    attention_mask: { type: 'int64', dims, data: mask },
    token_type_ids: { type: 'int64', dims, data: types },
  };
  const feeds: Record<string, TensorV1> = {};
  for (const name of model.session.inputNames) {
    const tensor = all[name];
    if (!tensor) throw new InvalidModelError(`Model ${model.modelId}: cannot feed the graph input ${JSON.stringify(name)}.`);
    feeds[name] = tensor;
  }
  return feeds;
}

function logitRows(model: LoadedClassifier, outputs: Record<string, TensorV1>, rows: number): number[][] {
  const name = 'logits' in outputs ? 'logits' : (model.session.outputNames[0] ?? '');
  const tensor = outputs[name];
  const width = model.labels.length;
  if (!tensor) {
    throw new InvalidModelError(`Model ${model.modelId}: the session returned no ${JSON.stringify(name)} output.`, { details: { model: model.modelId } });
  }
  if (tensor.dims.length !== 2 || tensor.dims[0] !== rows || tensor.dims[1] !== width || tensor.data.length !== rows * width) {
    throw new InferenceFailedError(
      `Model ${model.modelId}: logits have shape [${tensor.dims.join(', ')}], expected [${rows}, ${width}] ` +
        `(${width} labels in config.json's id2label).`,
      { details: { model: model.modelId, dims: [...tensor.dims], labels: width } },
    );
  }
  let read: (i: number) => number;
  if (tensor.type === 'float32') {
    const data = tensor.data as Float32Array;
    read = (i) => data[i]!;
  } else if (tensor.type === 'float16') {
    const data = tensor.data as Uint16Array;
    read = (i) => float16ToNumber(data[i]!);
  } else {
    throw new InferenceFailedError(`Model ${model.modelId}: logits are ${tensor.type}, expected float32 or float16.`, { details: { model: model.modelId } });
  }
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: number[] = new Array<number>(width);
    for (let c = 0; c < width; c++) {
      const value = read(r * width + c);
      if (!Number.isFinite(value)) throw new InferenceFailedError(`Model ${model.modelId}: the logits contain ${value}.`, { details: { model: model.modelId } });
      row[c] = value;
    }
    out.push(row);
  }
  return out;
}

/**
 * Runs the classifier over unpadded encodings and returns each one's label probabilities, in input order.
 * Sequences are bucketed by length ({@link bucketByLength}) so that short texts are not padded to the longest of
 * all; each batch is padded to its own longest with the tokenizer's pad id (attention mask 0). Exactly the inputs the
 * session declares are fed, as int64 tensors. The logits must be `[batch, labels]`; sigmoid or softmax follows
 * `problem_type`. Dynamically quantised graphs ({@link BATCH_DEPENDENT_VARIANTS}) run one sequence per call, so
 * `scanMany` gives each text exactly the score `scan` gives it. Rejects with `InvalidModelError` (no logits output,
 * inputs it cannot feed), `InferenceFailedError` (runtime failure; logits of the wrong shape or dtype, or not finite)
 * or `AbortedError`.
 */
export async function classifyEncodings(model: LoadedClassifier, encodings: readonly EncodingV1[], options: ClassifyOptions = {}): Promise<number[][]> {
  const batchSize = BATCH_DEPENDENT_VARIANTS.has(model.variant) ? 1 : (options.batchSize ?? DEFAULT_BATCH_SIZE);
  const results: number[][] = new Array<number[]>(encodings.length);
  for (const batch of bucketByLength(encodings.map((encoding) => encoding.ids.length), batchSize)) {
    throwIfAborted(options.signal, 'scan');
    const feeds = feedsFor(model, batch.map((index) => encodings[index]!));
    let outputs: Record<string, TensorV1>;
    try {
      outputs = await model.session.run(feeds, options.signal ? { signal: options.signal } : undefined);
    } catch (error) {
      throwIfAborted(options.signal, 'scan');
      throw toModelError(error, 'run', model.modelId);
    }
    throwIfAborted(options.signal, 'scan');
    const rows = logitRows(model, outputs, batch.length);
    batch.forEach((index, row) => {
      results[index] = logitsToProbabilities(rows[row]!, model.problemType);
    });
  }
  return results;
}
