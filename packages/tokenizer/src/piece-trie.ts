/** Code points are below this; an edge key is `node × RADIX + code point`. */
const RADIX = 0x110000;

/**
 * A trie of vocabulary pieces for Unigram's common-prefix search, kept in one `Map` of numeric edges
 * (`parent × 0x110000 + code point` → `child × 2 + 1 if the child ends a piece`) instead of one object and one `Map`
 * per node as in `@huggingface/tokenizers`' `CharTrie`. For deberta-v3-base's 128,000 pieces (277,690 nodes) the
 * library's trie holds about 64 MB of JS heap; this one holds about a fifth of that. Same answers, same order.
 */
export class PieceTrie {
  readonly #edges = new Map<number, number>();
  #nodes = 1;

  /** @param pieces - the pieces to store (empty strings are ignored) */
  constructor(pieces: Iterable<string> = []) {
    for (const piece of pieces) this.push(piece);
  }

  /** Number of nodes, the root included. */
  get size(): number {
    return this.#nodes;
  }

  /** Adds one piece. */
  push(piece: string): void {
    let node = 0;
    let key = -1;
    for (const ch of piece) {
      key = node * RADIX + (ch.codePointAt(0) as number);
      const value = this.#edges.get(key);
      if (value === undefined) {
        node = this.#nodes++;
        this.#edges.set(key, node * 2);
      } else {
        node = value >>> 1;
      }
    }
    if (key >= 0) this.#edges.set(key, node * 2 + 1);
  }

  /**
   * The stored pieces that are prefixes of `chars[start…]` (`chars`: one code point per element, as
   * `Array.from(text)` gives), shortest first: the interface `@huggingface/tokenizers`' Unigram calls.
   *
   * @param chars - the text as code points
   * @param start - index of the first code point (default 0)
   */
  *common_prefix_search(chars: readonly string[], start = 0): Generator<string, void, undefined> {
    let node = 0;
    let prefix = '';
    for (let i = start; i < chars.length; i++) {
      const ch = chars[i] as string;
      const value = this.#edges.get(node * RADIX + (ch.codePointAt(0) as number));
      if (value === undefined) return;
      prefix += ch;
      node = value >>> 1;
      if ((value & 1) === 1) yield prefix;
    }
  }
}
