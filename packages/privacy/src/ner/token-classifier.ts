import { InferenceFailedError, InvalidModelError, throwIfAborted, type TensorV1 } from '@llm-shield/core';
import { BATCH_DEPENDENT_VARIANTS, toModelError, type LoadedClassifier } from '@llm-shield/scanners';
import { aggregateSimple, mergeOverlappingEntities, softmaxRow, tokenWindows, type ScoredToken, type TokenEntityGroup } from './token-aggregation.js';

/** Default tokens each window repeats from the previous one: 64 (capped at half a window for small models). */
export const DEFAULT_NER_STRIDE = 64;
/** Windows per `session.run` call (padded to the longest of the call; 1 for dynamically quantised variants). */
export const NER_BATCH_SIZE = 8;

/** Options of {@link classifyTokens}. */
export interface ClassifyTokensOptions {
  /**
   * Tokens each window repeats from the previous one (default {@link DEFAULT_NER_STRIDE}, at most half a window);
   * must be below the window's content size. As the pipeline's `stride`.
   */
  stride?: number;
  /** Group labels dropped (default `['O']`, the pipeline's `ignore_labels`). */
  ignoreLabels?: readonly string[];
  /** Aborts between calls and is passed to `session.run`. */
  signal?: AbortSignal;
}

/** The special tokens the tokenizer puts before and after one sequence (`[CLS]` and `[SEP]` for DeBERTa-v3). */
function specialTokens(model: LoadedClassifier): { prefix: number[]; suffix: number[] } {
  const probe = model.tokenizer.encode('a', { padding: 'none', truncation: { strategy: 'none' } });
  const content = probe.ids.length - model.tokenizer.specialTokenCount;
  let first = probe.offsets.findIndex(([, end]) => end > 0);
  if (first < 0) first = 0;
  return { prefix: probe.ids.slice(0, first), suffix: probe.ids.slice(first + content) };
}

function logitsTensor(model: LoadedClassifier, outputs: Record<string, TensorV1>, rows: number, width: number): ArrayLike<number> {
  const name = 'logits' in outputs ? 'logits' : (model.session.outputNames[0] ?? '');
  const tensor = outputs[name];
  const labels = model.labels.length;
  if (!tensor) throw new InvalidModelError(`Model ${model.modelId}: the session returned no ${JSON.stringify(name)} output.`, { details: { model: model.modelId } });
  if (tensor.type !== 'float32') {
    throw new InferenceFailedError(`Model ${model.modelId}: token logits are ${tensor.type}, expected float32.`, { details: { model: model.modelId } });
  }
  if (tensor.dims.length !== 3 || tensor.dims[0] !== rows || tensor.dims[1] !== width || tensor.dims[2] !== labels) {
    throw new InferenceFailedError(
      `Model ${model.modelId}: logits have shape [${tensor.dims.join(', ')}], expected [${rows}, ${width}, ${labels}] ` +
        `(a token-classification head with the ${labels} labels of config.json's id2label).`,
      { details: { model: model.modelId, dims: [...tensor.dims], labels } },
    );
  }
  const data = tensor.data as Float32Array;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i]!)) throw new InferenceFailedError(`Model ${model.modelId}: the logits contain ${data[i]}.`, { details: { model: model.modelId } });
  }
  return data;
}

/**
 * Runs a token-classification model over `text` and returns what Python transformers'
 * `pipeline("token-classification", aggregation_strategy="simple", stride=…)` returns for it (without `word`), with
 * offsets in UTF-16 code units of `text`:
 * - the text is tokenised once, without truncation; its content tokens are cut into windows of the model's maximum
 *   length minus its special tokens, each repeating `stride` tokens of the previous one (`tokenWindows`, as the Rust
 *   tokenizer's overflowing tokens), and each window is framed by the special tokens (`[CLS] … [SEP]`);
 * - per window: softmax per token, argmax label, `B-`/`I-` grouping and the mean score per group
 *   (`aggregateSimple`), groups labelled `O` dropped;
 * - with several windows, entities repeated by the overlap are merged (`mergeOverlappingEntities`: of entities that
 *   start inside another, the longer wins, then the higher score), so an entity cut by one window's border is taken
 *   whole from the window that saw it whole, when the stride covers it.
 * Feeds exactly the inputs the graph declares (`input_ids`, `attention_mask`, `token_type_ids` of zeros). Rejects
 * with `InvalidModelError`, `InferenceFailedError` (runtime failure; logits not `[batch, sequence, labels]` float32
 * or not finite) or `AbortedError`.
 */
export async function classifyTokens(model: LoadedClassifier, text: string, options: ClassifyTokensOptions = {}): Promise<TokenEntityGroup[]> {
  const signal = options.signal;
  throwIfAborted(signal, 'scan');
  const encoding = model.tokenizer.encode(text, { addSpecialTokens: false, padding: 'none', truncation: { strategy: 'none' } });
  const { prefix, suffix } = specialTokens(model);
  const size = model.tokenizer.modelMaxLength - prefix.length - suffix.length;
  if (size < 2) throw new InvalidModelError(`Model ${model.modelId}: a window of ${model.tokenizer.modelMaxLength} tokens leaves no room for text.`, { details: { model: model.modelId } });
  const stride = options.stride ?? Math.min(DEFAULT_NER_STRIDE, size >> 1);
  if (!Number.isInteger(stride) || stride < 0 || stride >= size) {
    throw new InvalidModelError(`Model ${model.modelId}: stride ${stride} must be below the window's ${size} content tokens.`, { details: { model: model.modelId, stride, size } });
  }
  const windows = tokenWindows(encoding.ids.length, size, stride);
  const batchSize = BATCH_DEPENDENT_VARIANTS.has(model.variant) ? 1 : NER_BATCH_SIZE;
  const labels = model.labels;
  const width = labels.length;
  const all: TokenEntityGroup[] = [];
  for (let b = 0; b < windows.length; b += batchSize) {
    throwIfAborted(signal, 'scan');
    const batch = windows.slice(b, b + batchSize);
    const seq = prefix.length + suffix.length + Math.max(...batch.map(([s, e]) => e - s));
    const ids = new BigInt64Array(batch.length * seq).fill(BigInt(model.tokenizer.padId));
    const mask = new BigInt64Array(batch.length * seq);
    batch.forEach(([s, e], row) => {
      const tokens = [...prefix, ...encoding.ids.slice(s, e), ...suffix];
      for (let k = 0; k < tokens.length; k++) {
        ids[row * seq + k] = BigInt(tokens[k]!);
        mask[row * seq + k] = 1n;
      }
    });
    const dims = [batch.length, seq];
    const available: Record<string, TensorV1> = {
      input_ids: { type: 'int64', dims, data: ids },
      attention_mask: { type: 'int64', dims, data: mask },
      token_type_ids: { type: 'int64', dims, data: new BigInt64Array(batch.length * seq) },
    };
    const feeds: Record<string, TensorV1> = {};
    for (const name of model.session.inputNames) {
      const tensor = available[name];
      if (!tensor) throw new InvalidModelError(`Model ${model.modelId}: cannot feed the graph input ${JSON.stringify(name)}.`, { details: { model: model.modelId } });
      feeds[name] = tensor;
    }
    let outputs: Record<string, TensorV1>;
    try {
      outputs = await model.session.run(feeds, signal ? { signal } : undefined);
    } catch (error) {
      throwIfAborted(signal, 'scan');
      throw toModelError(error, 'run', model.modelId);
    }
    throwIfAborted(signal, 'scan');
    const logits = logitsTensor(model, outputs, batch.length, seq);
    batch.forEach(([s, e], row) => {
      const tokens: ScoredToken[] = [];
      for (let t = s; t < e; t++) {
        const position = row * seq + prefix.length + (t - s);
        const [start, end] = encoding.offsets[t]!;
        tokens.push({ scores: softmaxRow(logits, position * width, width), start, end });
      }
      all.push(...aggregateSimple(tokens, labels, options.ignoreLabels));
    });
  }
  return windows.length > 1 ? mergeOverlappingEntities(all) : all;
}
