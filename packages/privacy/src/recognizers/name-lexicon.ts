import nlp from 'compromise';

/** First names, last names and honorifics (lower-case), taken from `compromise`'s English lexicon. */
export interface NameLexicon {
  readonly firstNames: ReadonlySet<string>;
  readonly lastNames: ReadonlySet<string>;
  readonly honorifics: ReadonlySet<string>;
}

let cached: NameLexicon | undefined;

/**
 * The name lexicon, built once from `compromise`'s model (≈3,000 first names tagged `MaleName`/`FemaleName`/
 * `FirstName`, ≈700 last names, ≈50 honorifics). Words the lexicon tags otherwise (`will`, `may`, `june`) are not
 * names here, which keeps common words out.
 */
export function nameLexicon(): NameLexicon {
  if (cached) return cached;
  const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
  const firstNames = new Set<string>();
  const lastNames = new Set<string>();
  const honorifics = new Set<string>(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'dame', 'lord', 'lady']);
  for (const [word, tag] of Object.entries(lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (word.includes(' ')) continue;
    if (tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) firstNames.add(word);
    else if (tags.includes('LastName')) lastNames.add(word);
    else if (tags.includes('Honorific')) honorifics.add(word.replace(/\.$/, ''));
  }
  cached = { firstNames, lastNames, honorifics };
  return cached;
}
