import type { Finding, TextSpan } from '@llm-shield/core';
import type { Detection } from '../detection.js';
import { hasLeetChar, normalizeText, toOriginalSpan, type NormalizedView } from '../normalize.js';
import { PROMPT_INJECTION_CATEGORIES, type PromptInjectionCategory } from './categories.js';
import { noisyOr } from './combine.js';
import { hasEvasionChar, obfuscationSignals } from './obfuscation-signals.js';
import type { PatternRule } from './rule.js';
import { KeywordPrefilter, subsetPlan } from './prefilter.js';
import { PROMPT_INJECTION_RULES } from './rules/index.js';
import { rulesPrefilterPlan } from './rules-prefilter-plan.js';
import { despace, overlapsRun } from './spaced-letters.js';
import { isBase64Code, isHexRunCode, MIN_BASE64, MIN_HEX_BYTES } from './encoded.js';

/** Options of {@link detectPromptInjection}. */
export interface PromptInjectionOptions {
  /** Categories to report and score; default all of {@link PROMPT_INJECTION_CATEGORIES}. */
  categories?: readonly PromptInjectionCategory[];
  /**
   * Run every rule's regular expression over the whole text, and every obfuscation pass, without the keyword
   * pre-filter (which skips rules whose literals are absent and tries the others only where a match can start)
   * and the quick checks that skip passes. Gives the same result, only slower; for tests and debugging.
   */
  exhaustive?: boolean;
}

/** What normalisation found, for explanations and debugging. */
export interface PromptInjectionStats {
  /** Invisible characters removed (zero-width, bidi, controls). */
  invisibleCount: number;
  /** Characters changed by homoglyph folding. */
  homoglyphCount: number;
  /** Whether leetspeak mapping changed the text. */
  leetChanged: boolean;
  /** Runs of spaced-out letters that were joined ("i g n o r e"). */
  spacedRuns: number;
}

/** The result of {@link detectPromptInjection}: a {@link Detection} plus normalisation stats. */
export interface PromptInjectionDetection extends Detection {
  /** What normalisation found. */
  stats: PromptInjectionStats;
}

/** The score above which the heuristic calls a text an injection (the scanner's default threshold). */
export const DEFAULT_PROMPT_INJECTION_THRESHOLD = 0.5;

/** Matches kept per rule (for spans); counting stops once `minMatches` and this are reached. */
const MAX_SPANS_PER_RULE = 3;
/** Spans reported per finding. */
const MAX_SPANS_PER_FINDING = 10;
/** Weight of the obfuscation evidence when a rule only matched after normalisation undid an evasion. */
const EVASION_WEIGHT = 0.6;

interface Hit {
  rule: string;
  weight: number;
  spans: TextSpan[];
}

interface ViewMatch {
  spans: TextSpan[];
  evasive: boolean;
}

/**
 * Runs `rule` over `view` like a global `exec` loop. With `starts` (every position where a match may start,
 * ascending: `startCount` of them from `startFrom`), tries a sticky copy of the pattern at those positions only,
 * which finds the same matches: a global scan from `lastIndex` returns the leftmost match at or after it, and that
 * is at one of the positions.
 */
function matchRule(
  rule: PatternRule,
  view: NormalizedView,
  original: string,
  folded: NormalizedView | null,
  needed: number,
  starts: Int32Array | null = null,
  sticky: RegExp | null = null,
  accept: ((start: number, end: number) => boolean) | null = null,
  startFrom = 0,
  startCount = starts === null ? 0 : starts.length,
): ViewMatch | null {
  const pattern = starts === null || sticky === null ? rule.pattern : sticky;
  pattern.lastIndex = 0;
  const spans: TextSpan[] = [];
  let count = 0;
  let evasive = false;
  let match: RegExpExecArray | null;
  let next = 0;
  for (;;) {
    if (starts === null) {
      match = pattern.exec(view.text);
    } else {
      while (next < startCount && starts[startFrom + next]! < pattern.lastIndex) next++;
      if (next === startCount) break;
      pattern.lastIndex = starts[startFrom + next++]!;
      match = pattern.exec(view.text);
      if (match === null) continue;
    }
    if (match === null) break;
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) {
      pattern.lastIndex = start + 1;
      continue;
    }
    if (accept !== null && !accept(start, end)) continue;
    count++;
    const where = toOriginalSpan(view, original, start, end);
    if (spans.length < MAX_SPANS_PER_RULE) spans.push(where);
    if (!evasive) {
      // the match needed normalisation beyond lower-casing and diacritics: leetspeak, homoglyphs, zero-width
      const leetUsed = folded !== null && folded.text.slice(start, end) !== match[0];
      evasive = leetUsed || hasEvasionChar(original, where.start, where.end);
    }
    if (count >= needed && spans.length >= MAX_SPANS_PER_RULE) break;
  }
  pattern.lastIndex = 0;
  return count >= needed ? { spans, evasive } : null;
}

/**
 * The keyword pre-filter over the leet view: literal requirements of every rule, in rule order (the de-spaced
 * view's open-ended variants need the same); candidate match starts of the rules (see `anchored`; the
 * de-spaced view is always matched whole); and the longest runs of characters that can form a base64 blob and
 * a hex blob (every blob character of the original becomes one such character in the leet view, leet digits
 * becoming o, i, e, a, s, t; removed and expanded characters only lengthen runs), so that texts without a long
 * enough run skip the blob decoder.
 * Built lazily by {@link prepareRules}.
 */
interface PreparedRules {
  prefilter: KeywordPrefilter;
  /** Sticky copies of the patterns, for the anchored runs. */
  sticky: RegExp[];
  foldedOnlyLiterals: ReturnType<KeywordPrefilter['literalIds']>;
}

let prepared: PreparedRules | undefined;

/**
 * Builds the pre-filter on first use rather than at import (building the automaton of every rule's literals is
 * most of the package's load time; `import('@llm-shield/heuristics')` stays cheap for cold starts).
 */
function prepareRules(): PreparedRules {
  if (prepared !== undefined) return prepared;
  // the rules' analysis, computed at build time when the stored one matches the rules (see rules-prefilter-plan.ts)
  const plan = rulesPrefilterPlan(PROMPT_INJECTION_RULES.map((rule) => rule.pattern.source));
  const prefilter = new KeywordPrefilter(
    plan,
    {
      // a symbol rule runs on the folded view; the starts found on the leet view are its starts too unless a
      // leading string has a leet character (which the leet view never contains)
      anchored: PROMPT_INJECTION_RULES.map((rule, index) => rule.view !== 'symbols' || !(plan.leads[index] ?? []).some(hasLeetChar)),
      runClasses: [isBase64Code, (code) => isHexRunCode(code) || (code >= 0x61 && code <= 0x7a && 'oiestl'.includes(String.fromCharCode(code)))],
    },
  );
  /*
   * The symbol rules' literals with a leet character, looked up in the folded view (where the symbol rules run)
   * when it differs from the leet view: any literal without one that occurs in the folded view also occurs, at
   * the same place, in the leet view, which the automaton scans. Word rules run on the leet view and the
   * de-spaced view made from it, which contain no leet character, so their literals with one can never occur.
   */
  const symbolRules = PROMPT_INJECTION_RULES.flatMap((rule, index) => (rule.view === 'symbols' ? [index] : []));
  const symbolLeetLiterals = new Set(new KeywordPrefilter(subsetPlan(plan, symbolRules)).literals.filter(hasLeetChar));
  prepared = {
    prefilter,
    sticky: PROMPT_INJECTION_RULES.map((rule) => new RegExp(rule.pattern.source, 'y')),
    foldedOnlyLiterals: prefilter.literalIds((literal) => symbolLeetLiterals.has(literal)),
  };
  return prepared;
}

const ALL_CATEGORIES: ReadonlySet<PromptInjectionCategory> = new Set(PROMPT_INJECTION_CATEGORIES);

const OPEN_ENDED = new Map<string, PatternRule>();

/**
 * The rule without its final word boundary, for the de-spaced view: a spaced-out run has no word boundaries
 * of its own ("i g n o r e r u l e s" joins to "ignorerules"), and a match must not disappear when more
 * spaced letters are appended to the run (monotone evidence).
 */
function openEnded(rule: PatternRule): PatternRule {
  let open = OPEN_ENDED.get(rule.id);
  if (open === undefined) {
    const source = rule.pattern.source;
    open = source.endsWith('\\b') ? { ...rule, pattern: new RegExp(source.slice(0, -2), 'g') } : rule;
    OPEN_ENDED.set(rule.id, open);
  }
  return open;
}

/**
 * Detects prompt injection with rules over normalised views of `text`: instruction override, jailbreak
 * role-play, context confusion, prompt extraction, delimiter attacks and obfuscation. Each rule has a weight;
 * a category's score is the noisy-OR of its fired rules' weights and the overall score the noisy-OR of all of
 * them, so adding text that fires more rules never lowers the score. Scores above
 * {@link DEFAULT_PROMPT_INJECTION_THRESHOLD} mean injection. Never throws; linear time in the length of the text.
 */
export function detectPromptInjection(text: string, options: PromptInjectionOptions = {}): PromptInjectionDetection {
  const input = typeof text === 'string' ? text : String(text ?? '');
  const wanted = options.categories === undefined ? ALL_CATEGORIES : new Set<PromptInjectionCategory>(options.categories);
  const normalized = normalizeText(input);
  const leetChanged = normalized.leet.text !== normalized.folded.text;
  const exhaustive = options.exhaustive === true;
  const despaced = despace(normalized.leet, !exhaustive);
  const hits = new Map<PromptInjectionCategory, Hit[]>();
  const add = (category: PromptInjectionCategory, hit: Hit) => {
    const list = hits.get(category);
    if (list === undefined) hits.set(category, [hit]);
    else list.push(hit);
  };
  const evasionSpans: TextSpan[] = [];
  const evasionRules = new Set<string>();
  const { prefilter: PREFILTER, sticky: STICKY, foldedOnlyLiterals: FOLDED_ONLY_LITERALS } = prepareRules();
  if (!exhaustive) {
    PREFILTER.reset();
    PREFILTER.scan(normalized.leet.text, true);
    if (leetChanged) PREFILTER.scanIncludes(normalized.folded.text, FOLDED_ONLY_LITERALS);
    if (despaced !== null) PREFILTER.scan(despaced.view.text);
  }

  for (let index = 0; index < PROMPT_INJECTION_RULES.length; index++) {
    if (!exhaustive && !PREFILTER.mayMatch(index)) continue;
    const rule = PROMPT_INJECTION_RULES[index]!;
    if (wanted !== ALL_CATEGORIES && !wanted.has(rule.category)) continue;
    const needed = rule.minMatches ?? 1;
    // the candidate starts, read in place from the pre-filter's buffer (-1: anywhere)
    const startCount = exhaustive ? -1 : PREFILTER.sortStarts(index);
    const starts = startCount < 0 ? null : PREFILTER.startBuffer;
    const startFrom = PREFILTER.startOffset(index);
    let fired: ViewMatch | null;
    if (rule.view === 'symbols') {
      fired = exhaustive
        ? matchRule(rule, normalized.folded, input, null, needed)
        : matchRule(rule, normalized.folded, input, null, needed, starts, STICKY[index]!, null, startFrom, startCount);
    } else {
      const folded = leetChanged ? normalized.folded : null;
      fired = exhaustive
        ? matchRule(rule, normalized.leet, input, folded, needed)
        : matchRule(rule, normalized.leet, input, folded, needed, starts, STICKY[index]!, null, startFrom, startCount);
      if (despaced !== null) {
        // a match that needed the spaced letters joined is evasive
        const joined = matchRule(openEnded(rule), despaced.view, input, null, needed, null, null, (start, end) => overlapsRun(despaced, start, end));
        if (joined !== null) fired = { spans: fired === null ? joined.spans : [...fired.spans, ...joined.spans], evasive: true };
      }
    }
    if (fired === null) continue;
    add(rule.category, { rule: rule.id, weight: rule.weight, spans: fired.spans });
    if (fired.evasive && rule.category !== 'obfuscation') {
      evasionRules.add(rule.id);
      evasionSpans.push(...fired.spans);
    }
  }

  if (wanted.has('obfuscation')) {
    if (evasionRules.size > 0) add('obfuscation', { rule: 'ob.evasion', weight: EVASION_WEIGHT, spans: evasionSpans });
    const spacedSpans = despaced === null ? [] : despaced.runs.map((run) => toOriginalSpan(normalized.leet, input, run.start, run.end));
    const blobs = exhaustive || PREFILTER.longestRun(0) >= MIN_BASE64 || PREFILTER.longestRun(1) >= MIN_HEX_BYTES * 2;
    for (const signal of obfuscationSignals(input, despaced?.runs ?? [], spacedSpans, blobs, !exhaustive, normalized.plainAscii)) {
      add('obfuscation', { rule: signal.id, weight: signal.weight, spans: signal.spans });
    }
  }

  const stats: PromptInjectionStats = {
    invisibleCount: normalized.invisibleCount,
    homoglyphCount: normalized.homoglyphCount,
    leetChanged,
    spacedRuns: despaced?.runs.length ?? 0,
  };
  if (hits.size === 0) return { score: 0, findings: [], stats };
  const findings: Finding[] = [];
  for (const category of PROMPT_INJECTION_CATEGORIES) {
    const list = hits.get(category);
    if (list === undefined || list.length === 0) continue;
    findings.push({
      category,
      score: noisyOr(list.map((hit) => hit.weight)),
      rules: list.map((hit) => hit.rule),
      spans: mergeSpans(list.flatMap((hit) => hit.spans)).slice(0, MAX_SPANS_PER_FINDING),
    });
  }
  findings.sort((a, b) => b.score - a.score);
  const score = noisyOr([...hits.values()].flat().map((hit) => hit.weight));
  return { score, findings, stats };
}

/** Sorts spans and drops exact duplicates and empty spans. */
function mergeSpans(spans: TextSpan[]): TextSpan[] {
  const seen = new Set<string>();
  const out: TextSpan[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (s.end <= s.start) continue;
    const key = `${s.start}:${s.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
  }
  return out;
}
