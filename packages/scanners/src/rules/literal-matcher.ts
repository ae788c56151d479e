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
  /** Per pattern (in the order given): the start offset of its first counted occurrence, or -1. */
  readonly firstStart: Int32Array;
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

/**
 * Finds many literal strings in one pass over a text (Aho–Corasick automaton over UTF-16 code units). Building is
 * linear in the total pattern length; a search visits each code unit once, plus, per position, the dictionary
 * chain of patterns ending there: in `str` mode only until a pattern already seen (so O(n + patterns) overall), with
 * word boundaries, where each occurrence needs its own check, the chain of the patterns that end at a word
 * boundary (bounded by the number of patterns that are suffixes of one another).
 *
 * Measured against one compiled `RegExp` alternation of the escaped patterns (see tools/bench/rule-scanners.mjs):
 * faster from a few hundred patterns on, and linear where a backtracking alternation is not guaranteed to be.
 */
export class LiteralMatcher {
  /** The patterns, as given. */
  readonly patterns: readonly string[];
  private readonly caseSensitive: boolean;
  private readonly rootNext = new Int32Array(65536);
  private readonly goto = new Map<number, number>();
  private readonly fail: Int32Array;
  private readonly dict: Int32Array;
  private readonly depth: Int32Array;
  private readonly group: Int32Array;
  private readonly groups: number[][] = [];

  /**
   * @param patterns - the literals to find (non-empty strings)
   * @param options.caseSensitive - default `false`
   */
  constructor(patterns: readonly string[], options: LiteralMatcherOptions = {}) {
    this.patterns = patterns;
    this.caseSensitive = options.caseSensitive ?? false;
    const fold = this.caseSensitive ? undefined : caseFoldTable();
    const depth: number[] = [0];
    const group: number[] = [NO];
    const edges: Array<Array<[number, number]>> = [[]];
    patterns.forEach((pattern, index) => {
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const raw = pattern.charCodeAt(i);
        const c = fold ? fold[raw]! : raw;
        let next = node === 0 ? this.rootNext[c]! || undefined : this.goto.get(node * 65536 + c);
        if (next === undefined) {
          next = depth.length;
          depth.push(depth[node]! + 1);
          group.push(NO);
          edges.push([]);
          edges[node]!.push([c, next]);
          if (node === 0) this.rootNext[c] = next;
          else this.goto.set(node * 65536 + c, next);
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
    const queue: number[] = [];
    for (const [, child] of edges[0]!) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const [c, child] of edges[node]!) {
        let f = this.fail[node]!;
        let target: number | undefined;
        for (;;) {
          target = f === 0 ? this.rootNext[c]! || undefined : this.goto.get(f * 65536 + c);
          if (target !== undefined || f === 0) break;
          f = this.fail[f]!;
        }
        const failTo = target !== undefined && target !== child ? target : 0;
        this.fail[child] = failTo;
        this.dict[child] = this.group[failTo] !== NO ? failTo : this.dict[failTo]!;
        queue.push(child);
      }
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
    const fold = this.caseSensitive ? undefined : caseFoldTable();
    const firstStart = new Int32Array(this.patterns.length).fill(NO);
    const seen = new Uint8Array(this.depth.length);
    const union = new SpanUnion();
    const { rootNext, goto, fail, dict, depth, group, groups } = this;
    let matchedPatterns = 0;
    const markSeen = (node: number, start: number): void => {
      seen[node] = 1;
      for (const index of groups[group[node]!]!) {
        firstStart[index] = start;
        matchedPatterns++;
      }
    };
    let node = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const raw = text.charCodeAt(i);
      const c = fold ? fold[raw]! : raw;
      for (;;) {
        if (node === 0) {
          node = rootNext[c]!;
          break;
        }
        const next = goto.get(node * 65536 + c);
        if (next !== undefined) {
          node = next;
          break;
        }
        node = fail[node]!;
      }
      if (node === 0) continue;
      let out = group[node] !== NO ? node : dict[node]!;
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
    return { firstStart, matchedPatterns, intervals: union.intervals() };
  }
}
