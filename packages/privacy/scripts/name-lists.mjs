// The name lists of `compromise`'s English lexicon, as name-lexicon.ts used to build them at run time.

/** `{ version, firstNames, lastNames, honorifics }` from the installed `compromise`, each list sorted. */
export async function extractNameLists() {
  const { default: nlp } = await import('compromise');
  const version = nlp.version;
  const lexicon = nlp.model().one.lexicon;
  const firstNames = new Set();
  const lastNames = new Set();
  const honorifics = new Set();
  for (const [word, tag] of Object.entries(lexicon)) {
    const tags = Array.isArray(tag) ? tag : [tag];
    if (word.includes(' ')) continue;
    if (tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) firstNames.add(word);
    else if (tags.includes('LastName')) lastNames.add(word);
    else if (tags.includes('Honorific')) honorifics.add(word.replace(/\.$/, ''));
  }
  const sorted = (set) => [...set].sort();
  return { version, firstNames: sorted(firstNames), lastNames: sorted(lastNames), honorifics: sorted(honorifics) };
}
