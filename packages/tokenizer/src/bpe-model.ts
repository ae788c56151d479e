import { InvalidConfigError } from '@llm-shield/core';
import { BYTE_TO_CHAR } from './byte-level.js';

/** The tokens of one word: ids, and the end (in code units of the word) of each token's span. */
export interface BpeWordTokens {
  ids: number[];
  ends: number[];
  /** Start of each token's span: the previous token's end, except for `byte_fallback` tokens, which all span their character (as in Rust). */
  starts: number[];
}

/** Capacity of {@link BpeModel}'s word cache (Rust `tokenizers`' `DEFAULT_CACHE_CAPACITY`); once full, new words are not cached. */
export const BPE_CACHE_CAPACITY = 10_000;
/** Words of this many UTF-16 code units or more are not cached (Rust caches words under 256 bytes). */
const CACHE_MAX_WORD = 256;
/** Heap keys are `rank * POS_SPAN + position`: positions stay below this (words are at most 65,536 units, see {@link BpeModel.encodeRawWord}). */
const POS_SPAN = 2 ** 18;
/** Scratch arrays past this many symbols are given back at the next short word (a 64K-unit word needs ~18 MB). */
const SCRATCH_KEPT = 4096;
/** Single BMP characters below this code are looked up in a table instead of the vocab map. */
const CHAR_TABLE_SIZE = 0x800;
/** The raw (not byte-level) words {@link BpeModel.encodeRawWord} takes at most, in UTF-16 code units (≤ 4 bytes each). */
export const MAX_RAW_WORD = 16_384;

/**
 * A copy of `text` that does not keep a longer string alive: V8 makes `slice` results of 13+ units views into their
 * parent, so a cache keyed by words sliced from the input would pin whole input texts (10,000 keys → 10,000 texts).
 * Concatenating flattens into a new string of the word's length (plus one unit), which the slice then views.
 */
export function ownCopy(text: string): string {
  return (` ${text}`).slice(1);
}

/** A BPE `model` entry of `tokenizer.json`. */
export interface BpeConfig {
  vocab?: unknown;
  merges?: unknown;
  unk_token?: unknown;
  continuing_subword_prefix?: unknown;
  end_of_word_suffix?: unknown;
  fuse_unk?: unknown;
  byte_fallback?: unknown;
  ignore_merges?: unknown;
  dropout?: unknown;
  [key: string]: unknown;
}

function optionalString(config: BpeConfig, key: string): string {
  const value = config[key];
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new InvalidConfigError(`BPE "${key}" must be a string or null in tokenizer.json.`, { details: { field: key, value } });
  return value;
}

function optionalBoolean(config: BpeConfig, key: string): boolean {
  const value = config[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw new InvalidConfigError(`BPE "${key}" must be a boolean in tokenizer.json.`, { details: { field: key, value } });
  return value;
}

/** Merge `rank` of a `merges` list as `[left, right]`: `"a b"` strings (exactly one space, as Rust requires) or `[a, b]` pairs. */
function mergePair(merge: unknown, rank: number): readonly [string, string] {
  if (typeof merge === 'string') {
    const space = merge.indexOf(' ');
    if (space >= 0 && merge.indexOf(' ', space + 1) < 0) return [merge.slice(0, space), merge.slice(space + 1)];
  } else if (Array.isArray(merge) && merge.length === 2 && typeof merge[0] === 'string' && typeof merge[1] === 'string') {
    return [merge[0], merge[1]];
  }
  throw new InvalidConfigError(`BPE merge ${rank + 1} is neither "a b" nor ["a", "b"] in tokenizer.json.`, { details: { field: 'merges', value: merge } });
}

/**
 * A byte-pair-encoding model with the semantics of Rust `tokenizers`' `BPE` (`merge_word` + `Word::merge_all`):
 * a word starts as one symbol per code point (`continuing_subword_prefix` before every one but the first,
 * `end_of_word_suffix` after the last; a code point outside the vocab becomes its `<0xXX>` byte tokens with
 * `byte_fallback`, else the unknown token, consecutive ones fused with `fuse_unk`); then, repeatedly, the pair of
 * adjacent symbols with the lowest merge rank (leftmost among equals) is merged, through a min-heap of
 * `(rank, position)` with stale entries skipped exactly as Rust does. `ignore_merges`: a word that is itself in the
 * vocab is one token. All tables are typed arrays (merges in an open-addressing hash of id pairs, about 1.5 MB for
 * roberta's 50,000) and the scratch arrays are reused: a word allocates only its result.
 *
 * `dropout` other than `null`/`0` is refused ({@link InvalidConfigError}): it makes encodings random. A code point
 * with no token and no `unk_token` raises {@link InvalidConfigError} when met (Rust silently drops it and shifts the
 * offsets after it); so does an `unk_token` missing from the vocab, when needed (as Rust). Merges naming tokens outside
 * the vocab are refused at construction (as Rust).
 */
export class BpeModel {
  /** Token → id. */
  readonly vocab: Map<string, number>;
  /** Id of `unk_token`, when it is in the vocab. */
  readonly unkId: number | undefined;
  /**
   * Whether {@link encodeRawWord} applies: every byte's byte-level character is in the vocab and there is no
   * continuing-subword prefix or end-of-word suffix (roberta, GPT-2 and their kind).
   */
  readonly rawBytes: boolean;
  readonly #unkToken: string | undefined;
  readonly #prefix: string;
  readonly #suffix: string;
  readonly #fuseUnk: boolean;
  readonly #byteFallback: boolean;
  readonly #ignoreMerges: boolean;
  readonly #mergeLeft: Int32Array;
  readonly #mergeRight: Int32Array;
  readonly #mergeRank: Int32Array;
  readonly #mask: number;
  readonly #newIdOfRank: Int32Array;
  /** Id of each single character below {@link CHAR_TABLE_SIZE} (-1: not in the vocab). */
  readonly #charId: Int32Array;
  /** Id of each byte's byte-level character (-1: not in the vocab). */
  readonly #byteId: Int32Array;
  /** The byte of each byte-level character's id (for `ignore_merges` on raw words). */
  readonly #byteOf = new Map<number, number>();
  readonly #cache = new Map<string, Int32Array>();
  #ids = new Int32Array(64);
  #lens = new Int32Array(64);
  #prev = new Int32Array(64);
  #next = new Int32Array(64);
  #heapKeys = new Float64Array(64);
  #heapNew = new Int32Array(64);
  /** Per byte of a raw word: start and end (in code units of the word) of the code point it belongs to. */
  #byteStart = new Int32Array(64);
  #byteEnd = new Int32Array(64);

  /** @param config - the `model` entry of `tokenizer.json` (`type: "BPE"`); read, never modified */
  constructor(config: BpeConfig) {
    const dropout = config.dropout;
    if (dropout !== undefined && dropout !== null && dropout !== 0) {
      throw new InvalidConfigError('BPE dropout is not supported (it makes encodings random); set "dropout" to null.', {
        details: { field: 'dropout', value: dropout },
      });
    }
    const vocab = config.vocab;
    if (typeof vocab !== 'object' || vocab === null || Array.isArray(vocab)) {
      throw new InvalidConfigError('A BPE model needs a "vocab" object of token → id in tokenizer.json.', { details: { field: 'vocab' } });
    }
    this.vocab = new Map<string, number>();
    const entries = vocab as Record<string, unknown>;
    for (const token in entries) {
      if (!Object.hasOwn(entries, token)) continue;
      const id = entries[token];
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= 2 ** 31) {
        throw new InvalidConfigError(`BPE vocab id of ${JSON.stringify(token)} is not a non-negative integer.`, { details: { field: 'vocab', value: id } });
      }
      this.vocab.set(token, id);
    }
    this.#unkToken = optionalString(config, 'unk_token') || undefined;
    this.unkId = this.#unkToken === undefined ? undefined : this.vocab.get(this.#unkToken);
    this.#prefix = optionalString(config, 'continuing_subword_prefix');
    this.#suffix = optionalString(config, 'end_of_word_suffix');
    this.#fuseUnk = optionalBoolean(config, 'fuse_unk');
    this.#byteFallback = optionalBoolean(config, 'byte_fallback');
    this.#ignoreMerges = optionalBoolean(config, 'ignore_merges');

    const merges = config.merges;
    if (!Array.isArray(merges)) throw new InvalidConfigError('A BPE model needs a "merges" list in tokenizer.json.', { details: { field: 'merges' } });
    let capacity = 16;
    while (capacity < merges.length * 2) capacity *= 2;
    const mask = capacity - 1;
    const mergeLeft = new Int32Array(capacity).fill(-1);
    const mergeRight = new Int32Array(capacity);
    const mergeRank = new Int32Array(capacity);
    const newIdOfRank = new Int32Array(merges.length);
    const prefixLength = this.#prefix.length;
    const vocabMap = this.vocab;
    for (let rank = 0; rank < merges.length; rank++) {
      const [left, right] = mergePair(merges[rank], rank);
      const a = vocabMap.get(left);
      const b = vocabMap.get(right);
      const merged = left + (prefixLength > 0 ? right.slice(prefixLength) : right);
      const id = vocabMap.get(merged);
      if (a === undefined || b === undefined || id === undefined) {
        const missing = a === undefined ? left : b === undefined ? right : merged;
        throw new InvalidConfigError(`BPE merge ${rank + 1} uses ${JSON.stringify(missing)}, which is not in the vocab.`, {
          details: { field: 'merges', value: `${left} ${right}` },
        });
      }
      newIdOfRank[rank] = id;
      // Insert or overwrite: a pair listed twice keeps its last rank (Rust collects the merges into a HashMap).
      let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77);
      h ^= h >>> 15;
      let slot = h & mask;
      for (;;) {
        const stored = mergeLeft[slot] as number;
        if (stored === -1 || (stored === a && mergeRight[slot] === b)) break;
        slot = (slot + 1) & mask;
      }
      mergeLeft[slot] = a;
      mergeRight[slot] = b;
      mergeRank[slot] = rank;
    }
    this.#mask = mask;
    this.#mergeLeft = mergeLeft;
    this.#mergeRight = mergeRight;
    this.#mergeRank = mergeRank;
    this.#newIdOfRank = newIdOfRank;

    this.#charId = new Int32Array(CHAR_TABLE_SIZE).fill(-1);
    for (let code = 0; code < CHAR_TABLE_SIZE; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      this.#charId[code] = this.vocab.get(String.fromCharCode(code)) ?? -1;
    }
    this.#byteId = new Int32Array(256);
    let allBytes = true;
    for (let byte = 0; byte < 256; byte++) {
      const id = this.vocab.get(BYTE_TO_CHAR[byte] as string) ?? -1;
      this.#byteId[byte] = id;
      if (id < 0) allBytes = false;
      else this.#byteOf.set(id, byte);
    }
    this.rawBytes = allBytes && this.#prefix === '' && this.#suffix === '';
  }

  /** Number of words in the cache of {@link encodeRawWord} (at most {@link BPE_CACHE_CAPACITY}). */
  get cacheSize(): number {
    return this.#cache.size;
  }

  /** Tokenizes one pre-tokenised word (its characters are the vocab's: byte-level characters for a byte-level model). */
  tokenize(word: string): BpeWordTokens {
    const out: BpeWordTokens = { ids: [], ends: [], starts: [] };
    if (word.length === 0) return out;
    if (this.#ignoreMerges) {
      const id = this.vocab.get(word);
      if (id !== undefined) return { ids: [id], ends: [word.length], starts: [0] };
    }
    const count = this.#initialSymbols(word);
    this.#mergeAll(count);
    const ids = this.#ids;
    const lens = this.#lens;
    const next = this.#next;
    const starts = this.#byteStart;
    let end = 0;
    for (let k = 0; k !== -1 && k < count; k = next[k] as number) {
      const len = lens[k] as number;
      // a token of continuation bytes (length 0) spans its character, as the first byte's token does
      out.starts.push(len > 0 ? end : (starts[k] as number));
      end += len;
      out.ids.push(ids[k] as number);
      out.ends.push(end);
    }
    return out;
  }

  /**
   * Tokenizes the raw word `text[from, to)` (before the byte-level mapping) as {@link tokenize} would tokenize its
   * byte-level form, without building that form: one symbol per UTF-8 byte (a lone surrogate is U+FFFD's three
   * bytes, as the byte-level pre-tokeniser makes it). Only when {@link rawBytes}; at most {@link MAX_RAW_WORD} units.
   * Returns `[id, start, end]` per token, the range in code units of the word, a partly covered code point counting
   * whole. Words under 256 units are cached (up to {@link BPE_CACHE_CAPACITY} of them): the returned array is shared,
   * never modify it.
   */
  encodeRawWord(text: string, from: number, to: number): Int32Array {
    const cacheable = to - from < CACHE_MAX_WORD;
    const key = cacheable ? text.slice(from, to) : '';
    if (cacheable) {
      const hit = this.#cache.get(key);
      if (hit !== undefined) return hit;
    }
    this.#reserve((to - from) * 4);
    const ids = this.#ids;
    const byteStart = this.#byteStart;
    const byteEnd = this.#byteEnd;
    const byteId = this.#byteId;
    let n = 0;
    for (let i = from; i < to; ) {
      const code = text.charCodeAt(i);
      const start = i - from;
      if (code < 0x80) {
        ids[n] = byteId[code] as number;
        byteStart[n] = start;
        byteEnd[n++] = start + 1;
        i++;
        continue;
      }
      let width = 1;
      let b0: number;
      let b1 = -1;
      let b2 = -1;
      let b3 = -1;
      if (code < 0x800) {
        b0 = 0xc0 | (code >> 6);
        b1 = 0x80 | (code & 0x3f);
      } else if ((code & 0xf800) !== 0xd800) {
        b0 = 0xe0 | (code >> 12);
        b1 = 0x80 | ((code >> 6) & 0x3f);
        b2 = 0x80 | (code & 0x3f);
      } else {
        const low = i + 1 < to ? text.charCodeAt(i + 1) : 0;
        if ((code & 0xfc00) === 0xd800 && (low & 0xfc00) === 0xdc00) {
          const cp = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
          width = 2;
          b0 = 0xf0 | (cp >> 18);
          b1 = 0x80 | ((cp >> 12) & 0x3f);
          b2 = 0x80 | ((cp >> 6) & 0x3f);
          b3 = 0x80 | (cp & 0x3f);
        } else {
          // a lone surrogate: U+FFFD
          b0 = 0xef;
          b1 = 0xbf;
          b2 = 0xbd;
        }
      }
      const end = start + width;
      ids[n] = byteId[b0] as number;
      byteStart[n] = start;
      byteEnd[n++] = end;
      ids[n] = byteId[b1] as number;
      byteStart[n] = start;
      byteEnd[n++] = end;
      if (b2 >= 0) {
        ids[n] = byteId[b2] as number;
        byteStart[n] = start;
        byteEnd[n++] = end;
      }
      if (b3 >= 0) {
        ids[n] = byteId[b3] as number;
        byteStart[n] = start;
        byteEnd[n++] = end;
      }
      i += width;
    }
    let result: Int32Array | undefined;
    if (this.#ignoreMerges && n > 1) {
      let byteLevel = '';
      for (let k = 0; k < n; k++) byteLevel += BYTE_TO_CHAR[this.#byteOf.get(ids[k] as number) ?? 0] as string;
      const id = this.vocab.get(byteLevel);
      if (id !== undefined) result = Int32Array.of(id, 0, to - from);
    }
    if (result === undefined) {
      const lens = this.#lens;
      lens.fill(1, 0, n);
      this.#mergeAll(n);
      const next = this.#next;
      let count = 0;
      for (let k = 0; k !== -1 && k < n; k = next[k] as number) count++;
      result = new Int32Array(count * 3);
      let at = 0;
      for (let k = 0; k !== -1 && k < n; k = next[k] as number) {
        result[at++] = ids[k] as number;
        result[at++] = byteStart[k] as number;
        result[at++] = byteEnd[k + (lens[k] as number) - 1] as number;
      }
    }
    if (cacheable && this.#cache.size < BPE_CACHE_CAPACITY) this.#cache.set(ownCopy(key), result);
    return result;
  }

  /** Rank of the merge of `a` then `b`, -1 when none. */
  #rank(a: number, b: number): number {
    const left = this.#mergeLeft;
    const mask = this.#mask;
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca77);
    h ^= h >>> 15;
    let slot = h & mask;
    for (;;) {
      const stored = left[slot] as number;
      if (stored === -1) return -1;
      if (stored === a && this.#mergeRight[slot] === b) return this.#mergeRank[slot] as number;
      slot = (slot + 1) & mask;
    }
  }

  /** Fills the symbol arrays with `word`'s first symbols (Rust `merge_word`); returns their count. */
  #initialSymbols(word: string): number {
    // room for byte fallback: up to 4 bytes per unit, 3 per unit of the prefix and suffix
    this.#reserve(word.length * (4 + 3 * this.#prefix.length) + 3 * this.#suffix.length + 1);
    const ids = this.#ids;
    const lens = this.#lens;
    const starts = this.#byteStart;
    const prefix = this.#prefix;
    const suffix = this.#suffix;
    let n = 0;
    let unkLength = 0; // pending unknown token's length (0: none)
    let unkStart = 0;
    const flushUnk = (): void => {
      if (unkLength === 0) return;
      ids[n] = this.#unkIdOrThrow();
      starts[n] = unkStart;
      lens[n++] = unkLength;
      unkLength = 0;
    };
    for (let i = 0; i < word.length; ) {
      const code = word.charCodeAt(i);
      const width = (code & 0xfc00) === 0xd800 && (word.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      const first = i === 0;
      const last = i + width >= word.length;
      let id: number;
      let symbol: string | undefined;
      if (width === 1 && code < CHAR_TABLE_SIZE && (first || prefix === '') && (!last || suffix === '')) {
        id = this.#charId[code] as number;
      } else {
        symbol = word.slice(i, i + width);
        if (!first) symbol = prefix + symbol;
        if (last) symbol += suffix;
        id = this.vocab.get(symbol) ?? -1;
      }
      if (id >= 0) {
        flushUnk();
        ids[n] = id;
        starts[n] = i;
        lens[n++] = width;
      } else {
        const fallbackEnd = this.#byteFallback ? this.#writeByteFallback(symbol ?? (first ? '' : prefix) + word.slice(i, i + width) + (last ? suffix : ''), i, width, n) : -1;
        if (fallbackEnd >= 0) {
          // As Rust: a pending unknown token is not flushed here (it follows the bytes).
          n = fallbackEnd;
        } else {
          if (this.#unkToken === undefined) {
            throw new InvalidConfigError(`Token ${JSON.stringify(word.slice(i, i + width))} is not in the vocabulary and the model has no unk token.`);
          }
          if (unkLength > 0 && !this.#fuseUnk) flushUnk();
          if (unkLength === 0) unkStart = i;
          unkLength += width;
        }
      }
      i += width;
    }
    flushUnk();
    return n;
  }

  /**
   * With `byte_fallback`: writes the `<0xXX>` tokens of `symbol`'s UTF-8 bytes at `at` (the first of length
   * `width`, the others 0, all starting at `start`: each spans the character) when all are in the vocab and returns the index after them; -1
   * (nothing written) when one is missing.
   */
  #writeByteFallback(symbol: string, start: number, width: number, at: number): number {
    const bytes = new TextEncoder().encode(symbol);
    const found: number[] = [];
    for (const byte of bytes) {
      const id = this.vocab.get(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
      if (id === undefined) return -1;
      found.push(id);
    }
    let n = at;
    found.forEach((id, k) => {
      this.#ids[n] = id;
      this.#byteStart[n] = start;
      this.#lens[n++] = k === 0 ? width : 0;
    });
    return n;
  }

  #unkIdOrThrow(): number {
    if (this.unkId === undefined) throw new InvalidConfigError(`The BPE unk_token ${JSON.stringify(this.#unkToken)} is not in the vocabulary.`);
    return this.unkId;
  }

  /** Rust `Word::merge_all` over symbols `[0, n)` of the scratch arrays (lengths in `#lens`; a merged-away symbol's length becomes -1). */
  #mergeAll(n: number): void {
    const ids = this.#ids;
    const lens = this.#lens;
    const prev = this.#prev;
    const next = this.#next;
    for (let k = 0; k < n; k++) {
      prev[k] = k - 1;
      next[k] = k + 1 < n ? k + 1 : -1;
    }
    if (n < 2) return;
    const keys = this.#heapKeys;
    const newIds = this.#heapNew;
    const newIdOfRank = this.#newIdOfRank;
    let size = 0;
    const push = (key: number, newId: number): void => {
      // sift up
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        const parentKey = keys[parent] as number;
        if (parentKey <= key) break;
        keys[at] = parentKey;
        newIds[at] = newIds[parent] as number;
        at = parent;
      }
      keys[at] = key;
      newIds[at] = newId;
    };
    for (let k = 0; k + 1 < n; k++) {
      const rank = this.#rank(ids[k] as number, ids[k + 1] as number);
      if (rank >= 0) push(rank * POS_SPAN + k, newIdOfRank[rank] as number);
    }
    while (size > 0) {
      const topKey = keys[0] as number;
      const topNew = newIds[0] as number;
      // pop: move the last entry to the root and sift it down
      size--;
      if (size > 0) {
        const key = keys[size] as number;
        const newId = newIds[size] as number;
        let at = 0;
        for (;;) {
          let child = 2 * at + 1;
          if (child >= size) break;
          if (child + 1 < size && (keys[child + 1] as number) < (keys[child] as number)) child++;
          if ((keys[child] as number) >= key) break;
          keys[at] = keys[child] as number;
          newIds[at] = newIds[child] as number;
          at = child;
        }
        keys[at] = key;
        newIds[at] = newId;
      }
      const pos = topKey % POS_SPAN;
      if ((lens[pos] as number) < 0) continue;
      const right = next[pos] as number;
      if (right === -1) continue;
      const rank = this.#rank(ids[pos] as number, ids[right] as number);
      if (rank < 0 || newIdOfRank[rank] !== topNew) continue;
      ids[pos] = topNew;
      lens[pos] = (lens[pos] as number) + (lens[right] as number);
      const after = next[right] as number;
      next[pos] = after;
      lens[right] = -1;
      if (after !== -1) prev[after] = pos;
      const before = prev[pos] as number;
      if (before >= 0) {
        const r = this.#rank(ids[before] as number, topNew);
        if (r >= 0) push(r * POS_SPAN + before, newIdOfRank[r] as number);
      }
      if (after !== -1) {
        const r = this.#rank(topNew, ids[after] as number);
        if (r >= 0) push(r * POS_SPAN + pos, newIdOfRank[r] as number);
      }
    }
  }

  /**
   * Grows the scratch arrays to hold `size` symbols (and the heap three times that: each merge pushes at most two
   * entries); after a long word (over {@link SCRATCH_KEPT} symbols), a short one gives the large arrays back.
   */
  #reserve(size: number): void {
    if (this.#ids.length > SCRATCH_KEPT && size <= SCRATCH_KEPT) {
      this.#ids = new Int32Array(64);
      this.#lens = new Int32Array(64);
      this.#prev = new Int32Array(64);
      this.#next = new Int32Array(64);
      this.#byteStart = new Int32Array(64);
      this.#byteEnd = new Int32Array(64);
      this.#heapKeys = new Float64Array(64);
      this.#heapNew = new Int32Array(64);
    }
    if (size > this.#ids.length) {
      let capacity = this.#ids.length;
      while (capacity < size) capacity *= 2;
      this.#ids = new Int32Array(capacity);
      this.#lens = new Int32Array(capacity);
      this.#prev = new Int32Array(capacity);
      this.#next = new Int32Array(capacity);
      this.#byteStart = new Int32Array(capacity);
      this.#byteEnd = new Int32Array(capacity);
    }
    if (size * 3 > this.#heapKeys.length) {
      let capacity = this.#heapKeys.length;
      while (capacity < size * 3) capacity *= 2;
      this.#heapKeys = new Float64Array(capacity);
      this.#heapNew = new Int32Array(capacity);
    }
  }
}
