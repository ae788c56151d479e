/** Marks an empty slot of the edge table. */
const EMPTY = -1;

/** Slot of the edge `(node, unit)` in a table of `mask + 1` slots (a multiplicative hash, then linear probing). */
export function slotOf(node: number, unit: number, mask: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(unit + 1, 0x85ebca77);
  h ^= h >>> 15;
  return h & mask;
}

/**
 * A trie of vocabulary pieces over UTF-16 code units, for Unigram's common-prefix search: its edges live in one
 * open-addressing hash table of typed arrays (`(parent node, code unit)` → child node), so a lookup allocates
 * nothing and touches two or three array slots. Walking code units matches walking code points for every
 * well-formed piece (a piece never ends between the halves of a surrogate pair). Each node records the id of the
 * piece it ends, if any; when a piece occurs twice, the id given last wins (as a `Map` built from the vocabulary).
 * For deberta-v3-base's 128,000 pieces (about 278,000 nodes) the tables hold about 11 MB.
 */
export class PieceTrie {
  /** Edge table: parent node of each slot (-1 when free), its code unit, and the child node (see {@link slotOf}). */
  #parents: Int32Array;
  #units: Uint16Array;
  #children: Int32Array;
  #mask: number;
  /** Id of the piece each node ends, -1 when none. */
  #pieceIds: Int32Array;

  /** The edge table and piece ids, for callers that inline {@link child} in a hot loop (read-only). */
  get tables(): { parents: Int32Array; units: Uint16Array; children: Int32Array; mask: number; pieceIds: Int32Array } {
    return { parents: this.#parents, units: this.#units, children: this.#children, mask: this.#mask, pieceIds: this.#pieceIds };
  }
  #nodes = 1;
  #edges = 0;

  /**
   * @param pieces - the pieces, their ids being their indices (empty strings are skipped)
   */
  constructor(pieces: readonly string[] = []) {
    let units = 0;
    for (const piece of pieces) units += piece.length;
    let capacity = 1024;
    while (capacity < units * 2) capacity *= 2;
    this.#mask = capacity - 1;
    this.#parents = new Int32Array(capacity).fill(EMPTY);
    this.#units = new Uint16Array(capacity);
    this.#children = new Int32Array(capacity);
    this.#pieceIds = new Int32Array(Math.max(16, units + 1)).fill(-1);
    pieces.forEach((piece, id) => this.#insert(piece, id));
    this.#pieceIds = this.#pieceIds.slice(0, this.#nodes);
  }

  /** Number of nodes, the root (node 0) included. */
  get size(): number {
    return this.#nodes;
  }

  /** The child of `node` along code unit `unit`, or -1. */
  child(node: number, unit: number): number {
    const mask = this.#mask;
    const parents = this.#parents;
    let slot = slotOf(node, unit, mask);
    for (;;) {
      const parent = parents[slot] as number;
      if (parent === EMPTY) return -1;
      if (parent === node && this.#units[slot] === unit) return this.#children[slot] as number;
      slot = (slot + 1) & mask;
    }
  }

  /** The id of the piece that ends at `node`, or -1. */
  pieceId(node: number): number {
    return this.#pieceIds[node] ?? -1;
  }

  /** The ids of the stored pieces that are prefixes of `text[start…]`, shortest first (for tests and tools). */
  prefixIds(text: string, start = 0): number[] {
    const ids: number[] = [];
    let node = 0;
    for (let i = start; i < text.length; i++) {
      node = this.child(node, text.charCodeAt(i));
      if (node < 0) break;
      const id = this.pieceId(node);
      if (id >= 0) ids.push(id);
    }
    return ids;
  }

  #insert(piece: string, id: number): void {
    if (piece.length === 0) return;
    let node = 0;
    for (let i = 0; i < piece.length; i++) {
      const unit = piece.charCodeAt(i);
      let next = this.child(node, unit);
      if (next < 0) {
        next = this.#nodes++;
        this.#addEdge(node, unit, next);
      }
      node = next;
    }
    this.#pieceIds[node] = id;
  }

  #addEdge(node: number, unit: number, child: number): void {
    if ((this.#edges + 1) * 2 > this.#mask + 1) this.#grow();
    let slot = slotOf(node, unit, this.#mask);
    while (this.#parents[slot] !== EMPTY) slot = (slot + 1) & this.#mask;
    this.#parents[slot] = node;
    this.#units[slot] = unit;
    this.#children[slot] = child;
    this.#edges++;
    if (child >= this.#pieceIds.length) {
      const ids = new Int32Array(this.#pieceIds.length * 2).fill(-1);
      ids.set(this.#pieceIds);
      this.#pieceIds = ids;
    }
  }

  #grow(): void {
    const parents = this.#parents;
    const units = this.#units;
    const children = this.#children;
    const capacity = (this.#mask + 1) * 2;
    this.#mask = capacity - 1;
    this.#parents = new Int32Array(capacity).fill(EMPTY);
    this.#units = new Uint16Array(capacity);
    this.#children = new Int32Array(capacity);
    for (let s = 0; s < parents.length; s++) {
      const parent = parents[s] as number;
      if (parent === EMPTY) continue;
      let slot = slotOf(parent, units[s] as number, this.#mask);
      while (this.#parents[slot] !== EMPTY) slot = (slot + 1) & this.#mask;
      this.#parents[slot] = parent;
      this.#units[slot] = units[s] as number;
      this.#children[slot] = children[s] as number;
    }
  }
}
