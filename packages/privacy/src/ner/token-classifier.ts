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

/** Texts longer than twice this many UTF-16 units are tokenised in pieces of about this size (see {@link encodeContent}). */
export const NER_TOKENIZE_PIECE = 4096;
const ALNUM = /^[\p{L}\p{N}]$/u;

/** A single space between two letters/digits (code points): every deberta-v3 / SentencePiece step starts a word there. */
function isSafeCut(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 0x20) return false;
  const before = (text.charCodeAt(i - 1) & 0xfc00) === 0xdc00 && i >= 2 ? text.slice(i - 2, i) : text.charAt(i - 1);
  const after = (text.charCodeAt(i + 1) & 0xfc00) === 0xd800 ? text.slice(i + 1, i + 3) : text.charAt(i + 1);
  return ALNUM.test(before) && ALNUM.test(after);
}

/**
 * The content tokens (ids and UTF-16 offsets, no special tokens, no truncation) of `text`. A text longer than
 * 2 × `piece` units is tokenised in pieces of about `piece` units, each ending at a safe cut (a single space between
 * two letters or digits: the normaliser cannot act across it and the pre-tokenizer starts a word there; the piece
 * keeps the space, the next starts with the word), so that the cost stays linear; the next piece's first token gets
 * the space back in its offsets, as the whole text's `▁word` token has it. Where no safe cut lies within `piece` units past the
 * nominal end, the piece ends there (outside a surrogate pair); the tokens at such a cut may differ from the whole
 * text's (a run of 4,096 units without a space between two letters).
 */
export function encodeContent(model: LoadedClassifier, text: string, piece: number = NER_TOKENIZE_PIECE): { ids: number[]; offsets: Array<[number, number]> } {
  const encode = (part: string) => model.tokenizer.encode(part, { addSpecialTokens: false, padding: 'none', truncation: { strategy: 'none' } });
  if (text.length <= 2 * piece) {
    const all = encode(text);
    return { ids: all.ids, offsets: all.offsets };
  }
  const ids: number[] = [];
  const offsets: Array<[number, number]> = [];
  let from = 0;
  while (from < text.length) {
    let to = text.length;
    if (text.length - from > piece + piece / 2) {
      const reach = Math.min(text.length - 1, from + 2 * piece);
      to = -1;
      for (let i = from + piece; i < reach; i++) {
        if (isSafeCut(text, i)) {
          to = i + 1; // the next piece starts with the word; the space is left to this one (stripped there)
          break;
        }
      }
      if (to < 0) {
        to = from + piece;
        if ((text.charCodeAt(to) & 0xfc00) === 0xdc00) to++;
      }
    }
    const part = encode(text.slice(from, to));
    for (let k = 0; k < part.ids.length; k++) {
      ids.push(part.ids[k]!);
      const [s, e] = part.offsets[k]!;
      offsets.push([s + from, e + from]);
    }
    const first = offsets[offsets.length - part.ids.length];
    // In the whole text the space before the piece's first word is that word's `▁`: give it back to the offsets.
    if (from > 0 && first && first[0] === from && isSafeCut(text, from - 1)) first[0] = from - 1;
    from = to;
  }
  return { ids, offsets };
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
 * - the text is tokenised once, without truncation (long texts in pieces, {@link encodeContent}); its content tokens are cut into windows of the model's maximum
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
  const encoding = encodeContent(model, text);
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
