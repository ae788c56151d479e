import { InferenceFailedError, InvalidModelError, type EncodingV1, type TensorV1 } from '@llm-shield/core';
import { float16ToNumber, logitsToProbabilities } from './activation.js';
import type { LoadedClassifier } from './classifier-loader.js';
import { toModelError } from './model-errors.js';
import { throwIfStopped, type StopCheck } from './work-stop.js';

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
  /** Aborts between batches (unless `stop` is given) and is passed to `session.run`. */
  signal?: AbortSignal;
  /** Checked before and after each batch instead of `signal` (the scanner's time limit and the caller's signal). */
  stop?: StopCheck;
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

/** Whether int64 elements can be written as two int32 words, low word first (every platform llm-shield runs on). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * One set of int64 feed buffers (ids, attention mask, token types) with int32 views over the same memory, so that
 * token ids are written without a `BigInt` per element. The feeds last built over them are kept and handed out again
 * for a batch of the same shape.
 */
class FeedBuffers {
  readonly ids: BigInt64Array;
  readonly mask: BigInt64Array;
  readonly types: BigInt64Array;
  readonly ids32: Int32Array;
  readonly mask32: Int32Array;
  readonly types32: Int32Array;
  feeds: Record<string, TensorV1> | undefined;
  rows = 0;
  width = 0;

  constructor(readonly capacity: number) {
    this.ids = new BigInt64Array(capacity);
    this.mask = new BigInt64Array(capacity);
    this.types = new BigInt64Array(capacity);
    this.ids32 = new Int32Array(this.ids.buffer);
    this.mask32 = new Int32Array(this.mask.buffer);
    this.types32 = new Int32Array(this.types.buffer);
  }

  /** True when a runtime took the memory away (a transfer to a worker): such buffers are not used again. */
  get detached(): boolean {
    // a typed array over a detached buffer has length 0
    return this.ids.length === 0 || this.mask.length === 0 || this.types.length === 0;
  }
}

/** Free feed buffers kept per classifier: as many as runs of it were in flight at once, at most this many. */
const MAX_FREE_FEED_BUFFERS = 4;

/**
 * Reusable feed buffers of one loaded classifier, and what its graph is fed. A run takes a set, fills it, and gives
 * it back once its `session.run` settled (the runtime has read the inputs by then; a run whose wait was aborted may
 * read them later, but its result is dropped). A set too small for a batch is replaced by one of the next power of
 * two.
 */
class FeedPool {
  readonly #free: FeedBuffers[] = [];
  /** Whether the graph takes `attention_mask` / `token_type_ids`. */
  readonly wantMask: boolean;
  readonly wantTypes: boolean;

  constructor(readonly inputNames: readonly string[]) {
    this.wantMask = inputNames.includes('attention_mask');
    this.wantTypes = inputNames.includes('token_type_ids');
  }

  take(size: number): FeedBuffers {
    const top = this.#free.pop();
    if (top !== undefined && top.capacity >= size) return top;
    let capacity = 64;
    while (capacity < size) capacity *= 2;
    return new FeedBuffers(capacity);
  }

  give(buffers: FeedBuffers): void {
    if (this.#free.length < MAX_FREE_FEED_BUFFERS && !buffers.detached) this.#free.push(buffers);
  }
}

const feedPools = new WeakMap<LoadedClassifier, FeedPool>();

function feedPool(model: LoadedClassifier): FeedPool {
  let pool = feedPools.get(model);
  if (pool === undefined) {
    pool = new FeedPool(model.session.inputNames);
    feedPools.set(model, pool);
  }
  return pool;
}

/** Writes the integer `value` at `index` of an int64 buffer, through its int32 view when it fits in 32 bits. */
function put(big: BigInt64Array, words: Int32Array, index: number, value: number): void {
  if (LITTLE_ENDIAN && (value | 0) === value) {
    words[2 * index] = value;
    words[2 * index + 1] = value >> 31;
  } else big[index] = BigInt(value);
}

/**
 * The feeds of one batch over `buffers`: each row the encoding's ids, mask and token types, padded to the batch's
 * longest with the pad id (mask 0, type 0). Exactly the inputs the session declares.
 */
function fillFeeds(
  model: LoadedClassifier,
  pool: FeedPool,
  encodings: readonly EncodingV1[],
  batch: readonly number[],
  width: number,
  buffers: FeedBuffers,
): Record<string, TensorV1> {
  const names = pool.inputNames;
  const rows = batch.length;
  const size = rows * width;
  const padId = model.tokenizer.padId;
  const { wantMask, wantTypes } = pool;
  const { ids, mask, types, ids32, mask32, types32 } = buffers;
  for (let row = 0; row < rows; row++) {
    const encoding = encodings[batch[row]!]!;
    const length = encoding.ids.length;
    const base = row * width;
    for (let k = 0; k < length; k++) put(ids, ids32, base + k, encoding.ids[k]!);
    for (let k = length; k < width; k++) put(ids, ids32, base + k, padId);
    if (wantMask) {
      const given = encoding.attentionMask;
      for (let k = 0; k < length; k++) put(mask, mask32, base + k, given[k] ?? 1);
      for (let k = length; k < width; k++) put(mask, mask32, base + k, 0);
    }
    if (wantTypes) {
      const given = encoding.tokenTypeIds;
      for (let k = 0; k < length; k++) put(types, types32, base + k, given?.[k] ?? 0);
      for (let k = length; k < width; k++) put(types, types32, base + k, 0);
    }
  }
  if (buffers.feeds !== undefined && buffers.rows === rows && buffers.width === width) return buffers.feeds;
  const dims = Object.freeze([rows, width]);
  const feeds: Record<string, TensorV1> = {};
  for (const name of names) {
    const data = name === 'input_ids' ? ids : name === 'attention_mask' ? mask : name === 'token_type_ids' ? types : undefined;
    if (!data) throw new InvalidModelError(`Model ${model.modelId}: cannot feed the graph input ${JSON.stringify(name)}.`);
    feeds[name] = { type: 'int64', dims, data: data.subarray(0, size) };
  }
  buffers.feeds = feeds;
  buffers.rows = rows;
  buffers.width = width;
  return feeds;
}

/** Reads the logits of one batch and stores each row's label probabilities at its input index in `results`. */
function readProbabilities(model: LoadedClassifier, outputs: Record<string, TensorV1>, batch: readonly number[], results: number[][]): void {
  const rows = batch.length;
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
  const half = tensor.type === 'float16';
  if (!half && tensor.type !== 'float32') {
    throw new InferenceFailedError(`Model ${model.modelId}: logits are ${tensor.type}, expected float32 or float16.`, { details: { model: model.modelId } });
  }
  const data = tensor.data as Float32Array | Uint16Array;
  for (let r = 0; r < rows; r++) {
    const row: number[] = new Array<number>(width);
    for (let c = 0; c < width; c++) {
      const value = half ? float16ToNumber(data[r * width + c]!) : data[r * width + c]!;
      if (!Number.isFinite(value)) throw new InferenceFailedError(`Model ${model.modelId}: the logits contain ${value}.`, { details: { model: model.modelId } });
      row[c] = value;
    }
    results[batch[r]!] = logitsToProbabilities(row, model.problemType);
  }
}

/** The batches of a single sequence. */
const ONE_SEQUENCE: readonly (readonly number[])[] = Object.freeze([Object.freeze([0])]);

/**
 * Runs the classifier over unpadded encodings and returns each one's label probabilities, in input order.
 * Sequences are bucketed by length ({@link bucketByLength}) so that short texts are not padded to the longest of
 * all; each batch is padded to its own longest with the tokenizer's pad id (attention mask 0). Exactly the inputs the
 * session declares are fed, as int64 tensors, written into buffers reused from one run to the next (per model, handed
 * back once a run settled: a runtime must not keep the feeds' memory after `run` settles). The logits must be `[batch, labels]`; sigmoid or softmax follows
 * `problem_type`. Dynamically quantised graphs ({@link BATCH_DEPENDENT_VARIANTS}) run one sequence per call, so
 * `scanMany` gives each text exactly the score `scan` gives it. Rejects with `InvalidModelError` (no logits output,
 * inputs it cannot feed), `InferenceFailedError` (runtime failure; logits of the wrong shape or dtype, or not finite)
 * or `AbortedError`.
 */
export async function classifyEncodings(model: LoadedClassifier, encodings: readonly EncodingV1[], options: ClassifyOptions = {}): Promise<number[][]> {
  const batchSize = BATCH_DEPENDENT_VARIANTS.has(model.variant) ? 1 : (options.batchSize ?? DEFAULT_BATCH_SIZE);
  const { signal } = options;
  const stop = options.stop ?? signal;
  const runOptions = signal ? { signal } : undefined;
  const results: number[][] = new Array<number[]>(encodings.length);
  const batches = encodings.length === 1 ? ONE_SEQUENCE : bucketByLength(encodings.map((encoding) => encoding.ids.length), batchSize);
  const pool = feedPool(model);
  for (const batch of batches) {
    throwIfStopped(stop);
    let width = 0;
    for (const index of batch) width = Math.max(width, encodings[index]!.ids.length);
    const buffers = pool.take(batch.length * width);
    let outputs: Record<string, TensorV1>;
    try {
      outputs = await model.session.run(fillFeeds(model, pool, encodings, batch, width, buffers), runOptions);
    } catch (error) {
      throwIfStopped(stop);
      throw toModelError(error, 'run', model.modelId);
    } finally {
      pool.give(buffers);
    }
    throwIfStopped(stop);
    readProbabilities(model, outputs, batch, results);
  }
  return results;
}
