import type { BpeModel } from './bpe-model.js';
import { MAX_RAW_WORD } from './bpe-model.js';
import { BYTE_LEVEL_PATTERN } from './pre-tokenizer.js';

/** A token sink: ids and UTF-16 offsets into the text. */
export interface TokenSink {
  ids: number[];
  offsets: Array<[number, number]>;
}

/** A tokenizer.json's `pre_tokenizer` and `normalizer` entries, as far as {@link usesRawByteLevel} reads them. */
interface Entries {
  normalizer?: unknown;
  pre_tokenizer?: unknown;
}

/**
 * Whether a tokenizer can take the raw byte-level path of {@link ByteLevelBpeEncoder}: no normaliser, a lone
 * `ByteLevel` pre-tokeniser with its split regex and without `add_prefix_space`, and a BPE model whose vocab holds
 * the 256 byte characters without subword prefix or suffix (roberta-base and the RoBERTa/GPT-2 family). Other
 * configurations take the general path (aligned strings through the normaliser and pre-tokeniser): same ids and
 * offsets, slower.
 */
export function usesRawByteLevel(json: Entries, model: BpeModel | undefined): model is BpeModel {
  const pre = json.pre_tokenizer as { type?: unknown; use_regex?: unknown; add_prefix_space?: unknown } | null | undefined;
  return (
    model !== undefined &&
    model.rawBytes &&
    (json.normalizer === null || json.normalizer === undefined) &&
    typeof pre === 'object' &&
    pre !== null &&
    pre.type === 'ByteLevel' &&
    pre.use_regex !== false &&
    pre.add_prefix_space !== true
  );
}

/**
 * Byte-level pre-tokenisation and BPE in one pass over the original text, without aligned strings: the GPT-2 split
 * regex (sticky: its alternatives cover every character, so words tile the text) finds each word, and
 * {@link BpeModel.encodeRawWord} tokenizes it from its UTF-8 bytes (cached per raw word). Offsets are those the
 * general path gives: a token covers the code points its bytes belong to; with `trimOffsets`, its spaces (U+0020) at
 * either end are left out, as Rust's byte-level `trim_offsets` does.
 */
export class ByteLevelBpeEncoder {
  readonly #model: BpeModel;
  readonly #trimOffsets: boolean;
  readonly #pattern = new RegExp(BYTE_LEVEL_PATTERN.source, 'uy');
  readonly #general: (text: string, from: number, to: number, out: TokenSink) => void;

  /**
   * @param model - a BPE model with {@link BpeModel.rawBytes}
   * @param trimOffsets - trim spaces off token offsets (the post-processor's `trim_offsets`)
   * @param general - encodes the word `text[from, to)` through the general path (words over {@link MAX_RAW_WORD} units)
   */
  constructor(model: BpeModel, trimOffsets: boolean, general: (text: string, from: number, to: number, out: TokenSink) => void) {
    this.#model = model;
    this.#trimOffsets = trimOffsets;
    this.#general = general;
  }

  /** Appends the tokens of `text[from, to)` to `out`, word by word, while `out` holds fewer than `limit` tokens. */
  encode(text: string, from: number, to: number, out: TokenSink, limit: number): void {
    const piece = from === 0 && to === text.length ? text : text.slice(from, to);
    const pattern = this.#pattern;
    const model = this.#model;
    const trim = this.#trimOffsets;
    const ids = out.ids;
    const offsets = out.offsets;
    pattern.lastIndex = 0;
    let position = 0;
    while (position < piece.length) {
      if (ids.length >= limit) return;
      // Never fails (every character starts a match) and never matches empty; the guard keeps the loop progressing regardless.
      const next = pattern.test(piece) ? pattern.lastIndex : piece.length;
      const end = next > position ? next : piece.length;
      const start = from + position;
      const stop = from + end;
      position = end;
      pattern.lastIndex = end;
      if (stop - start > MAX_RAW_WORD) {
        this.#general(text, start, stop, out);
        continue;
      }
      const tokens = model.encodeRawWord(text, start, stop);
      for (let k = 0; k < tokens.length; k += 3) {
        let s = start + (tokens[k + 1] as number);
        let e = start + (tokens[k + 2] as number);
        if (trim) {
          while (s < e && text.charCodeAt(s) === 0x20) s++;
          while (e > s && text.charCodeAt(e - 1) === 0x20) e--;
        }
        ids.push(tokens[k] as number);
        offsets.push([s, e]);
      }
    }
  }
}
