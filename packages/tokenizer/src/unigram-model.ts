import { InvalidConfigError } from '@llm-shield/core';
import { PieceTrie } from './piece-trie.js';

/** Score below the lowest piece score given to an unknown character (Rust `tokenizers`' `K_UNK_PENALTY`). */
const UNK_PENALTY = 10;

/** The best segmentation of a word: for each piece in order, its id (-1: an unknown character) and its end. */
export interface UnigramPath {
  /** Number of pieces; entries past it in the arrays are scratch. */
  count: number;
  ids: Int32Array;
  /** End of each piece in UTF-16 code units of the word; piece `k` starts at `ends[k - 1]` (0 for the first). */
  ends: Int32Array;
}

/**
 * A Unigram (SentencePiece) model: the highest-scoring segmentation of a word into vocabulary pieces, a Viterbi
 * pass over the word's code units with a {@link PieceTrie} for the common-prefix search, as Rust `tokenizers`'
 * `Unigram::encode_optimized` does it: positions advance by code point; a piece reaching a position with a score
 * strictly above the best so far replaces it (so among equal scores the piece starting earliest, then the shortest,
 * wins); a character that no one-character piece covers is an unknown piece scored `min score − 10` (the unknown
 * token's own score is that too, as in `@huggingface/tokenizers`). The scratch arrays grow to the longest word seen
 * and are reused: a call allocates only its result.
 */
export class UnigramModel {
  readonly #parents: Int32Array;
  readonly #units: Uint16Array;
  readonly #children: Int32Array;
  readonly #mask: number;
  readonly #pieceIds: Int32Array;
  readonly #scores: Float64Array;
  readonly #unkScore: number;
  /** Id of the empty piece (the trie holds none), -1 when there is none. */
  readonly #emptyPieceId: number;
  #best = new Float64Array(64);
  #from = new Int32Array(64);
  #token = new Int32Array(64);
  #path: UnigramPath = { count: 0, ids: new Int32Array(64), ends: new Int32Array(64) };

  /**
   * @param vocab - `[piece, score]` pairs, the id of a piece being its index
   * @param unkId - id of the unknown token (`unk_id`), if any
   */
  constructor(vocab: ReadonlyArray<readonly [string, number]>, unkId: number | undefined) {
    if (vocab.length === 0) throw new InvalidConfigError('A Unigram model needs a non-empty vocab.');
    const pieces: string[] = new Array<string>(vocab.length);
    this.#scores = new Float64Array(vocab.length);
    let minScore = Infinity;
    let emptyPieceId = -1;
    vocab.forEach(([piece, score], id) => {
      pieces[id] = piece;
      if (piece.length === 0) emptyPieceId = id;
      this.#scores[id] = score;
      if (score < minScore) minScore = score;
    });
    this.#unkScore = minScore - UNK_PENALTY;
    this.#emptyPieceId = emptyPieceId;
    if (unkId !== undefined) this.#scores[unkId] = this.#unkScore;
    const tables = new PieceTrie(pieces).tables;
    this.#parents = tables.parents;
    this.#units = tables.units;
    this.#children = tables.children;
    this.#mask = tables.mask;
    this.#pieceIds = tables.pieceIds;
  }

  /** The id of `piece` (the last one when it is listed twice, as a map of the vocab gives it), `undefined` when absent. */
  idOf(piece: string): number | undefined {
    if (piece.length === 0) return this.#emptyPieceId >= 0 ? this.#emptyPieceId : undefined;
    const parents = this.#parents;
    const units = this.#units;
    const mask = this.#mask;
    let node = 0;
    for (let k = 0; k < piece.length; k++) {
      const unit = piece.charCodeAt(k);
      let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(unit + 1, 0x85ebca77);
      h ^= h >>> 15;
      let slot = h & mask;
      let child = -1;
      for (;;) {
        const parent = parents[slot] as number;
        if (parent === -1) break;
        if (parent === node && units[slot] === unit) {
          child = this.#children[slot] as number;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (child < 0) return undefined;
      node = child;
    }
    const id = this.#pieceIds[node] as number;
    return id >= 0 ? id : undefined;
  }

  /**
   * The best path through `word`. The returned object and its arrays are reused by the next call: read them before
   * calling again.
   */
  segment(word: string): UnigramPath {
    const n = word.length;
    this.#reserve(n + 1);
    const best = this.#best;
    const from = this.#from;
    const token = this.#token;
    const parents = this.#parents;
    const units = this.#units;
    const children = this.#children;
    const mask = this.#mask;
    const pieceIds = this.#pieceIds;
    const scores = this.#scores;
    from.fill(-1, 0, n + 1);
    best[0] = 0;
    from[0] = 0;
    let start = 0;
    while (start < n) {
      const base = best[start] as number;
      const code = word.charCodeAt(start);
      const width = (code & 0xfc00) === 0xd800 && start + 1 < n && (word.charCodeAt(start + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      let single = false;
      let node = 0;
      for (let k = start; k < n; k++) {
        const unit = word.charCodeAt(k);
        // PieceTrie.child, inlined: hash the edge, probe linearly.
        let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(unit + 1, 0x85ebca77);
        h ^= h >>> 15;
        let slot = h & mask;
        let child = -1;
        for (;;) {
          const parent = parents[slot] as number;
          if (parent === -1) break;
          if (parent === node && units[slot] === unit) {
            child = children[slot] as number;
            break;
          }
          slot = (slot + 1) & mask;
        }
        if (child < 0) break;
        node = child;
        const id = pieceIds[node] as number;
        // A piece ends only where a code point ends (never between the halves of a pair in the text).
        if (id < 0 || ((unit & 0xfc00) === 0xd800 && k + 1 < n && (word.charCodeAt(k + 1) & 0xfc00) === 0xdc00)) continue;
        const end = k + 1;
        const score = base + (scores[id] as number);
        if (from[end] === -1 || score > (best[end] as number)) {
          best[end] = score;
          from[end] = start;
          token[end] = id;
        }
        if (end - start === width) single = true;
      }
      if (!single) {
        const end = start + width;
        const score = base + this.#unkScore;
        if (from[end] === -1 || score > (best[end] as number)) {
          best[end] = score;
          from[end] = start;
          token[end] = -1;
        }
      }
      start += width;
    }
    // Walk back from the end; pieces come out last first, so fill the path from its end.
    let count = 0;
    for (let end = n; end > 0; end = from[end] as number) count++;
    const path = this.#path;
    path.count = count;
    for (let end = n, k = count - 1; end > 0; end = from[end] as number, k--) {
      path.ids[k] = token[end] as number;
      path.ends[k] = end;
    }
    return path;
  }

  /** Grows the scratch arrays to `size`; after a long word (over 4,096 units), a short one gives the large arrays back. */
  #reserve(size: number): void {
    if (this.#best.length > 4096 && size <= 4096) {
      this.#best = new Float64Array(64);
      this.#from = new Int32Array(64);
      this.#token = new Int32Array(64);
      this.#path = { count: 0, ids: new Int32Array(64), ends: new Int32Array(64) };
    }
    if (size <= this.#best.length) return;
    let capacity = this.#best.length;
    while (capacity < size) capacity *= 2;
    this.#best = new Float64Array(capacity);
    this.#from = new Int32Array(capacity);
    this.#token = new Int32Array(capacity);
    this.#path = { count: 0, ids: new Int32Array(capacity), ends: new Int32Array(capacity) };
  }
}
