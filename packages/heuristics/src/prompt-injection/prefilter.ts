/**
 * Keyword pre-filter for the pattern rules. Every rule's regular expression is reduced, once, to a boolean
 * formula over literal strings that any match must contain ("ignore" or "disregard" ... and "previous" or
 * "prior" ... and "instructions" or ...). One linear Aho–Corasick pass over a text finds every literal that
 * occurs in it (overlapping ones included), and a rule whose formula is false cannot match, so its regular
 * expression is not run. The formula is derived conservatively (a large character class, an optional part or
 * an unknown construct requires nothing), so skipping a rule never changes a result: it only saves work.
 */

/** A requirement on the text: a literal, all of some requirements, or any of them. `null` requires nothing. */
export type Need = { kind: 'lit'; text: string } | { kind: 'and'; parts: Need[] } | { kind: 'or'; parts: Need[] };

/**
 * What is known about a sub-expression: `exact`, the finite set of strings it matches, when that set is small
 * (zero-width assertions match `''`); otherwise `need`, a requirement every match satisfies.
 */
interface Info {
  exact: string[] | null;
  need: Need | null;
  /** When not exact: strings one of which every match starts with, or `null` when unknown. */
  prefix: string[] | null;
}

/** Largest exact set kept; beyond it (cross products grow fast) the set becomes a requirement. */
const MAX_EXACT = 64;
/** Largest character class expanded into an exact set. */
const MAX_CLASS = 8;
/**
 * Stands for `^` in exact strings and prefixes, so that "starts at the beginning of the text" is a possible
 * match start (`(?:^|\n)...` starts at 0 or at a newline). A noncharacter; removed from required literals.
 */
const TEXT_START = '\uFDD0';

/** Parser state over one regular-expression source. */
interface Cursor {
  source: string;
  at: number;
}

const ESCAPED_CONTROL: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', '0': '\0' };

const NOTHING: Info = { exact: null, need: null, prefix: null };
const EMPTY: Info = { exact: [''], need: null, prefix: null };

/** Strings one of which every match of the expression starts with; `null` when unknown or when it may be empty. */
function prefixOf(info: Info): string[] | null {
  const strings = info.exact ?? info.prefix;
  return strings === null || strings.includes('') ? null : strings;
}

function product(left: readonly string[], right: readonly string[]): string[] {
  const out = new Set<string>();
  for (const a of left) for (const b of right) out.add(a + b);
  return [...out];
}

function and(parts: Array<Need | null>): Need | null {
  const kept: Need[] = [];
  for (const part of parts) {
    if (part === null) continue;
    if (part.kind === 'and') kept.push(...part.parts);
    else kept.push(part);
  }
  if (kept.length === 0) return null;
  return kept.length === 1 ? kept[0]! : { kind: 'and', parts: kept };
}

function or(parts: Array<Need | null>): Need | null {
  const kept: Need[] = [];
  for (const part of parts) {
    if (part === null) return null; // one branch requires nothing, so the alternation requires nothing
    if (part.kind === 'or') kept.push(...part.parts);
    else kept.push(part);
  }
  if (kept.length === 0) return null;
  return kept.length === 1 ? kept[0]! : { kind: 'or', parts: kept };
}

/** The requirement of an expression: one of its exact strings, or its requirement. */
function needOf(info: Info): Need | null {
  if (info.exact === null) return info.need;
  if (info.exact.includes('')) return null;
  return or(info.exact.map((text) => ({ kind: 'lit', text })));
}

function parseAlternation(c: Cursor): Info {
  const branches: Info[] = [parseSequence(c)];
  while (c.source[c.at] === '|') {
    c.at++;
    branches.push(parseSequence(c));
  }
  if (branches.length === 1) return branches[0]!;
  if (branches.every((b) => b.exact !== null)) {
    const union = [...new Set(branches.flatMap((b) => b.exact!))];
    if (union.length <= MAX_EXACT) return { exact: union, need: null, prefix: null };
  }
  const prefixes = branches.map(prefixOf);
  const prefix = prefixes.every((p) => p !== null) ? [...new Set(prefixes.flat() as string[])] : null;
  return { exact: null, need: or(branches.map(needOf)), prefix };
}

function parseSequence(c: Cursor): Info {
  // exact sets of adjacent parts are multiplied out ("don" "'"? "t" gives "don't", "dont"); a part that is not
  // exact, or a product that grows too large, closes the current product and adds its requirement
  const needs: Array<Need | null> = [];
  let exact: string[] = [''];
  // the sequence's prefixes: the product of its leading exact parts, extended by the first other part's prefixes
  let lead: string[] = [''];
  let prefix: string[] | null | undefined;
  while (c.at < c.source.length && c.source[c.at] !== '|' && c.source[c.at] !== ')') {
    const part = parseQuantified(c);
    if (prefix === undefined) {
      if (part.exact !== null && lead.length * part.exact.length <= MAX_EXACT) {
        lead = product(lead, part.exact);
      } else {
        const next = prefixOf(part);
        if (next !== null && lead.length * next.length <= MAX_EXACT) prefix = product(lead, next);
        else if (!lead.includes('')) prefix = lead;
        else if (next !== null) prefix = [...new Set([...lead.filter((text) => text !== ''), ...next])]; // "" then next
        else prefix = null;
      }
    }
    if (part.exact !== null && exact.length * part.exact.length <= MAX_EXACT) {
      exact = product(exact, part.exact);
      continue;
    }
    needs.push(needOf({ exact, need: null, prefix: null }));
    if (part.exact !== null) {
      exact = part.exact;
    } else {
      needs.push(part.need);
      exact = [''];
    }
  }
  if (needs.length === 0) return { exact, need: null, prefix: null };
  needs.push(needOf({ exact, need: null, prefix: null }));
  if (prefix === undefined) prefix = lead;
  return { exact: null, need: and(needs), prefix: prefix === null || prefix.includes('') ? null : prefix };
}

function parseQuantified(c: Cursor): Info {
  const atom = parseAtom(c);
  const s = c.source;
  const ch = s[c.at];
  let min: number;
  let max: number;
  if (ch === '?' || ch === '*' || ch === '+') {
    min = ch === '+' ? 1 : 0;
    max = ch === '?' ? 1 : Infinity;
    c.at++;
  } else if (ch === '{') {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(s.slice(c.at));
    if (m === null) return atom; // a literal "{"
    min = Number(m[1]);
    max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    c.at += m[0].length;
  } else {
    return atom;
  }
  if (s[c.at] === '?') c.at++; // lazy
  if (min === 0 && max === 1 && atom.exact !== null) return { exact: [...new Set(['', ...atom.exact])], need: null, prefix: null };
  if (min === 0) return NOTHING;
  return { exact: null, need: needOf(atom), prefix: prefixOf(atom) };
}

function parseAtom(c: Cursor): Info {
  const s = c.source;
  const ch = s[c.at]!;
  if (ch === '(') {
    c.at++;
    let lookaround = false;
    if (s[c.at] === '?') {
      const next = s[c.at + 1];
      if (next === ':') c.at += 2;
      else if (next === '=' || next === '!') {
        lookaround = true;
        c.at += 2;
      } else if (next === '<' && (s[c.at + 2] === '=' || s[c.at + 2] === '!')) {
        lookaround = true;
        c.at += 3;
      } else if (next === '<') {
        c.at = s.indexOf('>', c.at) + 1; // named group
      } else {
        throw new Error(`unsupported group at ${c.at} in /${s}/`);
      }
    }
    const inner = parseAlternation(c);
    if (s[c.at] !== ')') throw new Error(`unbalanced group at ${c.at} in /${s}/`);
    c.at++;
    // an assertion consumes nothing
    return lookaround ? EMPTY : inner;
  }
  if (ch === '[') return parseClass(c);
  if (ch === '\\') {
    const e = s[c.at + 1]!;
    c.at += 2;
    if (e === 'b' || e === 'B') return EMPTY;
    const char = escapedChar(c, e);
    return char === null ? NOTHING : { exact: [char], need: null, prefix: null };
  }
  c.at++;
  if (ch === '^') return { exact: [TEXT_START], need: null, prefix: null };
  if (ch === '$') return EMPTY;
  if (ch === '.') return NOTHING;
  return { exact: [ch], need: null, prefix: null };
}

/** The character of an escape whose letter `e` was just read; `null` for classes (`\d`, `\s` ...) and the unknown. */
function escapedChar(c: Cursor, e: string): string | null {
  const s = c.source;
  if (e === 'u' && /^[0-9a-fA-F]{4}/.test(s.slice(c.at, c.at + 4))) {
    c.at += 4;
    return String.fromCharCode(Number.parseInt(s.slice(c.at - 4, c.at), 16));
  }
  if (e === 'x' && /^[0-9a-fA-F]{2}/.test(s.slice(c.at, c.at + 2))) {
    c.at += 2;
    return String.fromCharCode(Number.parseInt(s.slice(c.at - 2, c.at), 16));
  }
  if (e in ESCAPED_CONTROL) return ESCAPED_CONTROL[e]!;
  if (/[a-zA-Z0-9]/.test(e)) return null;
  return e;
}

/** A bracket class: the set of its characters when it is small and plain, else nothing known. */
function parseClass(c: Cursor): Info {
  const s = c.source;
  c.at++;
  let negated = false;
  if (s[c.at] === '^') {
    negated = true;
    c.at++;
  }
  const chars = new Set<string>();
  let plain = !negated;
  let first = true;
  while (c.at < s.length && (s[c.at] !== ']' || first)) {
    first = false;
    let char: string | null = s[c.at]!;
    c.at++;
    if (char === '\\') {
      const e = s[c.at]!;
      c.at++;
      char = e === 'b' ? '\b' : escapedChar(c, e);
    }
    if (char === null || (s[c.at] === '-' && s[c.at + 1] !== ']')) plain = false; // a class escape or a range
    else chars.add(char);
  }
  c.at++;
  return plain && chars.size > 0 && chars.size <= MAX_CLASS ? { exact: [...chars], need: null, prefix: null } : NOTHING;
}

/**
 * The literal requirement of a regular-expression source: a formula over literals that every match contains,
 * or `null` when the source requires no literal. Conservative: constructs it does not understand require nothing.
 */
export function literalRequirement(source: string): Need | null {
  return needOf(analyse(source));
}

/**
 * Strings one of which every match of a regular-expression source starts with (`\\b` and other assertions
 * aside), or `null` when there is no such small set or a match may start with anything.
 */
export function leadingStrings(source: string): string[] | null {
  return prefixOf(analyse(source));
}

function analyse(source: string): Info {
  const c: Cursor = { source, at: 0 };
  const info = parseAlternation(c);
  if (c.at !== source.length) throw new Error(`unparsed regex source at ${c.at}: /${source}/`);
  return info;
}

/** `need` with literals shorter than `minLength` replaced by "no requirement" and the others cut to `maxLength`. */
function prepareLiterals(need: Need | null, minLength: number, maxLength: number): Need | null {
  if (need === null) return null;
  if (need.kind === 'lit') {
    const text = need.text.replaceAll(TEXT_START, '');
    return text.length < minLength ? null : { kind: 'lit', text: text.slice(0, maxLength) };
  }
  const parts = need.parts.map((part) => prepareLiterals(part, minLength, maxLength));
  return need.kind === 'and' ? and(parts) : or(parts);
}

/**
 * The result of analysing a rule set's regular-expression sources, which is most of the cost of building a
 * {@link KeywordPrefilter}: per source, its literal requirement (literals shorter than `minLength` dropped, the others
 * cut to `maxLength`) and the strings one of which its matches start with. Plain data (JSON), so that it can be
 * computed at build time (`tools/gen/prefilter-plan.mjs`) and the pre-filter built from it without parsing a regex.
 */
export interface PrefilterPlan {
  /** The `minLength` the plan was made with. */
  minLength: number;
  /** The `maxLength` the plan was made with. */
  maxLength: number;
  /** Per source: its requirement, `null` when its pattern must always run. */
  needs: Array<Need | null>;
  /** Per source: {@link leadingStrings} (the text start as U+FDD0), `null` when unknown. */
  leads: Array<string[] | null>;
}

/**
 * Analyses `sources` for a {@link KeywordPrefilter} with the given literal lengths (defaults 3 and 8, as the
 * pre-filter's): `new KeywordPrefilter(planPrefilter(sources))` is the same as `new KeywordPrefilter(sources)`.
 */
export function planPrefilter(sources: readonly string[], minLength = DEFAULT_MIN_LENGTH, maxLength = 8): PrefilterPlan {
  const analysed = sources.map(analyse);
  return {
    minLength,
    maxLength,
    needs: analysed.map((info) => prepareLiterals(needOf(info), minLength, maxLength)),
    leads: analysed.map(prefixOf),
  };
}

/** The plan of the sources at `indexes` only (in that order), for a pre-filter over a subset of the rules. */
export function subsetPlan(plan: PrefilterPlan, indexes: readonly number[]): PrefilterPlan {
  return { ...plan, needs: indexes.map((index) => plan.needs[index]!), leads: indexes.map((index) => plan.leads[index]!) };
}

/**
 * A compiled requirement. Literals are tracked per OR node: scanning marks the node the first time one of
 * them occurs, so checking it is one array read.
 */
interface Check {
  /** Node id, for `nodeSeen`. */
  id: number;
  /** `true`: AND of `parts`; `false`: OR of the node's literals and `parts`. */
  all: boolean;
  parts: Check[];
}

/** Candidate match starts kept per source and text; a source with more is run over the whole text. */
const MAX_STARTS = 256;
/** Characters per chunk of the primary scan (its output buffers hold one entry per character of a chunk). */
const SCAN_CHUNK = 4096;
/** Start lists up to this long are sorted by insertion. */
const SMALL_SORT = 24;

/**
 * Default shortest literal: 3. Two-letter literals ("an", "in", "he", "is", from alternatives such as `he|she`)
 * occur every few characters of running text, so each costs the scan an output step while it rarely rules a
 * rule out; measured on the benchmark corpus, 3 gave the fastest detector (2: 11% slower, 4: 2% slower), with the
 * same results (the pre-filter is conservative at any length).
 */
export const DEFAULT_MIN_LENGTH = 3;

/** Options of {@link KeywordPrefilter}. */
export interface KeywordPrefilterOptions {
  /**
   * Literals shorter than this are treated as always present: they filter almost nothing and would cost scan
   * time. Default {@link DEFAULT_MIN_LENGTH}.
   */
  minLength?: number;
  /**
   * Literals are cut to this prefix (a text with the literal contains the prefix too), which bounds the size of
   * the automaton. Default 8.
   */
  maxLength?: number;
  /**
   * Per source: whether to record where its matches may start ({@link KeywordPrefilter.starts}). Default none.
   */
  anchored?: readonly boolean[];
  /**
   * Two character classes (by UTF-16 code unit below 128) whose longest runs the scan measures
   * ({@link KeywordPrefilter.longestRun}).
   */
  runClasses?: readonly [(code: number) => boolean, (code: number) => boolean];
}

function isPlan(sources: readonly string[] | PrefilterPlan): sources is PrefilterPlan {
  return !Array.isArray(sources);
}

/**
 * Multi-literal matcher (an Aho–Corasick automaton as a full transition table over the characters the
 * literals use) with a literal formula per rule. Built once per rule set. Holds the state of the text scanned
 * last, so it is not re-entrant: scan and query one text at a time (what a synchronous caller does).
 */
export class KeywordPrefilter {
  /** Literal strings, by id. */
  readonly literals: string[] = [];
  private readonly ids = new Map<string, number>();
  /** OR nodes that each literal satisfies, by literal id. */
  private readonly nodesOf: number[][] = [];
  /** Anchored sources whose matches may start with each literal, by literal id. */
  private readonly leadsOf: number[][] = [];
  private nodeCount = 0;
  /** Per source: its check, or `null` when its pattern must always run. */
  private readonly checks: Array<Check | null>;
  /** The source (rule) of each node; built by `compile`. */
  private readonly nodeSources: number[] = [];
  private readonly nodeSource: Int32Array;
  /**
   * `sourceSeen[s] === generation` once a literal of source `s` occurs in the current text: a source none of
   * whose literals occurs cannot have its requirement met, so {@link mayMatch} answers without evaluating it.
   */
  private readonly sourceSeen: Uint32Array;
  /** Per source: whether its match starts are recorded. */
  private readonly anchored: boolean[];
  /** Character class (column) of each UTF-16 code unit; 0 for characters no literal uses. */
  private readonly column = new Uint16Array(65536);
  /**
   * Transition table, one row of {@link width} entries per state (rows as narrow as the alphabet, so the table
   * stays in cache); an entry holds the next state's row offset (`state * width`, even), plus 1 when that
   * state has outputs, so the scan loop needs no branch to follow it.
   */
  private readonly delta: Int32Array;
  /** Entries per row of {@link delta}: the alphabet's columns, 0 (characters no literal uses) included, made even. */
  private readonly width: number;
  /** `1 / width`, to get a state back from its row offset. */
  private readonly inverseWidth: number;
  /** Per chunk of the primary scan: the row offsets and positions of the transitions into states with outputs. */
  private readonly eventRow = new Int32Array(SCAN_CHUNK);
  private readonly eventEnd = new Int32Array(SCAN_CHUNK);
  /** Per state: the OR nodes satisfied by the literals ending there (`outStart[s]` to `outStart[s + 1]`). */
  private readonly outStart: Int32Array;
  private readonly outNodes: Int32Array;
  /** Per state: (source, literal length) pairs of the anchored literals ending there. */
  private readonly leadStart: Int32Array;
  private readonly leadSource: Int32Array;
  private readonly leadLength: Int32Array;
  /** `nodeSeen[node] === generation` when one of the node's literals occurs in the current text. */
  private readonly nodeSeen: Uint32Array;
  /** `stateSeen[state] === generation` once the state's node outputs were recorded for the current text. */
  private readonly stateSeen: Uint32Array;
  /**
   * Candidate match starts in the current text: source `s` keeps up to {@link MAX_STARTS} of them at
   * `starts[s * MAX_STARTS]`, and `startCounts[s]` counts them (past the capacity: too many to be worth
   * anchoring, and {@link starts} answers "anywhere").
   */
  readonly startBuffer: Int32Array;
  private readonly startCounts: Int32Array;
  /** Per source: 1 when a match may start at the beginning of the text (`^`). */
  private readonly startAtZero: Uint8Array;
  /** The anchored sources with {@link startAtZero}. */
  private readonly zeroStarts: Int32Array;
  /** Bit 1 / bit 2: the code unit is in run class 0 / 1. */
  private readonly runBits = new Uint8Array(65536);
  private readonly runs = [0, 0];
  private generation = 0;

  /**
   * @param sources the rules' regular-expression sources, in rule order, or their {@link PrefilterPlan} (made with
   * the same `minLength` and `maxLength` as `options`), which skips the analysis.
   */
  constructor(sources: readonly string[] | PrefilterPlan, options: KeywordPrefilterOptions = {}) {
    const minLength = options.minLength ?? DEFAULT_MIN_LENGTH;
    const maxLength = options.maxLength ?? 8;
    const plan = isPlan(sources) ? sources : planPrefilter(sources, minLength, maxLength);
    if (plan.minLength !== minLength || plan.maxLength !== maxLength) {
      throw new RangeError(`prefilter plan made for literal lengths ${plan.minLength}–${plan.maxLength}, not ${minLength}–${maxLength}`);
    }
    const count = plan.needs.length;
    this.checks = plan.needs.map((need, index) => (need === null ? null : this.compile(need, index)));
    this.nodeSource = Int32Array.from(this.nodeSources);
    this.sourceSeen = new Uint32Array(count);
    this.startAtZero = new Uint8Array(count);
    this.anchored = plan.leads.map((leads, index) => {
      if (options.anchored?.[index] !== true) return false;
      if (leads === null) return false;
      for (const lead of leads) {
        // a lead that starts at the beginning of the text: position 0 is always a candidate
        if (lead.startsWith(TEXT_START)) this.startAtZero[index] = 1;
        else this.leadsOf[this.literalId(lead.replaceAll(TEXT_START, '').slice(0, maxLength))]!.push(index);
      }
      return true;
    });
    this.startBuffer = new Int32Array(count * MAX_STARTS);
    this.startCounts = new Int32Array(count);
    this.zeroStarts = Int32Array.from(this.anchored.flatMap((anchored, index) => (anchored && this.startAtZero[index] === 1 ? [index] : [])));
    if (options.runClasses !== undefined) {
      for (let code = 0; code < 128; code++) {
        this.runBits[code] = (options.runClasses[0](code) ? 1 : 0) | (options.runClasses[1](code) ? 2 : 0);
      }
    }
    // alphabet
    let columns = 1;
    let capacity = 1;
    for (const literal of this.literals) {
      capacity += literal.length;
      for (let i = 0; i < literal.length; i++) {
        const code = literal.charCodeAt(i);
        if (this.column[code] === 0) this.column[code] = columns++;
      }
    }
    let shift = 0;
    while (1 << shift < columns) shift++;
    const width = 1 << shift;
    // trie in the transition table (-1: no child yet); `ending[state]` lists the literals that end there
    let delta = new Int32Array(Math.min(capacity, 1024) * width).fill(-1);
    const ending: number[][] = [[]];
    let states = 1;
    this.literals.forEach((literal, id) => {
      let state = 0;
      for (let i = 0; i < literal.length; i++) {
        const at = state * width + this.column[literal.charCodeAt(i)]!;
        if (delta[at] === -1) {
          if ((states + 1) * width > delta.length) {
            const grown = new Int32Array(delta.length * 2).fill(-1);
            grown.set(delta);
            delta = grown;
          }
          delta[at] = states++;
          ending.push([]);
        }
        state = delta[at]!;
      }
      ending[state]!.push(id);
    });
    delta = delta.slice(0, states * width);
    // breadth-first: missing transitions follow the failure link, so the table is a complete automaton; a
    // state's literals include its failure state's (the literals that end at the same place)
    const fail = new Int32Array(states);
    const order = new Int32Array(states);
    let queued = 0;
    for (let col = 0; col < width; col++) {
      const next = delta[col]!;
      if (next === -1) delta[col] = 0;
      else order[queued++] = next;
    }
    // the padding columns past the alphabet are never read
    for (let state = 1; state < states; state++) delta.fill(0, state * width + columns, (state + 1) * width);
    for (let q = 0; q < queued; q++) {
      const state = order[q]!;
      const failed = fail[state]!;
      if (ending[failed]!.length > 0) ending[state] = [...ending[state]!, ...ending[failed]!];
      for (let col = 0; col < columns; col++) {
        const at = state * width + col;
        const next = delta[at]!;
        if (next === -1) {
          delta[at] = delta[failed * width + col]!;
        } else {
          fail[next] = delta[failed * width + col]!;
          order[queued++] = next;
        }
      }
    }
    this.outStart = new Int32Array(states + 1);
    this.leadStart = new Int32Array(states + 1);
    const nodes: number[] = [];
    const nodeMark = new Int32Array(this.nodeCount);
    const leadSource: number[] = [];
    const leadLength: number[] = [];
    for (let state = 0; state < states; state++) {
      this.outStart[state] = nodes.length;
      this.leadStart[state] = leadSource.length;
      for (const id of ending[state]!) {
        for (const node of this.nodesOf[id]!) {
          if (nodeMark[node] === state + 1) continue;
          nodeMark[node] = state + 1;
          nodes.push(node);
        }
        for (const source of this.leadsOf[id]!) {
          leadSource.push(source);
          leadLength.push(this.literals[id]!.length);
        }
      }
    }
    this.outStart[states] = nodes.length;
    this.leadStart[states] = leadSource.length;
    this.outNodes = Int32Array.from(nodes);
    this.leadSource = Int32Array.from(leadSource);
    this.leadLength = Int32Array.from(leadLength);
    const hasOutput = new Uint8Array(states);
    for (let state = 0; state < states; state++) {
      hasOutput[state] = this.outStart[state + 1]! > this.outStart[state]! || this.leadStart[state + 1]! > this.leadStart[state]! ? 1 : 0;
    }
    // the compact table: rows of `columns` entries (rounded up to even, so the low bit of a row offset is free
    // for the output flag) instead of the power-of-two width used while building
    const rowWidth = columns + (columns & 1);
    const compact = new Int32Array(states * rowWidth);
    for (let state = 0; state < states; state++) {
      for (let col = 0; col < columns; col++) {
        const next = delta[state * width + col]!;
        compact[state * rowWidth + col] = next * rowWidth + hasOutput[next]!;
      }
    }
    this.delta = compact;
    this.width = rowWidth;
    this.inverseWidth = 1 / rowWidth;
    this.nodeSeen = new Uint32Array(this.nodeCount);
    this.stateSeen = new Uint32Array(states);
  }

  private literalId(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.literals.length;
      this.literals.push(text);
      this.nodesOf.push([]);
      this.leadsOf.push([]);
      this.ids.set(text, id);
    }
    return id;
  }

  private compile(need: Need, source: number): Check {
    const id = this.nodeCount++;
    this.nodeSources.push(source);
    if (need.kind === 'and') return { id, all: true, parts: need.parts.map((part) => this.compile(part, source)) };
    const parts: Check[] = [];
    for (const part of need.kind === 'lit' ? [need] : need.parts) {
      if (part.kind === 'lit') this.nodesOf[this.literalId(part.text)]!.push(id);
      else parts.push(this.compile(part, source));
    }
    return { id, all: false, parts };
  }

  /** Ids of the literals for which `test` holds, for {@link scanIncludes}. */
  literalIds(test: (literal: string) => boolean): Int32Array {
    const ids: number[] = [];
    this.literals.forEach((literal, id) => {
      if (test(literal)) ids.push(id);
    });
    return Int32Array.from(ids);
  }

  /** Starts a new text: forgets the literals, match starts and runs seen so far. */
  reset(): void {
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.nodeSeen.fill(0);
      this.sourceSeen.fill(0);
      this.stateSeen.fill(0);
      this.generation = 1;
    }
    this.runs[0] = 0;
    this.runs[1] = 0;
    this.startCounts.fill(0);
    for (const source of this.zeroStarts) {
      this.startBuffer[source * MAX_STARTS] = 0;
      this.startCounts[source] = 1;
    }
  }

  /**
   * Records every literal that occurs in `text` (adding to what earlier calls since {@link reset} recorded).
   * With `primary`, also records the anchored sources' candidate match starts and the longest runs of the run
   * classes; give that to one text (view) per {@link reset}.
   */
  scan(text: string, primary = false): void {
    if (primary) {
      this.scanPrimary(text);
      return;
    }
    const { column, delta, inverseWidth } = this;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const next = delta[row + column[text.charCodeAt(i)]!]!;
      row = next & -2;
      if ((next & 1) === 0) continue;
      this.markLiterals((row * inverseWidth + 0.5) | 0);
    }
  }

  /**
   * {@link scan} that also records match starts and runs (kept apart so the plain loop stays small). Per chunk
   * of {@link SCAN_CHUNK} characters, a loop without branches follows the automaton and appends each transition
   * into a state with outputs to a buffer; a second loop then records those outputs. The automaton's loop is
   * bound by the latency of its table reads, and the outputs' branches, unpredictable in running text, no
   * longer stall it.
   */
  private scanPrimary(text: string): void {
    const { column, delta, inverseWidth, runBits, eventRow, eventEnd } = this;
    const n = text.length;
    let row = 0;
    let run0 = 0;
    let run1 = 0;
    let max0 = 0;
    let max1 = 0;
    for (let from = 0; from < n; from += SCAN_CHUNK) {
      const end = Math.min(n, from + SCAN_CHUNK);
      let events = 0;
      for (let i = from; i < end; i++) {
        const code = text.charCodeAt(i);
        const bits = runBits[code]!;
        run0 = (run0 + 1) & -(bits & 1);
        run1 = (run1 + 1) & -((bits >> 1) & 1);
        max0 = max0 > run0 ? max0 : run0;
        max1 = max1 > run1 ? max1 : run1;
        const next = delta[row + column[code]!]!;
        row = next & -2;
        // written always, kept only when the state has outputs (`events` < i - from + 1 <= SCAN_CHUNK)
        eventRow[events] = row;
        eventEnd[events] = i;
        events += next & 1;
      }
      for (let e = 0; e < events; e++) {
        this.recordOutputs((eventRow[e]! * inverseWidth + 0.5) | 0, eventEnd[e]!);
      }
    }
    if (max0 > this.runs[0]!) this.runs[0] = max0;
    if (max1 > this.runs[1]!) this.runs[1] = max1;
  }

  /** The outputs of `state`, reached after the character at `i`: match starts, then (once per text) literals. */
  private recordOutputs(state: number, i: number): void {
    const { leadStart, leadSource, leadLength, startBuffer, startCounts } = this;
    const leadsTo = leadStart[state + 1]!;
    for (let k = leadStart[state]!; k < leadsTo; k++) {
      const source = leadSource[k]!;
      const count = startCounts[source]!;
      if (count < MAX_STARTS) startBuffer[source * MAX_STARTS + count] = i + 1 - leadLength[k]!;
      startCounts[source] = count + 1;
    }
    this.markLiterals(state);
  }

  /** Marks the literals (their OR nodes and sources) that end at `state`, once per text. */
  private markLiterals(state: number): void {
    const { outStart, outNodes, nodeSeen, nodeSource, sourceSeen, stateSeen } = this;
    const generation = this.generation;
    if (stateSeen[state] === generation) return;
    stateSeen[state] = generation;
    const to = outStart[state + 1]!;
    for (let k = outStart[state]!; k < to; k++) {
      const node = outNodes[k]!;
      nodeSeen[node] = generation;
      sourceSeen[nodeSource[node]!] = generation;
    }
  }

  /**
   * Records which of the literals `ids` (from {@link literalIds}) occur in `text`, by substring search: for a
   * second view in which only a few literals can occur that the views given to {@link scan} lack.
   */
  scanIncludes(text: string, ids: Int32Array): void {
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k]!;
      if (!text.includes(this.literals[id]!)) continue;
      for (const node of this.nodesOf[id]!) {
        this.nodeSeen[node] = this.generation;
        this.sourceSeen[this.nodeSource[node]!] = this.generation;
      }
    }
  }

  /** Whether source `index` may match any text scanned since {@link reset}; `false` means it certainly cannot. */
  mayMatch(index: number): boolean {
    const check = this.checks[index];
    if (check === null || check === undefined) return true;
    return this.sourceSeen[index] === this.generation && this.holds(check);
  }

  /** Whether source `index` has a literal requirement at all (a source without one always runs). */
  hasRequirement(index: number): boolean {
    return this.checks[index] != null;
  }

  /**
   * For an anchored source (see {@link KeywordPrefilterOptions.anchored}): the positions in the primary text
   * where one of its leading strings starts, ascending and without duplicates; every match of the source in
   * that text starts at one of them. `null` when the source is not anchored or has too many candidates (its
   * matches may then start anywhere).
   */
  starts(index: number): Int32Array | null {
    const count = this.sortStarts(index);
    return count < 0 ? null : this.startBuffer.subarray(index * MAX_STARTS, index * MAX_STARTS + count);
  }

  /**
   * {@link starts} without a view: sorts and dedupes source `index`'s starts in place and returns their count, or
   * -1 for "anywhere"; they are then `startBuffer[startOffset(index) + k]` for `k` below the count.
   */
  sortStarts(index: number): number {
    const count = this.startCounts[index]!;
    if (this.anchored[index] !== true || count > MAX_STARTS) return -1;
    const buffer = this.startBuffer;
    const from = index * MAX_STARTS;
    const to = from + count;
    if (count <= SMALL_SORT) {
      // insertion sort: the usual handful of starts, without the native sort's call cost
      for (let k = from + 1; k < to; k++) {
        const value = buffer[k]!;
        let j = k - 1;
        while (j >= from && buffer[j]! > value) {
          buffer[j + 1] = buffer[j]!;
          j--;
        }
        buffer[j + 1] = value;
      }
    } else {
      buffer.subarray(from, to).sort();
    }
    let kept = from;
    for (let k = from; k < to; k++) if (k === from || buffer[k] !== buffer[k - 1]) buffer[kept++] = buffer[k]!;
    this.startCounts[index] = kept - from;
    return kept - from;
  }

  /** Where source `index`'s starts begin in {@link startBuffer}. */
  startOffset(index: number): number {
    return index * MAX_STARTS;
  }

  /** The longest run of run class `k` (0 or 1) in the primary text since {@link reset}. */
  longestRun(k: 0 | 1): number {
    return this.runs[k]!;
  }

  private holds(check: Check): boolean {
    const parts = check.parts;
    if (check.all) {
      for (let k = 0; k < parts.length; k++) if (!this.holds(parts[k]!)) return false;
      return true;
    }
    if (this.nodeSeen[check.id] === this.generation) return true;
    for (let k = 0; k < parts.length; k++) if (this.holds(parts[k]!)) return true;
    return false;
  }
}
