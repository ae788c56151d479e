import { CODE_LANGUAGES, codeLanguageByName } from './code-languages.js';

/** A programming language named for a piece of code, with the identifier's confidence in [0, 1]. */
export interface CodeLanguageGuess {
  /** Canonical name from {@link CODE_LANGUAGES}. */
  language: string;
  confidence: number;
}

/** Characters of one block the identifiers read (its beginning). */
export const IDENTIFY_PREFIX = 4000;

/**
 * Rule-based identification: every language's signatures ({@link CODE_LANGUAGES}) are matched against the first
 * {@link IDENTIFY_PREFIX} characters; a language scores one point per signature found. Confidence
 * `(1 - e^-best) × best / (best + second)`. `undefined` when no signature matches. Linear (bounded regexes).
 */
export function identifyCodeLanguageByRules(code: string): CodeLanguageGuess | undefined {
  const text = code.length > IDENTIFY_PREFIX ? code.slice(0, IDENTIFY_PREFIX) : code;
  let best = 0;
  let second = 0;
  let bestName = '';
  for (const language of CODE_LANGUAGES) {
    let points = 0;
    for (const signature of language.signatures) if (signature.test(text)) points++;
    if (points > best) {
      second = best;
      best = points;
      bestName = language.name;
    } else if (points > second) {
      second = points;
    }
  }
  if (best === 0) return undefined;
  return { language: bestName, confidence: (1 - Math.exp(-best)) * (best / (best + second)) };
}

/** The language a fence's info string names (```py → Python), confidence 1; `undefined` for none or unknown. */
export function languageFromHint(hint: string | undefined): CodeLanguageGuess | undefined {
  const language = hint === undefined ? undefined : codeLanguageByName(hint);
  return language ? { language: language.name, confidence: 1 } : undefined;
}
