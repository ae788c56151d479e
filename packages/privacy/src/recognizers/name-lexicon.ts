import { FIRST_NAMES, HONORIFICS, LAST_NAMES } from './name-lexicon.generated.js';

/** First names, last names and honorifics (lower-case), taken from `compromise`'s English lexicon. */
export interface NameLexicon {
  readonly firstNames: ReadonlySet<string>;
  readonly lastNames: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
}

let cached: NameLexicon | undefined;

/**
 * The name lexicon, built once (first use) from `compromise`'s model (≈3,000 first names tagged `MaleName`/`FemaleName`/
 * `FirstName`, ≈700 last names, ≈50 honorifics). Words the lexicon tags otherwise (`will`, `may`, `june`) are not
 * names here, which keeps common words out.
 */
export function nameLexicon(): NameLexicon {
  if (cached) return cached;
  // The lists are extracted from compromise's model at build time (scripts/build-name-lexicon.mjs): importing
  // compromise builds its whole NLP model, which cost ≈1.2 s of every process's start-up.
  const honorifics = new Set<string>(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'dame', 'lord', 'lady']);
  for (const word of HONORIFICS.split(' ')) honorifics.add(word);
  cached = { firstNames: new Set(FIRST_NAMES.split(' ')), lastNames: new Set(LAST_NAMES.split(' ')), honorifics };
  return cached;
}
