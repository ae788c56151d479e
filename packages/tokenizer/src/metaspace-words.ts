import type { TokenSink } from './byte-level-bpe.js';
import type { PreTokenizerConfig } from './pre-tokenizer.js';
import type { WordTokens } from './subword-model.js';

/** The Metaspace options {@link MetaspaceWords} applies. */
interface MetaspaceOptions {
  replacement: string;
  scheme: string;
}

/**
 * The options of a `pre_tokenizer` that is a lone splitting `Metaspace` (or a `Sequence` of just that) with a
 * one-unit replacement character (deberta-v3, t5 without the whitespace split); `undefined` for any other.
 */
export function rawMetaspaceOptions(config: PreTokenizerConfig | null | undefined): MetaspaceOptions | undefined {
  let entry = config;
  if (entry?.type === 'Sequence') {
    const steps = entry['pretokenizers'];
    entry = Array.isArray(steps) && steps.length === 1 ? (steps[0] as PreTokenizerConfig) : undefined;
  }
  if (entry?.type !== 'Metaspace' || entry['split'] === false) return undefined;
  const replacement = typeof entry['replacement'] === 'string' ? entry['replacement'] : '\u2581';
  if (replacement.length !== 1 || (replacement.charCodeAt(0) & 0xf800) === 0xd800 || replacement === ' ') return undefined;
  const legacyPrefix = entry['add_prefix_space'];
  const scheme = typeof entry['prepend_scheme'] === 'string' ? entry['prepend_scheme'] : legacyPrefix === false ? 'never' : 'always';
  return { replacement, scheme };
}

/**
 * The Metaspace pre-tokeniser and the model in one pass over text that the normaliser maps unit for unit: each space
 * and each replacement character starts a word (a space becoming the replacement character); the first word gets a
 * replacement character first (`prepend_scheme` `always`, or `first` at the start of the text) unless the text
 * starts with a space or one. Words are tokenized by `tokenize` (cached by the model) and token offsets computed
 * from the word's position, as the general path's aligned strings give them: the replacement of a space spans the
 * space, a prepended one the first code point.
 */
export class MetaspaceWords {
  readonly #replacement: string;
  readonly #replacementCode: number;
  readonly #scheme: string;
  readonly #trimOffsets: boolean;
  readonly #tokenize: (word: string) => WordTokens;

  /**
   * @param options - from {@link rawMetaspaceOptions}
   * @param tokenize - the model's word tokenizer
   * @param trimOffsets - trim spaces (U+0020) off token offsets (the post-processor's `trim_offsets`)
   */
  constructor(options: MetaspaceOptions, tokenize: (word: string) => WordTokens, trimOffsets: boolean) {
    this.#replacement = options.replacement;
    this.#replacementCode = options.replacement.charCodeAt(0);
    this.#scheme = options.scheme;
    this.#tokenize = tokenize;
    this.#trimOffsets = trimOffsets;
  }

  /**
   * Appends the tokens of `text[from, to)` to `out`, word by word, while `out` holds fewer than `limit` tokens.
   * `text` is the normalised text, whose unit `i` comes from unit `offset + (origin?.[i] ?? i)` of `original` (the
   * normaliser's `unitMap`); offsets are in `original`.
   */
  encode(text: string, from: number, to: number, offset: number, origin: Int32Array | undefined, original: string, out: TokenSink, limit: number): void {
    if (to <= from) return;
    const replacementCode = this.#replacementCode;
    const first = text.charCodeAt(from);
    const at = (i: number): number => offset + (origin === undefined ? i : (origin[i] as number));
    const prepend = first !== replacementCode && first !== 0x20 && (this.#scheme === 'always' || (this.#scheme === 'first' && at(from) === 0));
    let start = from;
    while (start < to) {
      if (out.ids.length >= limit) return;
      let end = start + 1;
      while (end < to) {
        const code = text.charCodeAt(end);
        if (code === 0x20 || code === replacementCode) break;
        end++;
      }
      if (start === from && prepend) this.#emitPrepended(text, from, end, at, original, out);
      else this.#emit(text, start, end, at, original, out);
      start = end;
    }
  }

  /** The word `text[start, end)` (a leading space as the replacement character): its units map one to one. */
  #emit(text: string, start: number, end: number, at: (i: number) => number, original: string, out: TokenSink): void {
    const word = text.charCodeAt(start) === 0x20 ? this.#replacement + text.slice(start + 1, end) : text.slice(start, end);
    const tokens = this.#tokenize(word);
    let from = 0;
    for (let k = 0; k < tokens.ids.length; k++) {
      const to = tokens.ends[k] ?? word.length;
      const begin = tokens.starts?.[k] ?? from;
      if (to > begin) this.#push(original, out, tokens.ids[k] ?? 0, at(start + begin), at(start + to - 1) + 1);
      else {
        const position = begin < word.length ? at(start + begin) : at(start + to - 1) + 1;
        this.#push(original, out, tokens.ids[k] ?? 0, position, position);
      }
      from = to;
    }
  }

  /** The first word `text[start, end)` with a replacement character before it, spanning the first code point. */
  #emitPrepended(text: string, start: number, end: number, at: (i: number) => number, original: string, out: TokenSink): void {
    const word = this.#replacement + text.slice(start, end);
    const tokens = this.#tokenize(word);
    const firstWidth = (text.charCodeAt(start) & 0xfc00) === 0xd800 && start + 1 < end && (text.charCodeAt(start + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    const firstStart = at(start);
    const firstEnd = at(start + firstWidth - 1) + 1;
    let from = 0;
    for (let k = 0; k < tokens.ids.length; k++) {
      const to = tokens.ends[k] ?? word.length;
      const begin = tokens.starts?.[k] ?? from;
      // unit 0 (the replacement) spans [firstStart, firstEnd); unit u ≥ 1 is text[start + u - 1]
      let s: number;
      let e: number;
      if (to <= begin) {
        s = e = begin < word.length ? (begin === 0 ? firstStart : at(start + begin - 1)) : to === 1 ? firstEnd : at(start + to - 2) + 1;
      } else {
        s = begin === 0 ? firstStart : at(start + begin - 1);
        e = to === 1 ? firstEnd : Math.max(begin === 0 ? firstEnd : 0, at(start + to - 2) + 1);
      }
      this.#push(original, out, tokens.ids[k] ?? 0, s, e);
      from = to;
    }
  }

  #push(text: string, out: TokenSink, id: number, start: number, end: number): void {
    let s = start;
    let e = end;
    if (this.#trimOffsets) {
      while (s < e && text.charCodeAt(s) === 0x20) s++;
      while (e > s && text.charCodeAt(e - 1) === 0x20) e--;
    }
    out.ids.push(id);
    out.offsets.push([s, e]);
  }
}
