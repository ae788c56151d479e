import { COMPROMISE_FIRST_NAMES, COMPROMISE_HONORIFICS, COMPROMISE_LAST_NAMES } from './name-lexicon-data.js';

/** First names, last names and honorifics (lower-case), taken from `compromise`'s English lexicon. */
export interface NameLexicon {
  readonly firstNames: ReadonlySet<string>;
  readonly lastNames: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
}

let cached: NameLexicon | undefined;

/**
 * The name lexicon, built once from `compromise`'s model (extracted at build time by tools/gen/name-lexicon.mjs into
 * name-lexicon-data.ts, so compromise is neither shipped nor imported) (≈3,000 first names tagged `MaleName`/`FemaleName`/
 * `FirstName`, ≈700 last names, ≈50 honorifics). Words the lexicon tags otherwise (`will`, `may`, `june`) are not
 * names here, which keeps common words out.
 */
export function nameLexicon(): NameLexicon {
  if (cached) return cached;
  const firstNames = new Set<string>(COMPROMISE_FIRST_NAMES);
  const lastNames = new Set<string>(COMPROMISE_LAST_NAMES);
  const honorifics = new Set<string>(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'dame', 'lord', 'lady', ...COMPROMISE_HONORIFICS]);
  cached = { firstNames, lastNames, honorifics };
  return cached;
}
