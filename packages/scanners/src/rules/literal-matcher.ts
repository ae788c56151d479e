import { caseFoldTable } from './case-fold.js';
import { SpanUnion } from './span-redaction.js';
import { isWordAt, isWordBefore, isWordBoundary } from './word-boundary.js';

/**
 * Where an occurrence may lie.
 * - `none`: anywhere.
 * - `python`: between `\b` boundaries as Python's `re.search(r"\bS\b")` (llm-guard's `match_type: word`): a
 *   pattern that starts with `$` needs a word character before it.
 * - `edges`: whole words: an end of the pattern that is a word character must not touch another word character;
 *   an end that is not (e.g. `Hello!`) may touch anything.
 */
export type LiteralBoundary = 'none' | 'python' | 'edges';

/** What {@link LiteralMatcher.search} found. */
export interface LiteralSearchResult {
  /**
   * Each pattern that occurs, once, with the start offset of its first counted occurrence, as
   * `[patternIndex, start]` in the order found.
   */
  readonly occurrences: ReadonlyArray<readonly [pattern: number, start: number]>;
  /** How many patterns occur at least once. */
  readonly matchedPatterns: number;
  /** The union of the occurrences, disjoint and sorted, as `[start, end)` UTF-16 offsets. */
  readonly intervals: Array<[number, number]>;
}

/** Options of {@link LiteralMatcher}. */
export interface LiteralMatcherOptions {
  /** Match case exactly (default `false`: code units are folded with {@link caseFoldTable}). */
  caseSensitive?: boolean;
}

const NO = -1;
/** Largest dense transition table built (entries); larger automata keep sparse transitions. */
const MAX_DENSE_ENTRIES = 4_000_000;

/**
 * Finds many literal strings in one pass over a text (Aho–Corasick automaton over UTF-16 code units). The code units
 * that occur in the patterns (after case folding) form a small alphabet, every other code unit one class; the
 * automaton's transitions are a dense table over that alphabet (a DFA: one table read per code unit), or sparse with
 * failure links when the table would pass {@link MAX_DENSE_ENTRIES} entries. Building is linear in the total
 * pattern length times the alphabet; a search visits each code unit once, plus, per position, the dictionary chain
 * of patterns ending there: with no boundary only until a pattern already seen (so O(n + patterns) overall), with
 * word boundaries, where each occurrence needs its own check, the chain of the patterns that end at a word
 * boundary (bounded by the number of patterns that are suffixes of one another).
 *
 * Measured against one compiled `RegExp` alternation of the escaped patterns (tools/bench/rule-scanners.mjs): the
 * alternation's `test` is faster at telling whether any pattern occurs, but it finds one match per position, so it
 * cannot list every pattern that occurs (`containsAll`, overlapping patterns) and gives no linear-time guarantee.
 */
export class LiteralMatcher {
  /** The patterns, as given. */
  readonly patterns: readonly string[];
  private readonly caseSensitive: boolean;
  /** Code unit → alphabet class (0: in no pattern). */
  private readonly classOf: Uint16Array;
  private readonly classes: number;
  /** Dense transitions `state * classes + class`, or undefined (sparse). */
  private readonly delta: Int32Array | undefined;
  private readonly sparse = new Map<number, number>();
  private readonly fail: Int32Array;
  private readonly dict: Int32Array;
  private readonly depth: Int32Array;
  private readonly group: Int32Array;
  /** Per state: the first state of its dictionary chain that ends a pattern (itself or `dict`), or -1. */
  private readonly firstOut: Int32Array;
  private readonly groups: number[][] = [];
  /** Scratch "seen" marks, reused by every search (allocating typed arrays per call costs more than the scan). */
  private seen: Uint8Array | undefined;

  /**
   * @param patterns - the literals to find (non-empty strings)
   * @param options.caseSensitive - default `false`
   */
  constructor(patterns: readonly string[], options: LiteralMatcherOptions = {}) {
    this.patterns = patterns;
    this.caseSensitive = options.caseSensitive ?? false;
    const fold = this.caseSensitive ? undefined : caseFoldTable();
    // Alphabet: folded code units of the patterns.
    const classOfFolded = new Uint16Array(65536);
    let classes = 1;
    for (const pattern of patterns) {
      for (let i = 0; i < pattern.length; i++) {
        const raw = pattern.charCodeAt(i);
        const c = fold ? fold[raw]! : raw;
        if (classOfFolded[c] === 0) classOfFolded[c] = classes++;
      }
    }
    const classOf = new Uint16Array(65536);
    for (let c = 0; c < 65536; c++) classOf[c] = classOfFolded[fold ? fold[c]! : c]!;
    this.classOf = classOf;
    this.classes = classes;
    // Trie.
    const depth: number[] = [0];
    const group: number[] = [NO];
    const edges: Array<Array<[number, number]>> = [[]];
    const child = (node: number, cls: number): number | undefined => this.sparse.get(node * classes + cls);
    patterns.forEach((pattern, index) => {
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const cls = classOf[pattern.charCodeAt(i)]!;
        let next = child(node, cls);
        if (next === undefined) {
          next = depth.length;
          depth.push(depth[node]! + 1);
          group.push(NO);
          edges.push([]);
          edges[node]!.push([cls, next]);
          this.sparse.set(node * classes + cls, next);
        }
        node = next;
      }
      if (group[node] === NO) {
        group[node] = this.groups.length;
        this.groups.push([]);
      }
      this.groups[group[node]!]!.push(index);
    });
    const size = depth.length;
    this.depth = Int32Array.from(depth);
    this.group = Int32Array.from(group);
    this.fail = new Int32Array(size);
    this.dict = new Int32Array(size).fill(NO);
    this.firstOut = new Int32Array(size).fill(NO);
    const dense = size * classes <= MAX_DENSE_ENTRIES ? new Int32Array(size * classes) : undefined;
    if (dense) for (const [cls, next] of edges[0]!) dense[cls] = next;
    // Breadth-first: failure links, dictionary links and (dense) the full transition table.
    const queue: number[] = [];
    for (const [, next] of edges[0]!) queue.push(next);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      const failNode = this.fail[node]!;
      if (dense) dense.set(dense.subarray(failNode * classes, failNode * classes + classes), node * classes);
      for (const [cls, next] of edges[node]!) {
        let f = failNode;
        let target: number | undefined;
        for (;;) {
          target = child(f, cls);
          if (target !== undefined || f === 0) break;
          f = this.fail[f]!;
        }
        const failTo = target !== undefined && target !== next ? target : 0;
        this.fail[next] = failTo;
        this.dict[next] = this.group[failTo] !== NO ? failTo : this.dict[failTo]!;
        if (dense) dense[node * classes + cls] = next;
        queue.push(next);
      }
    }
    for (let node = 0; node < size; node++) this.firstOut[node] = this.group[node] !== NO ? node : this.dict[node]!;
    this.delta = dense;
  }

  /** The state after `state` reads a code unit of class `cls` (sparse automata). */
  private step(state: number, cls: number): number {
    let node = state;
    for (;;) {
      const next = this.sparse.get(node * this.classes + cls);
      if (next !== undefined) return next;
      if (node === 0) return 0;
      node = this.fail[node]!;
    }
  }

  /**
   * Searches `text`.
   *
   * @param text - the text (any string; lone surrogates are matched as code units)
   * @param options.boundary - where occurrences may lie (default `none`), see {@link LiteralBoundary}
   */
  search(text: string, options: { boundary?: LiteralBoundary } = {}): LiteralSearchResult {
    const boundary = options.boundary ?? 'none';
    const occurrences: Array<[number, number]> = [];
    const seen = (this.seen ??= new Uint8Array(this.depth.length));
    const touched: number[] = [];
    const union = new SpanUnion();
    const { classOf, classes, delta, dict, depth, group, groups, firstOut } = this;
    const markSeen = (node: number, start: number): void => {
      seen[node] = 1;
      touched.push(node);
      for (const index of groups[group[node]!]!) occurrences.push([index, start]);
    };
    let node = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const cls = classOf[text.charCodeAt(i)]!;
      node = delta ? delta[node * classes + cls]! : this.step(node, cls);
      let out = firstOut[node]!;
      if (out === NO) continue;
      const end = i + 1;
      if (boundary === 'none') {
        union.add(end - depth[out]!, end);
        while (out !== NO && seen[out] === 0) {
          markSeen(out, end - depth[out]!);
          out = dict[out]!;
        }
        continue;
      }
      const python = boundary === 'python';
      if (python ? !isWordBoundary(text, end) : isWordBefore(text, end) && isWordAt(text, end)) continue;
      let longest = NO;
      for (; out !== NO; out = dict[out]!) {
        const start = end - depth[out]!;
        if (python ? !isWordBoundary(text, start) : isWordAt(text, start) && isWordBefore(text, start)) continue;
        if (longest === NO) longest = start;
        if (seen[out] === 0) markSeen(out, start);
      }
      if (longest !== NO) union.add(longest, end);
    }
    for (const node of touched) seen[node] = 0;
    return { occurrences, matchedPatterns: occurrences.length, intervals: union.intervals() };
  }
}
