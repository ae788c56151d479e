import { InvalidConfigError, type EncodingV1 } from '@llm-shield/core';
import type { Tokenizer } from '@llm-shield/tokenizer';
import { splitSentences } from './sentence-splitter.js';
import { throwIfStopped, type StopCheck } from './work-stop.js';

/**
 * How an ML scanner reads text longer than the model's window.
 * - `full`: one part, cut after the model's maximum length (llm-guard's `MatchType.FULL`).
 * - `head-tail`: one part made of the first `head` and the last `tail` tokens (llm-guard's
 *   `TRUNCATE_TOKEN_HEAD_TAIL`), so an attack at the end of a long prompt is still seen.
 * - `sentence`: one part per sentence ({@link splitSentences}, linear time); a sentence longer than the window is cut.
 * - `chunks`: windows of `size` tokens (or characters) overlapping by `overlap`; every token is seen.
 *
 * With several parts the verdict comes from the worst part and the result's `decidingPart` names its span.
 */
export type LongInputMode = 'full' | 'head-tail' | 'sentence' | 'chunks';

/** The long-input modes. */
export const LONG_INPUT_MODES: readonly LongInputMode[] = ['full', 'head-tail', 'sentence', 'chunks'];

/** llm-guard's head length for a 512-token window (`TRUNCATE_TOKEN_HEAD_TAIL`). */
export const DEFAULT_HEAD_TOKENS = 126;
/** llm-guard's tail length for a 512-token window. */
export const DEFAULT_TAIL_TOKENS = 382;
/** Default overlap of token chunks: 64 tokens (at most a quarter of the chunk). */
export const DEFAULT_CHUNK_OVERLAP_TOKENS = 64;
/** Default size of character chunks: 2,000 UTF-16 code units. */
export const DEFAULT_CHUNK_CHARACTERS = 2000;
/** Default overlap of character chunks: 200 UTF-16 code units. */
export const DEFAULT_CHUNK_OVERLAP_CHARACTERS = 200;

/** Detailed form of the `longInput` option. Every length is optional; defaults are documented per field. */
export interface LongInputConfig {
  /** See {@link LongInputMode}. */
  mode: LongInputMode;
  /**
   * Window in tokens, special tokens included (default and upper bound: the tokenizer's `model_max_length`; a larger
   * value is lowered to it).
   */
  maxLength?: number;
  /**
   * `head-tail`: content tokens kept from the start. Default {@link DEFAULT_HEAD_TOKENS} (126) with the last
   * {@link DEFAULT_TAIL_TOKENS} (382) when the window holds 508 content tokens or more, else the same 1:3 share of
   * the window. When `head + tail` exceeds the window both are scaled down.
   */
  head?: number;
  /** `head-tail`: content tokens kept from the end (see `head`). */
  tail?: number;
  /** `chunks`: unit of `size` and `overlap` (default `tokens`). */
  unit?: 'tokens' | 'characters';
  /**
   * `chunks`: window size. Default: the whole model window (maxLength minus special tokens) for tokens,
   * {@link DEFAULT_CHUNK_CHARACTERS} for characters (each character chunk is still cut at the model window).
   */
  size?: number;
  /**
   * `chunks`: how much consecutive windows share, below `size`. Default {@link DEFAULT_CHUNK_OVERLAP_TOKENS}
   * (64, or a quarter of `size` when smaller) for tokens, {@link DEFAULT_CHUNK_OVERLAP_CHARACTERS} for characters.
   */
  overlap?: number;
}

/** The `longInput` option: a mode, or a mode with lengths. Default `full`. */
export type LongInputOption = LongInputMode | LongInputConfig;

/** Validated {@link LongInputConfig} (lengths still optional: they depend on the tokenizer). */
export type ResolvedLongInput = Readonly<LongInputConfig & { unit: 'tokens' | 'characters' }>;

/** One part of an input as the model sees it. */
export interface TextPart {
  /** Span of the input this part covers, UTF-16 code units (`start` inclusive, `end` exclusive). */
  start: number;
  end: number;
  /** The unpadded encoding, special tokens included. */
  encoding: EncodingV1;
}

/** The parts of one input. */
export interface SplitInput {
  parts: TextPart[];
  /** True when some tokens of the input reached no part (`full` / `head-tail` cut, or a sentence cut). */
  truncated: boolean;
}

/**
 * Validates the `longInput` option at construction; raises {@link InvalidConfigError}. An object with lengths and
 * no `mode` (llm-guard's `model_max_length` alone) takes `defaultMode`, the scanner's own.
 *
 * @param scanner - scanner name for messages
 * @param option - the user's option
 * @param defaultMode - the scanner's default mode (default `full`)
 */
export function resolveLongInput(scanner: string, option: unknown, defaultMode: LongInputMode = 'full'): ResolvedLongInput {
  const given = (typeof option === 'string' ? { mode: option } : (option ?? { mode: defaultMode })) as LongInputConfig;
  const config = typeof given === 'object' && given !== null && !Array.isArray(given) && given.mode === undefined ? { ...given, mode: defaultMode } : given;
  const bad = (message: string, field: string): never => {
    throw new InvalidConfigError(`${scanner}: longInput${field ? `.${field}` : ''} ${message}`, {
      details: { scanner, field: field ? `longInput.${field}` : 'longInput' },
    });
  };
  if (typeof config !== 'object' || config === null || Array.isArray(config)) bad(`must be one of ${LONG_INPUT_MODES.join(', ')} or an object with mode.`, '');
  for (const key of Object.keys(config)) {
    if (!['mode', 'maxLength', 'head', 'tail', 'unit', 'size', 'overlap'].includes(key)) bad('is not an option.', key);
  }
  if (!LONG_INPUT_MODES.includes(config.mode)) bad(`must be one of ${LONG_INPUT_MODES.join(', ')}, got ${JSON.stringify(config.mode)}.`, 'mode');
  const integer = (field: 'maxLength' | 'head' | 'tail' | 'size' | 'overlap', min: number) => {
    const value = config[field];
    if (value !== undefined && (typeof value !== 'number' || !Number.isInteger(value) || value < min)) bad(`must be an integer ≥ ${min}.`, field);
  };
  integer('maxLength', 3);
  integer('head', 0);
  integer('tail', 0);
  integer('size', 1);
  integer('overlap', 0);
  if (config.head !== undefined && config.tail !== undefined && config.head + config.tail === 0) bad('head + tail must be positive.', 'head');
  const unit = config.unit ?? 'tokens';
  if (unit !== 'tokens' && unit !== 'characters') bad('must be tokens or characters.', 'unit');
  if (config.size !== undefined && config.overlap !== undefined && config.overlap >= config.size) bad('must be below size.', 'overlap');
  return Object.freeze({ ...config, unit });
}

/** Prefix and suffix special tokens of a tokenizer, found by encoding a probe text with and without them. */
interface SpecialTemplate {
  prefixIds: number[];
  suffixIds: number[];
  prefixTypes: number[];
  suffixTypes: number[];
  contentType: number;
}

const templates = new WeakMap<object, SpecialTemplate>();

function specialTemplate(tokenizer: Tokenizer): SpecialTemplate {
  const cached = templates.get(tokenizer);
  if (cached) return cached;
  const probe = 'a';
  const withSpecials = tokenizer.encode(probe, { padding: 'none' });
  const content = tokenizer.encode(probe, { padding: 'none', addSpecialTokens: false }).ids;
  const ids = withSpecials.ids;
  let prefix = ids.length - content.length;
  for (let p = 0; p + content.length <= ids.length; p++) {
    if (content.every((id, k) => ids[p + k] === id)) {
      prefix = p;
      break;
    }
  }
  const types = withSpecials.tokenTypeIds ?? [];
  const template: SpecialTemplate = {
    prefixIds: ids.slice(0, prefix),
    suffixIds: ids.slice(prefix + content.length),
    prefixTypes: types.slice(0, prefix),
    suffixTypes: types.slice(prefix + content.length),
    contentType: types[prefix] ?? 0,
  };
  templates.set(tokenizer, template);
  return template;
}

/** End (exclusive) of the last content token of an encoding, relative to the encoded text; 0 when none. */
function contentEnd(encoding: EncodingV1): number {
  let end = 0;
  for (const [, e] of encoding.offsets) if (e > end) end = e;
  return end;
}

function headTail(config: ResolvedLongInput, room: number): { head: number; tail: number } {
  let head = config.head;
  let tail = config.tail;
  if (head === undefined && tail === undefined) {
    if (room >= DEFAULT_HEAD_TOKENS + DEFAULT_TAIL_TOKENS) return { head: DEFAULT_HEAD_TOKENS, tail: DEFAULT_TAIL_TOKENS };
    head = Math.floor((room * DEFAULT_HEAD_TOKENS) / (DEFAULT_HEAD_TOKENS + DEFAULT_TAIL_TOKENS));
    return { head, tail: room - head };
  }
  head ??= Math.max(0, room - (tail ?? 0));
  tail ??= Math.max(0, room - head);
  if (head + tail > room) {
    const scaledHead = Math.floor((head * room) / (head + tail));
    return { head: scaledHead, tail: room - scaledHead };
  }
  return { head, tail };
}

/**
 * Splits `text` into the parts the model reads, per `config` (see {@link LongInputMode}). Encodings are unpadded
 * and include the special tokens; offsets of each encoding are relative to its part's text (its `start`).
 * Always returns at least one part (the empty text gives the special tokens alone).
 */
export function splitForModel(text: string, tokenizer: Tokenizer, config: ResolvedLongInput): SplitInput {
  const maxLength = Math.min(config.maxLength ?? tokenizer.modelMaxLength, tokenizer.modelMaxLength);
  const room = Math.max(1, maxLength - tokenizer.specialTokenCount);
  const right = { maxLength, truncation: { strategy: 'right' as const }, padding: 'none' as const };
  const cutPart = (start: number, end: number): TextPart & { truncated: boolean } => {
    const encoding = tokenizer.encode(start === 0 && end === text.length ? text : text.slice(start, end), right);
    return { start, end: encoding.truncated ? start + contentEnd(encoding) : end, encoding, truncated: encoding.truncated };
  };

  switch (config.mode) {
    case 'full': {
      const part = cutPart(0, text.length);
      return { parts: [part], truncated: part.truncated };
    }
    case 'head-tail': {
      const encoding = tokenizer.encode(text, { maxLength, truncation: { strategy: 'head-tail', ...headTail(config, room) }, padding: 'none' });
      return { parts: [{ start: 0, end: text.length, encoding }], truncated: encoding.truncated };
    }
    case 'sentence': {
      const sentences = splitSentences(text);
      if (sentences.length === 0) sentences.push({ start: 0, end: text.length });
      const parts = sentences.map((sentence) => cutPart(sentence.start, sentence.end));
      return { parts, truncated: parts.some((part) => part.truncated) };
    }
    case 'chunks':
      return config.unit === 'characters' ? characterChunks(text, config, cutPart) : tokenChunks(text, tokenizer, config, room, maxLength);
  }
}

function characterChunks(
  text: string,
  config: ResolvedLongInput,
  cutPart: (start: number, end: number) => TextPart & { truncated: boolean },
): SplitInput {
  const size = config.size ?? DEFAULT_CHUNK_CHARACTERS;
  const overlap = Math.min(config.overlap ?? Math.min(DEFAULT_CHUNK_OVERLAP_CHARACTERS, Math.floor(size / 4)), size - 1);
  const parts: Array<TextPart & { truncated: boolean }> = [];
  let start = 0;
  for (;;) {
    let end = Math.min(text.length, start + size);
    // Never cut a surrogate pair.
    if (end < text.length && end - start > 1 && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
    parts.push(cutPart(start, end));
    if (end >= text.length) break;
    let next = Math.max(start + 1, end - overlap);
    // Never start inside a surrogate pair either.
    if ((text.charCodeAt(next) & 0xfc00) === 0xdc00) next = next - 1 > start ? next - 1 : next + 1;
    start = next;
  }
  return { parts, truncated: parts.some((part) => part.truncated) };
}

/** Content tokens of a text: ids and their UTF-16 offsets in the text. */
interface Content {
  ids: number[];
  offsets: Array<[number, number]>;
}

function encodeContent(text: string, tokenizer: Tokenizer, maxLength: number): Content {
  const encoding = tokenizer.encode(text, { maxLength, truncation: { strategy: 'none' }, addSpecialTokens: false, padding: 'none' });
  return { ids: encoding.ids, offsets: encoding.offsets };
}

function tokenChunks(text: string, tokenizer: Tokenizer, config: ResolvedLongInput, room: number, maxLength: number): SplitInput {
  return chunkContent(text, tokenizer, config, room, encodeContent(text, tokenizer, maxLength));
}

/** Texts longer than this (UTF-16 code units) are tokenized for token chunks in segments, yielding between them. */
export const TOKENIZE_SEGMENT_CHARACTERS = 16_384;

/**
 * Where the segment starting at `start` ends: before the last whitespace within the last 1,024 code units of a
 * {@link TOKENIZE_SEGMENT_CHARACTERS} window (so that no word is cut and the whitespace leads the next segment,
 * as the pre-tokenizers expect), else at the window's end, never inside a surrogate pair.
 */
function segmentEnd(text: string, start: number): number {
  const limit = start + TOKENIZE_SEGMENT_CHARACTERS;
  if (limit >= text.length) return text.length;
  for (let k = limit; k > limit - 1024; k--) {
    const code = text.charCodeAt(k);
    if (code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d) return k;
  }
  return (text.charCodeAt(limit) & 0xfc00) === 0xdc00 ? limit - 1 : limit;
}

/**
 * Whether {@link splitForModelAsync} tokenizes `text` in segments (token chunks of a text longer than
 * {@link TOKENIZE_SEGMENT_CHARACTERS}); otherwise {@link splitForModel} splits it at once, as it would.
 */
export function tokenizesInSegments(text: string, config: ResolvedLongInput): boolean {
  return config.mode === 'chunks' && config.unit === 'tokens' && text.length > TOKENIZE_SEGMENT_CHARACTERS;
}

/**
 * {@link splitForModel}, yielding to the event loop while it tokenizes a long text for token chunks (in segments of
 * {@link TOKENIZE_SEGMENT_CHARACTERS}, cut before whitespace), so that a time limit or an abort can stop it: it
 * raises `AbortedError` when `signal` (an `AbortSignal` or any {@link StopCheck}) aborts between segments. Other
 * modes and short texts ({@link tokenizesInSegments} false) split at once.
 */
export async function splitForModelAsync(text: string, tokenizer: Tokenizer, config: ResolvedLongInput, signal?: StopCheck): Promise<SplitInput> {
  if (!tokenizesInSegments(text, config)) return splitForModel(text, tokenizer, config);
  const maxLength = Math.min(config.maxLength ?? tokenizer.modelMaxLength, tokenizer.modelMaxLength);
  const room = Math.max(1, maxLength - tokenizer.specialTokenCount);
  const content: Content = { ids: [], offsets: [] };
  for (let start = 0; start < text.length; ) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    throwIfStopped(signal);
    const end = Math.max(start + 1, segmentEnd(text, start));
    const part = encodeContent(text.slice(start, end), tokenizer, maxLength);
    for (let k = 0; k < part.ids.length; k++) {
      content.ids.push(part.ids[k]!);
      const [s, e] = part.offsets[k]!;
      content.offsets.push([s + start, e + start]);
    }
    start = end;
  }
  return chunkContent(text, tokenizer, config, room, content);
}

function chunkContent(text: string, tokenizer: Tokenizer, config: ResolvedLongInput, room: number, content: Content): SplitInput {
  const size = Math.min(config.size ?? room, room);
  const overlap = Math.min(config.overlap ?? Math.min(DEFAULT_CHUNK_OVERLAP_TOKENS, Math.floor(size / 4)), size - 1);
  const template = specialTemplate(tokenizer);
  const parts: TextPart[] = [];
  const total = content.ids.length;
  for (let first = 0; ; first += size - overlap) {
    const last = Math.min(total, first + size);
    const ids = content.ids.slice(first, last);
    const offsets = content.offsets.slice(first, last);
    const encoding: EncodingV1 = {
      ids: [...template.prefixIds, ...ids, ...template.suffixIds],
      attentionMask: new Array<number>(template.prefixIds.length + ids.length + template.suffixIds.length).fill(1),
      offsets: [
        ...template.prefixIds.map((): [number, number] => [0, 0]),
        ...offsets.map(([s, e]): [number, number] => [s, e]),
        ...template.suffixIds.map((): [number, number] => [0, 0]),
      ],
      truncated: false,
    };
    if (tokenizer.usesTokenTypeIds) {
      encoding.tokenTypeIds = [...template.prefixTypes, ...new Array<number>(ids.length).fill(template.contentType), ...template.suffixTypes];
    }
    const start = offsets[0]?.[0] ?? 0;
    const end = offsets.reduce((max, [, e]) => Math.max(max, e), total === 0 ? text.length : start);
    // Offsets of token chunks are relative to the whole input: rebase them on the part's start.
    encoding.offsets = encoding.offsets.map(([s, e]) => (e === 0 ? [0, 0] : [s - start, e - start]));
    parts.push({ start, end, encoding });
    if (last >= total) break;
  }
  return { parts, truncated: false };
}
