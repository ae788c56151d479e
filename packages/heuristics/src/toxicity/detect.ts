import type { Finding, TextSpan } from '@llm-shield/core';
import type { Detection } from '../detection.js';
import { normalizeText, toOriginalSpan } from '../normalize.js';
import { TOXICITY_CATEGORIES, type ToxicityCategory, type ToxicityOptions } from './categories.js';
import { findPatterns } from './patterns.js';
import { tokenizeForToxicity, type ToxicToken } from './tokens.js';

/** Repeats of one term beyond this add nothing (a wall of the same word is one piece of evidence, decayed). */
const MAX_REPEATS = 3;
/** Each repeat of a term counts this much of the previous one ("pig ... pigs ... pig" in a farm problem stays mild). */
const REPEAT_DECAY = 0.25;
/** Severe evidence keeps adding up to this many repeats ("FUCK FUCK FUCK ..." is severe). */
const MAX_SEVERE_REPEATS = 6;
/** Shouting: at least this many letters, at least this share upper case. */
const SHOUTING_MIN_LETTERS = 20;
const SHOUTING_MIN_SHARE = 0.7;
const SHOUTING_EVIDENCE = 0.3;
const SHOUTING_SEVERE_EVIDENCE = 0.25;

interface Accumulator {
  /** Product of (1 - evidence): the score is 1 - this (noisy-OR). */
  clean: number;
  rules: Set<string>;
  spans: Map<string, TextSpan>;
}

function shouting(text: string): boolean {
  let letters = 0;
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) {
      letters++;
      upper++;
    } else if (code >= 0x61 && code <= 0x7a) {
      letters++;
    }
  }
  return letters >= SHOUTING_MIN_LETTERS && upper / letters >= SHOUTING_MIN_SHARE;
}

/**
 * Rule-based toxicity detection over normalised text (case, homoglyphs, diacritics, invisible characters and
 * leetspeak folded by {@link normalizeText}).
 *
 * Evidence comes from: a hand-written lexicon of profanity, insults and slurs, matched on whole tokens (so
 * "Scunthorpe", "assassin", "class", "cocktail", "therapist", "grapes" are clean) after de-obfuscation ("f*ck",
 * "sh1t", "a s s h o l e", "f.u.c.k", "fuuuuck", "ƒυck"); phrase rules for threats ("I will kill you", "you should
 * die"), directed insults ("you are an idiot", "fuck you") and identity hate (a group next to an insult, a
 * dehumanising word or a threat); and shouting (a long text mostly in capitals, weak evidence). Words alone such as
 * "kill" or "die" are no evidence: "I'll kill this process" is clean because its object is not a person.
 *
 * Each category's score is the noisy-OR `1 - Π(1 - wᵢ)` of its evidence (a repeated term counts a quarter of its
 * previous occurrence, at most {@link MAX_REPEATS} times); `toxic` combines all evidence. `score` is the highest score among the
 * requested categories; compare it with {@link DEFAULT_TOXICITY_THRESHOLD} (0.5). Findings: one per requested
 * category with a score above 0, with rule ids (`lexicon.*`, `obfuscation.*`, `pattern.*`, `shouting`) and spans of
 * the original text. Never throws; linear in the length of the input.
 *
 * @param text Any string (empty, huge, with lone surrogates or control characters).
 * @param options `categories` to score (default: all of {@link TOXICITY_CATEGORIES}).
 */
export function detectToxicity(text: string, options: ToxicityOptions = {}): Detection {
  const wanted = new Set<ToxicityCategory>(
    (options.categories ?? TOXICITY_CATEGORIES).filter((category) => TOXICITY_CATEGORIES.includes(category)),
  );
  if (typeof text !== 'string' || text.length === 0 || wanted.size === 0) return { score: 0, findings: [] };

  const normalized = normalizeText(text);
  const view = normalized.folded;
  const tokens = tokenizeForToxicity(normalized);
  const accumulators = new Map<ToxicityCategory, Accumulator>();
  const add = (category: ToxicityCategory, evidence: number, rules: readonly string[], span: TextSpan | undefined) => {
    if (evidence <= 0) return;
    let accumulator = accumulators.get(category);
    if (accumulator === undefined) {
      accumulator = { clean: 1, rules: new Set(), spans: new Map() };
      accumulators.set(category, accumulator);
    }
    accumulator.clean *= 1 - Math.min(0.99, evidence);
    for (const rule of rules) accumulator.rules.add(rule);
    if (span !== undefined && span.end > span.start) accumulator.spans.set(`${span.start}:${span.end}`, span);
  };
  const spanOf = (from: ToxicToken, to: ToxicToken) => toOriginalSpan(view, text, from.viewStart, to.viewEnd);

  const seen = new Map<string, number>();
  let obscene = false;
  for (const token of tokens) {
    const match = token.match;
    if (match === undefined) continue;
    const term = match.term;
    const count = (seen.get(term.key) ?? 0) + 1;
    seen.set(term.key, count);
    const span = spanOf(token, token);
    const rules = [term.rule];
    if (match.obfuscation !== undefined) rules.push(`obfuscation.${match.obfuscation}`);
    else if (/[^\x20-\x7e]/u.test(span.text)) rules.push('obfuscation.unicode');
    if (term.categories.includes('obscene') && term.weight >= 0.6) obscene = true;
    if (count <= MAX_SEVERE_REPEATS) add('severe_toxic', term.severe, rules, span);
    if (count > MAX_REPEATS) continue;
    const weight = term.weight * REPEAT_DECAY ** (count - 1);
    add('toxic', weight, rules, span);
    for (const category of term.categories) add(category, weight, rules, span);
  }

  const seenRules = new Map<string, number>();
  for (const hit of findPatterns(tokens)) {
    const count = (seenRules.get(hit.rule) ?? 0) + 1;
    seenRules.set(hit.rule, count);
    if (count > MAX_REPEATS) continue;
    const decay = REPEAT_DECAY ** (count - 1);
    const span = spanOf(tokens[hit.from]!, tokens[hit.to - 1]!);
    let strongest = 0;
    for (const [category, evidence] of Object.entries(hit.evidence) as [ToxicityCategory, number][]) {
      add(category, evidence * decay, [hit.rule], span);
      if (category !== 'severe_toxic') strongest = Math.max(strongest, evidence * decay);
    }
    add('toxic', strongest, [hit.rule], span);
  }

  if (shouting(text)) {
    add('toxic', SHOUTING_EVIDENCE, ['shouting'], undefined);
    if (obscene) add('severe_toxic', SHOUTING_SEVERE_EVIDENCE, ['shouting'], undefined);
  }

  const findings: Finding[] = [];
  let score = 0;
  for (const category of TOXICITY_CATEGORIES) {
    if (!wanted.has(category)) continue;
    const accumulator = accumulators.get(category);
    if (accumulator === undefined) continue;
    const categoryScore = Math.round((1 - accumulator.clean) * 1e6) / 1e6;
    if (categoryScore <= 0) continue;
    score = Math.max(score, categoryScore);
    findings.push({
      category,
      score: categoryScore,
      rules: [...accumulator.rules].sort(),
      spans: [...accumulator.spans.values()].sort((a, b) => a.start - b.start || a.end - b.end),
    });
  }
  findings.sort((a, b) => b.score - a.score);
  return { score, findings };
}
