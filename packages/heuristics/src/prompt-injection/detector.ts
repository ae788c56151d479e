import type { Finding, TextSpan } from '@llm-shield/core';
import type { Detection } from '../detection.js';
import { normalizeText, toOriginalSpan, type NormalizedView } from '../normalize.js';
import { PROMPT_INJECTION_CATEGORIES, type PromptInjectionCategory } from './categories.js';
import { noisyOr } from './combine.js';
import { hasEvasionChar, obfuscationSignals } from './obfuscation-signals.js';
import type { PatternRule } from './rule.js';
import { PROMPT_INJECTION_RULES } from './rules/index.js';
import { despace } from './spaced-letters.js';

/** Options of {@link detectPromptInjection}. */
export interface PromptInjectionOptions {
  /** Categories to report and score; default all of {@link PROMPT_INJECTION_CATEGORIES}. */
  categories?: readonly PromptInjectionCategory[];
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

function matchRule(rule: PatternRule, view: NormalizedView, original: string, folded: NormalizedView | null, needed: number): ViewMatch | null {
  const pattern = rule.pattern;
  pattern.lastIndex = 0;
  const spans: TextSpan[] = [];
  let count = 0;
  let evasive = false;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(view.text)) !== null) {
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) {
      pattern.lastIndex = start + 1;
      continue;
    }
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
  const wanted = new Set<PromptInjectionCategory>(options.categories ?? PROMPT_INJECTION_CATEGORIES);
  const normalized = normalizeText(input);
  const leetChanged = normalized.leet.text !== normalized.folded.text;
  const despaced = despace(normalized.leet);
  const hits = new Map<PromptInjectionCategory, Hit[]>();
  const add = (category: PromptInjectionCategory, hit: Hit) => {
    const list = hits.get(category);
    if (list === undefined) hits.set(category, [hit]);
    else list.push(hit);
  };
  const evasionSpans: TextSpan[] = [];
  const evasionRules = new Set<string>();

  for (const rule of PROMPT_INJECTION_RULES) {
    if (!wanted.has(rule.category)) continue;
    const needed = rule.minMatches ?? 1;
    const views: Array<[NormalizedView, NormalizedView | null]> =
      rule.view === 'symbols' ? [[normalized.folded, null]] : [[normalized.leet, leetChanged ? normalized.folded : null]];
    if (rule.view !== 'symbols' && despaced !== null) views.push([despaced.view, null]);
    let fired: ViewMatch | null = null;
    for (const [view, folded] of views) {
      const result = matchRule(view === despaced?.view ? openEnded(rule) : rule, view, input, folded, needed);
      if (result === null) continue;
      const evasive = result.evasive || (view !== normalized.leet && view !== normalized.folded);
      if (fired === null) fired = { spans: result.spans, evasive };
      else fired = { spans: [...fired.spans, ...result.spans], evasive: fired.evasive || evasive };
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
    for (const signal of obfuscationSignals(input, despaced?.runs ?? [], spacedSpans)) {
      add('obfuscation', { rule: signal.id, weight: signal.weight, spans: signal.spans });
    }
  }

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
  return {
    score,
    findings,
    stats: {
      invisibleCount: normalized.invisibleCount,
      homoglyphCount: normalized.homoglyphCount,
      leetChanged,
      spacedRuns: despaced?.runs.length ?? 0,
    },
  };
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
