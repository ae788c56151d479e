import { InvalidConfigError, InvalidInputError, type EncodeOptionsV1, type EncodingV1, type TokenizerV1 } from '@llm-shield/core';
import { AddedTokenMatcher, type AddedTokenConfig } from './added-tokens.js';
import { AlignedString } from './aligned-string.js';
import { resolveEncodeOptions, type ResolvedEncodeOptions } from './encode-options.js';
import { createNormalizer, type NormalizerConfig } from './normalizer.js';
import { readPostProcessor, type SingleSequenceTemplate, type PostProcessorConfig } from './post-processor.js';
import { createPreTokenizer, splitsAtSpaces, type PreTokenizerConfig } from './pre-tokenizer.js';
import { ByteLevelBpeEncoder, usesRawByteLevel } from './byte-level-bpe.js';
import { toByteLevel } from './byte-level.js';
import { MetaspaceWords, rawMetaspaceOptions } from './metaspace-words.js';
import { SubwordModel, type ModelConfig } from './subword-model.js';

/** The parts of a parsed `tokenizer.json` this package reads. */
export interface TokenizerJson {
  added_tokens?: AddedTokenConfig[];
  normalizer?: NormalizerConfig | null;
  pre_tokenizer?: PreTokenizerConfig | null;
  model: ModelConfig;
  post_processor?: PostProcessorConfig | null;
  truncation?: { max_length?: number } | null;
  padding?: { pad_id?: number } | null;
  [key: string]: unknown;
}

/** The parts of a parsed `tokenizer_config.json` this package reads. */
export interface TokenizerConfigJson {
  model_max_length?: number;
  max_length?: number;
  pad_token?: string | { content?: string } | null;
  model_input_names?: string[];
  [key: string]: unknown;
}

/** A {@link TokenizerV1} with a few extras useful to callers and tests. */
export interface Tokenizer extends TokenizerV1 {
  /** Id of the padding token. */
  readonly padId: number;
  /** Special tokens added around one sequence (0 when none). */
  readonly specialTokenCount: number;
  /** Whether encodings carry `tokenTypeIds`. */
  readonly usesTokenTypeIds: boolean;
  /** Ids of the text alone (no special tokens, no truncation, no padding). */
  tokenizeToIds(text: string): number[];
}

/** Content tokens of a text: ids and UTF-16 offsets in the input. */
interface ContentTokens {
  ids: number[];
  offsets: Array<[number, number]>;
}

/** Default `model_max_length` when neither file gives a usable one. */
export const DEFAULT_MODEL_MAX_LENGTH = 512;
/** Without a safe cut (see {@link createTokenizer}), pre-tokenizers that do not split at spaces cut long texts about this often. */
const CHUNK_SIZE = 8192;
/** Under truncation, the first piece tokenised is about this many characters per needed token (then doubling). */
const PREFIX_CHARS_PER_TOKEN = 6;
/** The smallest first piece under truncation, in UTF-16 code units. */
const PREFIX_MIN_CHARS = 256;
const ALNUM = /[\p{L}\p{N}]/u;
const MARK = /[\p{M}\u200c\u200d\ufe0f]/u;

/** Whether the space at `i` lies between two letters/digits (code points, astral ones included). */
function isSafeCut(text: string, i: number): boolean {
  const low = text.charCodeAt(i - 1);
  const before = (low & 0xfc00) === 0xdc00 && i >= 2 ? text.slice(i - 2, i) : text.charAt(i - 1);
  const high = text.charCodeAt(i + 1);
  const after = (high & 0xfc00) === 0xd800 ? text.slice(i + 1, i + 3) : text.charAt(i + 1);
  return ALNUM.test(before) && ALNUM.test(after);
}

function sanePositive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 1e9 ? value : undefined;
}

/**
 * Creates a {@link TokenizerV1} from a parsed `tokenizer.json` (and optionally `tokenizer_config.json`). Pure: no
 * I/O; runs in browsers. The BPE and Unigram models are ours, WordPiece is `@huggingface/tokenizers`';
 * normalisation, pre-tokenisation, offsets, special tokens, truncation and padding are done here (see README).
 *
 * `modelMaxLength`: `model_max_length` of the config when below 1e9 (Hugging Face writes 1e30 for "unset"), else
 * its `max_length`, else `truncation.max_length` of `tokenizer.json`, else {@link DEFAULT_MODEL_MAX_LENGTH}.
 * Pad id: the config's `pad_token`, else `padding.pad_id`, else an added token named `[PAD]`/`<pad>`, else 0.
 * Token type ids: present when `model_input_names` lists `token_type_ids`, or, without that list, as the
 * post-processor implies (see {@link SingleSequenceTemplate.usesTypeIds}).
 *
 * @param tokenizerJson - parsed `tokenizer.json`
 * @param tokenizerConfig - parsed `tokenizer_config.json` (default `{}`)
 */
export function createTokenizer(tokenizerJson: object, tokenizerConfig: object = {}): Tokenizer {
  const json = tokenizerJson as TokenizerJson;
  const config = tokenizerConfig as TokenizerConfigJson;
  if (!json || typeof json !== 'object' || !json.model || typeof json.model !== 'object') {
    throw new InvalidConfigError('tokenizer.json must be an object with a "model".');
  }
  const model = new SubwordModel(json.model);
  const normalize = createNormalizer(json.normalizer);
  const preTokenize = createPreTokenizer(json.pre_tokenizer);
  const template: SingleSequenceTemplate = readPostProcessor(json.post_processor);
  const addedTokens = json.added_tokens ?? [];
  const rawMatcher = new AddedTokenMatcher(addedTokens.filter((t) => t.normalized === false || (t.normalized === undefined && t.special === true)));
  const normalizedMatcher = new AddedTokenMatcher(
    addedTokens
      .filter((t) => t.normalized === true || (t.normalized === undefined && t.special !== true))
      .map((t) => ({ ...t, content: normalize(AlignedString.fromOriginal(t.content)).text })),
  );
  const safeCuts = splitsAtSpaces(json.pre_tokenizer);
  // A piece that starts at a safe cut starts with its space. A `Strip` normaliser drops that space, so with a
  // Metaspace pre-tokenizer (space → ▁, part of the next token) the piece's first token would start one unit later
  // than in the whole text: such offsets are moved back onto the space (see encodePiece).
  const piecesLoseLeadingSpace = stripsLeft(json.normalizer) && JSON.stringify(json.pre_tokenizer ?? null).includes('"Metaspace"');

  const modelMaxLength =
    sanePositive(config.model_max_length) ?? sanePositive(config.max_length) ?? sanePositive(json.truncation?.max_length) ?? DEFAULT_MODEL_MAX_LENGTH;
  const padName = typeof config.pad_token === 'string' ? config.pad_token : (config.pad_token?.content ?? undefined);
  const padId =
    (padName !== undefined ? (addedTokens.find((t) => t.content === padName)?.id ?? model.idOf(padName)) : undefined) ??
    (typeof json.padding?.pad_id === 'number' ? json.padding.pad_id : undefined) ??
    addedTokens.find((t) => t.content === '[PAD]' || t.content === '<pad>')?.id ??
    0;
  const usesTokenTypeIds = Array.isArray(config.model_input_names) ? config.model_input_names.includes('token_type_ids') : template.usesTypeIds;
  const specialTokenCount = template.prefix.length + template.suffix.length;

  /** Appends the model's tokens of the pre-tokenised `word`, with offsets in the original text. */
  const encodeWord = (text: string, word: AlignedString, out: ContentTokens): void => {
    const tokens = model.tokenize(word.text);
    let start = 0;
    for (let k = 0; k < tokens.ids.length; k++) {
      const end = tokens.ends[k] ?? word.length;
      let [s, e] = word.originalRange(tokens.starts?.[k] ?? start, end);
      if (template.trimOffsets) {
        // Rust trims the byte-level spaces (`Ġ`) of the token, i.e. U+0020 only.
        while (s < e && text.charCodeAt(s) === 0x20) s++;
        while (e > s && text.charCodeAt(e - 1) === 0x20) e--;
      }
      out.ids.push(tokens.ids[k] ?? 0);
      out.offsets.push([s, e]);
      start = end;
    }
  };

  // Byte-level BPE without normaliser (roberta): pre-tokeniser and model in one pass over the original text.
  const rawByteLevel = usesRawByteLevel(json, model.bpe)
    ? new ByteLevelBpeEncoder(model.bpe as NonNullable<typeof model.bpe>, template.trimOffsets, (text, from, to, out) =>
        encodeWord(text, toByteLevel(AlignedString.fromOriginal(text, from, to)), out),
      )
    : undefined;

  // A lone Metaspace (deberta-v3): on text the normaliser leaves as it is, pre-tokeniser and model in one pass.
  const unitMap = normalize.unitMap;
  const metaspaceOptions = unitMap ? rawMetaspaceOptions(json.pre_tokenizer) : undefined;
  const rawMetaspace = metaspaceOptions ? new MetaspaceWords(metaspaceOptions, (word) => model.tokenize(word), template.trimOffsets) : undefined;

  /** Tokenizes `text[from, to)` (a stretch that starts and ends at safe cuts), appending to `out`. */
  const encodeRange = (text: string, from: number, to: number, out: ContentTokens, limit: number): void => {
    for (const raw of rawMatcher.split(text, from, to)) {
      if (out.ids.length >= limit) return;
      if (raw.id !== undefined) {
        out.ids.push(raw.id);
        out.offsets.push([raw.start, raw.end]);
        continue;
      }
      if (rawByteLevel) {
        // no normaliser: the normalised text is the original
        for (const piece of normalizedMatcher.split(text, raw.start, raw.end)) {
          if (out.ids.length >= limit) return;
          if (piece.id !== undefined) {
            out.ids.push(piece.id);
            out.offsets.push([piece.start, piece.end]);
          } else rawByteLevel.encode(text, piece.start, piece.end, out, limit);
        }
        continue;
      }
      const mapped = rawMetaspace ? unitMap?.(text, raw.start, raw.end) : undefined;
      if (rawMetaspace && mapped !== undefined && (mapped.text.length > 0 || raw.end === raw.start)) {
        // every unit of the normalised text comes from one unit of the original
        const origin = mapped.origin;
        const at = (i: number): number => raw.start + (origin === undefined ? i : (origin[i] as number));
        for (const piece of normalizedMatcher.split(mapped.text)) {
          if (out.ids.length >= limit) return;
          if (piece.id !== undefined) {
            out.ids.push(piece.id);
            out.offsets.push([at(piece.start), at(piece.end - 1) + 1]);
          } else rawMetaspace.encode(mapped.text, piece.start, piece.end, raw.start, origin, text, out, limit);
        }
        continue;
      }
      const normalized = normalize(AlignedString.fromOriginal(text, raw.start, raw.end));
      for (const piece of normalizedMatcher.split(normalized.text)) {
        if (piece.id !== undefined) {
          out.ids.push(piece.id);
          out.offsets.push(normalized.originalRange(piece.start, piece.end));
          continue;
        }
        for (const word of preTokenize([normalized.slice(piece.start, piece.end)])) {
          if (out.ids.length >= limit) return;
          encodeWord(text, word, out);
        }
      }
    }
  };

  /** {@link encodeRange} of a piece `text[from, to)` that starts at a safe cut (or at 0), with the whole text's offsets. */
  const encodePiece = (text: string, from: number, to: number, out: ContentTokens, limit: number): void => {
    const first = out.ids.length;
    encodeRange(text, from, to, out, limit);
    const offset = out.offsets[first];
    if (piecesLoseLeadingSpace && from > 0 && offset && offset[0] === from + 1 && text.charCodeAt(from) === 0x20) offset[0] = from;
  };

  /**
   * WordPiece turns a word longer than its `max_input_chars_per_word` into one `[UNK]` whatever its length, so a
   * long run without a safe cut is read whole (exact ids, linear cost). BPE and Unigram work on every character of a
   * word, so under truncation a run is read only {@link CHUNK_SIZE} units past a piece's nominal end.
   */
  const wholeWords = model.kind === 'WordPiece';

  /**
   * The first safe cut (a single space between two letters/digits, where every pre-tokenizer that
   * `splitsAtSpaces` starts a new word and no normaliser acts across) in `[from, limit)`, else -1. Callers consume
   * the text up to the cut or the limit, so repeated searches stay linear overall.
   */
  const nextSafeCut = (text: string, from: number, limit: number): number => {
    if (!safeCuts) return -1;
    const end = Math.min(limit, text.length - 1);
    for (let i = Math.max(1, from); i < end; i++) if (text.charCodeAt(i) === 0x20 && isSafeCut(text, i)) return i;
    return -1;
  };

  /** The last safe cut in `(floor, from]`, else -1; scans backwards from `from` (callers consume `[cut, …)`). */
  const previousSafeCut = (text: string, from: number, floor: number): number => {
    if (!safeCuts) return -1;
    for (let i = Math.min(from, text.length - 2); i > floor && i > 0; i--) if (text.charCodeAt(i) === 0x20 && isSafeCut(text, i)) return i;
    return -1;
  };

  /**
   * Where to end the piece that starts at `position` and should be about `size` long: the first safe cut at or
   * after `position + size`; with WordPiece however far (a long word is never split: one `[UNK]`, as in Rust), else
   * at most {@link CHUNK_SIZE} further, then a best-effort cut at a code point outside a mark run (tokens at that
   * cut may differ from the reference). Without safe cuts (a custom `Split` pre-tokenizer), best-effort cuts every
   * {@link CHUNK_SIZE} units. Always `> position` when `position < text.length`: every loop that consumes pieces
   * progresses.
   */
  const pieceEnd = (text: string, position: number, size: number): number => {
    if (text.length - position <= size + size / 2) return text.length;
    if (safeCuts) {
      const reach = wholeWords ? text.length : position + size + CHUNK_SIZE;
      const safe = nextSafeCut(text, position + size, reach);
      if (safe > position) return safe;
      if (wholeWords || text.length - reach <= CHUNK_SIZE / 2) return text.length;
      return clusterCut(text, reach, position + size);
    }
    if (text.length - position <= CHUNK_SIZE + CHUNK_SIZE / 2) return text.length;
    return clusterCut(text, position + CHUNK_SIZE, position + CHUNK_SIZE / 2);
  };

  /** A cut at or below `target` and above `floor` that splits neither a surrogate pair nor a mark run (else `target`). */
  const clusterCut = (text: string, target: number, floor: number): number => {
    let i = target;
    while (i > floor && ((text.charCodeAt(i) & 0xfc00) === 0xdc00 || MARK.test(text[i] ?? ''))) i--;
    if (i > floor) return i;
    // A mark run longer than the window: cut inside it, but never between the halves of a surrogate pair.
    return (text.charCodeAt(target) & 0xfc00) === 0xdc00 ? target + 1 : target;
  };

  /**
   * Under truncation only the first `need` content tokens (and, for head-tail, the last ones) are kept: tokenize the
   * text in growing pieces cut at safe cuts, so that a long text is normalised and tokenised only as far as needed.
   * The first piece is about {@link PREFIX_CHARS_PER_TOKEN} characters per needed token; each next one doubles, up
   * to {@link CHUNK_SIZE}; each ends at the next safe cut (see {@link pieceEnd}). Appends to `out` from `from`;
   * returns the position reached. Linear: each piece is scanned and tokenised once, and each ends past its start.
   */
  const encodePrefix = (text: string, from: number, need: number, out: ContentTokens, limit: number): number => {
    let position = from;
    let size = Math.max(PREFIX_MIN_CHARS, need * PREFIX_CHARS_PER_TOKEN);
    while (position < text.length && out.ids.length < need) {
      const cut = pieceEnd(text, position, size);
      encodePiece(text, position, cut, out, limit);
      position = cut;
      size = Math.min(CHUNK_SIZE, size * 2);
    }
    return position;
  };

  /** Content tokens of `text`, enough to apply `options` (work is bounded on long texts, see README). */
  const contentTokens = (text: string, options: ResolvedEncodeOptions, room: number): { tokens: ContentTokens; complete: boolean } => {
    const out: ContentTokens = { ids: [], offsets: [] };
    const strategy = options.truncation.strategy;
    if (strategy === 'none' || (!safeCuts && text.length <= CHUNK_SIZE + CHUNK_SIZE / 2)) {
      encodeRange(text, 0, text.length, out, strategy === 'right' ? room + 1 : Number.POSITIVE_INFINITY);
      return { tokens: out, complete: true };
    }
    // Right: room + 1 tokens tell that the text was cut. Head-tail: the same, then the tail from the end.
    const position = encodePrefix(text, 0, room + 1, out, strategy === 'right' ? room + 1 : Number.POSITIVE_INFINITY);
    if (position >= text.length || strategy === 'right') return { tokens: out, complete: position >= text.length };
    // head-tail: the head is in `out`; collect the tail from the end, chunk by chunk, without overlapping.
    const tail = strategy === 'head-tail' ? options.truncation.tail : 0;
    let tailStart = text.length;
    let tailTokens: ContentTokens = { ids: [], offsets: [] };
    let size = Math.max(PREFIX_MIN_CHARS, tail * PREFIX_CHARS_PER_TOKEN);
    while (tailStart > position && tailTokens.ids.length < tail) {
      let cut = position;
      if (tailStart - position > size + size / 2) {
        if (safeCuts) {
          const floor = wholeWords ? position : Math.max(position, tailStart - size - CHUNK_SIZE);
          const safe = previousSafeCut(text, tailStart - size, floor);
          if (safe > position) cut = safe;
          else if (floor - position > CHUNK_SIZE / 2) cut = clusterCut(text, floor, floor - CHUNK_SIZE / 2);
        } else if (tailStart - position > CHUNK_SIZE + CHUNK_SIZE / 2) {
          cut = clusterCut(text, tailStart - CHUNK_SIZE, tailStart - CHUNK_SIZE - CHUNK_SIZE / 2);
        }
      }
      const chunk: ContentTokens = { ids: [], offsets: [] };
      encodePiece(text, cut, tailStart, chunk, Number.POSITIVE_INFINITY);
      tailTokens = { ids: [...chunk.ids, ...tailTokens.ids], offsets: [...chunk.offsets, ...tailTokens.offsets] };
      tailStart = cut;
      size = Math.min(CHUNK_SIZE, size * 2);
    }
    if (tailStart <= position) {
      return { tokens: { ids: [...out.ids, ...tailTokens.ids], offsets: [...out.offsets, ...tailTokens.offsets] }, complete: true };
    }
    // Tokens between head and tail are unknown; keep head + tail and mark the middle as dropped.
    const head = strategy === 'head-tail' ? options.truncation.head : 0;
    return {
      tokens: {
        ids: [...out.ids.slice(0, head), ...tailTokens.ids.slice(-tail || tailTokens.ids.length)],
        offsets: [...out.offsets.slice(0, head), ...tailTokens.offsets.slice(-tail || tailTokens.offsets.length)],
      },
      complete: false,
    };
  };

  /** Encodes one text, unpadded. */
  const encodeOne = (text: string, options: ResolvedEncodeOptions): EncodingV1 => {
    if (typeof text !== 'string') throw new InvalidInputError(`Tokenizer input must be a string, got ${typeof text}.`);
    const prefix = options.addSpecialTokens ? template.prefix : [];
    const suffix = options.addSpecialTokens ? template.suffix : [];
    const room = options.maxLength - prefix.length - suffix.length;
    const { tokens, complete } = contentTokens(text, options, room);
    let { ids, offsets } = tokens;
    let truncated = !complete;
    const truncation = options.truncation;
    if (truncation.strategy === 'right' && ids.length > room) {
      ids = ids.slice(0, room);
      offsets = offsets.slice(0, room);
      truncated = true;
    } else if (truncation.strategy === 'head-tail' && ids.length > room) {
      const { head, tail } = truncation;
      ids = [...ids.slice(0, head), ...(tail > 0 ? ids.slice(-tail) : [])];
      offsets = [...offsets.slice(0, head), ...(tail > 0 ? offsets.slice(-tail) : [])];
      truncated = true;
    }
    // Plain loops instead of spreads: one allocation per array, sized once.
    const total = prefix.length + ids.length + suffix.length;
    const allIds = new Array<number>(total);
    const allOffsets = new Array<[number, number]>(total);
    let at = 0;
    for (const special of prefix) {
      allIds[at] = special.id;
      allOffsets[at++] = [0, 0];
    }
    for (let k = 0; k < ids.length; k++, at++) {
      allIds[at] = ids[k] as number;
      allOffsets[at] = offsets[k] as [number, number];
    }
    for (const special of suffix) {
      allIds[at] = special.id;
      allOffsets[at++] = [0, 0];
    }
    const encoding: EncodingV1 = { ids: allIds, attentionMask: new Array<number>(total).fill(1), offsets: allOffsets, truncated };
    if (usesTokenTypeIds) {
      const typeIds = new Array<number>(total).fill(template.typeId);
      prefix.forEach((special, k) => (typeIds[k] = special.typeId));
      suffix.forEach((special, k) => (typeIds[total - suffix.length + k] = special.typeId));
      encoding.tokenTypeIds = typeIds;
    }
    return encoding;
  };

  const pad = (encoding: EncodingV1, length: number): EncodingV1 => {
    const missing = length - encoding.ids.length;
    if (missing <= 0) return encoding;
    encoding.ids.push(...new Array<number>(missing).fill(padId));
    encoding.attentionMask.push(...new Array<number>(missing).fill(0));
    encoding.tokenTypeIds?.push(...new Array<number>(missing).fill(0));
    for (let i = 0; i < missing; i++) encoding.offsets.push([0, 0]);
    return encoding;
  };

  const encodeBatch = (texts: readonly string[], options?: EncodeOptionsV1): EncodingV1[] => {
    if (!Array.isArray(texts)) throw new InvalidInputError('encodeBatch expects an array of strings.');
    const resolved = resolveEncodeOptions(options, modelMaxLength, specialTokenCount);
    const encodings = texts.map((text) => encodeOne(text, resolved));
    const target =
      resolved.padding === 'max-length' ? resolved.maxLength : resolved.padding === 'longest' ? Math.max(0, ...encodings.map((e) => e.ids.length)) : 0;
    return target > 0 ? encodings.map((e) => pad(e, target)) : encodings;
  };

  return {
    specificationVersion: 'v1',
    modelMaxLength,
    padId,
    specialTokenCount,
    usesTokenTypeIds,
    encode: (text, options) => {
      const [encoding] = encodeBatch([text], options);
      return encoding as EncodingV1;
    },
    encodeBatch,
    tokenizeToIds: (text) => {
      if (typeof text !== 'string') throw new InvalidInputError(`Tokenizer input must be a string, got ${typeof text}.`);
      const out: ContentTokens = { ids: [], offsets: [] };
      encodeRange(text, 0, text.length, out, Number.POSITIVE_INFINITY);
      return out.ids;
    },
  };
}

/** True when a normaliser (or one of a sequence's) is a `Strip` that strips left. */
function stripsLeft(config: unknown): boolean {
  if (!config || typeof config !== 'object') return false;
  const c = config as { type?: unknown; strip_left?: unknown; normalizers?: unknown };
  if (c.type === 'Strip') return c.strip_left !== false;
  return c.type === 'Sequence' && Array.isArray(c.normalizers) && c.normalizers.some(stripsLeft);
}
