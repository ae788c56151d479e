import { InvalidConfigError } from '@llm-shield/core';
import type { AddedTokenConfig } from './added-tokens.js';
import { encodeBase64 } from './base64.js';
import { readFloat32, readProtobufFields } from './protobuf-reader.js';
import type { TokenizerJson } from './tokenizer.js';

/** Options of {@link tokenizerJsonFromSentencePiece}. */
export interface SentencePieceConversionOptions {
  /** The converter to mirror: `deberta-v2` = `transformers.convert_slow_tokenizer.DebertaV2Converter`. */
  kind: 'deberta-v2';
  /** Lowercase the input (`do_lower_case` of `tokenizer_config.json`; default `false`). */
  doLowerCase?: boolean;
  /** Split punctuation before the Metaspace step (`split_by_punct`; default `false`). */
  splitByPunct?: boolean;
  /**
   * Tokens added after the SentencePiece vocabulary, as in `added_tokens.json` (default `{ "[MASK]": <piece count> }`,
   * which is what `DebertaV2Tokenizer` adds).
   */
  addedTokens?: Record<string, number>;
}

/** A SentencePiece piece: text, score and type (1 normal, 2 unknown, 3 control, 4 user-defined, 5 unused, 6 byte). */
interface Piece {
  piece: string;
  score: number;
  type: number;
}

const decoder = new TextDecoder();

/** Reads the parts of a SentencePiece `ModelProto` the conversion needs. */
function parseModelProto(bytes: Uint8Array): { pieces: Piece[]; modelType: number; unkId: number; charsmap: Uint8Array | null } {
  const pieces: Piece[] = [];
  let modelType = 1;
  let unkId = 0;
  let charsmap: Uint8Array | null = null;
  for (const field of readProtobufFields(bytes)) {
    if (field.field === 1 && field.bytes) {
      const piece: Piece = { piece: '', score: 0, type: 1 };
      for (const sub of readProtobufFields(field.bytes)) {
        if (sub.field === 1 && sub.bytes) piece.piece = decoder.decode(sub.bytes);
        else if (sub.field === 2 && sub.bytes && sub.wireType === 5) piece.score = readFloat32(sub.bytes);
        else if (sub.field === 3 && sub.varint !== undefined) piece.type = sub.varint;
      }
      pieces.push(piece);
    } else if (field.field === 2 && field.bytes) {
      for (const sub of readProtobufFields(field.bytes)) {
        if (sub.field === 3 && sub.varint !== undefined) modelType = sub.varint;
        else if (sub.field === 40 && sub.varint !== undefined) unkId = sub.varint;
      }
    } else if (field.field === 3 && field.bytes) {
      for (const sub of readProtobufFields(field.bytes)) if (sub.field === 2 && sub.bytes) charsmap = sub.bytes.slice();
    }
  }
  return { pieces, modelType, unkId, charsmap };
}

/**
 * Builds a `tokenizer.json` object from a SentencePiece model (`spm.model` bytes), with the normaliser,
 * pre-tokeniser, post-processor and decoder that Hugging Face's `DebertaV2Converter` produces:
 * normalizer `Sequence[Lowercase?, Strip, Precompiled(charsmap), Replace(" {2,}" → " ")]`, pre-tokenizer
 * `Sequence[Punctuation?, Metaspace(▁, always, split)]`, model `Unigram` (no byte fallback), post-processor
 * `[CLS] $A [SEP]` / `[CLS] $A [SEP] $B:1 [SEP]:1`. Pure: give it the file's bytes. Raises
 * {@link InvalidConfigError} for a malformed or non-Unigram model.
 *
 * @param spmModelBytes - contents of `spm.model`
 * @param options - which converter to mirror and its tokenizer options
 */
export function tokenizerJsonFromSentencePiece(spmModelBytes: Uint8Array, options: SentencePieceConversionOptions): TokenizerJson {
  if (options.kind !== 'deberta-v2') throw new InvalidConfigError(`Unknown SentencePiece conversion kind ${JSON.stringify(options.kind)}.`);
  const { pieces, modelType, unkId, charsmap } = parseModelProto(spmModelBytes);
  if (pieces.length === 0) throw new InvalidConfigError('The SentencePiece model has no pieces.');
  if (modelType !== 1) throw new InvalidConfigError(`Only Unigram SentencePiece models are supported (model_type ${modelType}).`);
  const idOf = (token: string): number => {
    const id = pieces.findIndex((p) => p.piece === token);
    if (id < 0) throw new InvalidConfigError(`The SentencePiece model has no ${token} piece.`);
    return id;
  };
  const cls = idOf('[CLS]');
  const sep = idOf('[SEP]');
  const extra = options.addedTokens ?? { '[MASK]': pieces.length };
  const special = new Set(['[PAD]', '[CLS]', '[SEP]', '[UNK]', '[MASK]']);
  const added: AddedTokenConfig[] = [];
  pieces.forEach((p, id) => {
    if (p.type === 2 || p.type === 3) {
      added.push({ id, content: p.piece, single_word: false, lstrip: false, rstrip: false, normalized: p.type === 2, special: true });
    } else if (p.type === 4) {
      added.push({ id, content: p.piece, single_word: false, lstrip: false, rstrip: false, normalized: false, special: false });
    }
  });
  for (const [content, id] of Object.entries(extra)) {
    if (!added.some((t) => t.id === id)) added.push({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: special.has(content) });
  }
  added.sort((a, b) => a.id - b.id);
  const normalizers: Array<Record<string, unknown>> = [];
  if (options.doLowerCase) normalizers.push({ type: 'Lowercase' });
  normalizers.push({ type: 'Strip', strip_left: true, strip_right: true });
  if (charsmap && charsmap.length > 0) normalizers.push({ type: 'Precompiled', precompiled_charsmap: encodeBase64(charsmap) });
  normalizers.push({ type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' });
  const preTokenizers: Array<Record<string, unknown>> = [];
  if (options.splitByPunct) preTokenizers.push({ type: 'Punctuation', behavior: 'Isolated' });
  preTokenizers.push({ type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: true });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: added,
    normalizer: { type: 'Sequence', normalizers },
    pre_tokenizer: { type: 'Sequence', pretokenizers: preTokenizers },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [cls], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [sep], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'Metaspace', replacement: '\u2581', prepend_scheme: 'always', split: true },
    model: { type: 'Unigram', unk_id: unkId, vocab: pieces.map((p) => [p.piece, p.score]), byte_fallback: false },
  };
}
