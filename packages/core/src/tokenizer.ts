/** How an over-long sequence is cut. */
export type TruncationV1 =
  /** keep the first tokens */
  | { strategy: 'right' }
  /** keep the first `head` and the last `tail` tokens (special tokens not counted) */
  | { strategy: 'head-tail'; head: number; tail: number }
  /** never cut; the caller splits long text itself */
  | { strategy: 'none' };

/** Options of {@link TokenizerV1.encode}. */
export interface EncodeOptionsV1 {
  /** Maximum sequence length including special tokens (default: the tokenizer's model maximum). */
  maxLength?: number;
  /** Truncation strategy (default `{ strategy: 'right' }`). Closing special tokens always survive. */
  truncation?: TruncationV1;
  /** Padding: none, to the longest sequence of the batch, or to `maxLength` (default `longest`). */
  padding?: 'none' | 'longest' | 'max-length';
  /** Add the model's special tokens such as `[CLS]`/`[SEP]` or `<s>`/`</s>` (default `true`). */
  addSpecialTokens?: boolean;
}

/** The encoding of one text (contract version 1). */
export interface EncodingV1 {
  ids: number[];
  attentionMask: number[];
  /** Present when the model takes segment ids. */
  tokenTypeIds?: number[];
  /** Character offsets (UTF-16 code units) of each token in the input; `[0, 0]` for special and pad tokens. */
  offsets: Array<[number, number]>;
  /** True when tokens were dropped by truncation. */
  truncated: boolean;
}

/** A tokenizer for a model (contract version 1). Pure: no I/O. */
export interface TokenizerV1 {
  readonly specificationVersion: 'v1';
  /** Largest sequence the model accepts, from `tokenizer_config.json` (`model_max_length`). */
  readonly modelMaxLength: number;
  encode(text: string, options?: EncodeOptionsV1): EncodingV1;
  /** Encodes many texts; with `padding: 'longest'` all share the longest length of the batch. */
  encodeBatch(texts: readonly string[], options?: EncodeOptionsV1): EncodingV1[];
}
