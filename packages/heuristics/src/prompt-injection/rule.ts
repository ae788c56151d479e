import type { PromptInjectionCategory } from './categories.js';
import { normalizeText } from '../normalize.js';

/**
 * Which normalised view a pattern runs on.
 * - `words`: the leet view (lower case, homoglyphs and leetspeak folded) and, when the text has spaced-out
 *   letters, the de-spaced view. For rules about words.
 * - `symbols`: the folded view without leet mapping, so `|`, `$`, digits keep their meaning. For delimiters.
 */
export type RuleView = 'words' | 'symbols';

/**
 * A pattern rule. Patterns are written in lower case (views are lower-cased) and must be linear-time:
 * every quantifier has a small finite upper bound (no `*`, `+` or `{n,}`), so the work per start position is
 * bounded by a constant; `rules.test.ts` checks this structurally and by timing adversarial input.
 */
export interface PatternRule {
  /** Stable id, `<category prefix>.<name>`, reported in `Finding.rules`. */
  id: string;
  /** Category the rule contributes to. */
  category: PromptInjectionCategory;
  /** Evidence weight in (0, 1]: the score of the rule on its own; weights combine by noisy-OR. */
  weight: number;
  /** Global (`g`) regular expression over the lower-cased view. */
  pattern: RegExp;
  /** View to run on; default `words`. */
  view?: RuleView;
  /** Number of matches needed to fire; default 1. */
  minMatches?: number;
}

/** Shorthand used by the rule files: builds a global RegExp from a source string. */
export function re(source: string): RegExp {
  return new RegExp(source, 'g');
}

/** Up to `n` whole words (each at most 24 letters) with their trailing separators; bounded, so linear. */
export function words(n: number): string {
  return `(?:[a-z'-]{1,24}[\\s,]{1,3}){0,${n}}`;
}

/** One to four separator characters between words. */
export const SP = `[\\s,:;"'*_()\\[\\]-]{1,4}`;

/**
 * Folds the literal letters of a pattern source the way the text is folded (homoglyphs such as Cyrillic
 * "о"/"р"/"с" become Latin), so patterns for scripts that share letters with Latin still match the folded view.
 * Only for sources whose regex syntax is already lower case (`\s`, not `\S`).
 */
export function foldPattern(source: string): string {
  return normalizeText(source).folded.text;
}
