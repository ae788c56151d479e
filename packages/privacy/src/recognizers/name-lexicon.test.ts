import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { NAME_LEXICON_SOURCE } from './name-lexicon.generated.js';
import { nameLexicon } from './name-lexicon.js';

describe('nameLexicon', () => {
  it("holds exactly the names of the installed compromise's lexicon (regenerate with scripts/build-name-lexicon.mjs)", () => {
    const model = nlp.model() as { one: { lexicon: Record<string, string | string[]> } };
    const first = new Set<string>();
    const last = new Set<string>();
    const honorifics = new Set<string>(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'dame', 'lord', 'lady']);
    for (const [word, tag] of Object.entries(model.one.lexicon)) {
      const tags = Array.isArray(tag) ? tag : [tag];
      if (word.includes(' ')) continue;
      if (tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) first.add(word);
      else if (tags.includes('LastName')) last.add(word);
      else if (tags.includes('Honorific')) honorifics.add(word.replace(/\.$/, ''));
    }
    const lexicon = nameLexicon();
    expect(NAME_LEXICON_SOURCE).toBe(`compromise ${(nlp as unknown as { version: string }).version}`);
    expect([...lexicon.firstNames].sort()).toEqual([...first].sort());
    expect([...lexicon.lastNames].sort()).toEqual([...last].sort());
    expect([...lexicon.honorifics].sort()).toEqual([...honorifics].sort());
    expect(lexicon.firstNames.has('mary') && lexicon.lastNames.size > 500 && lexicon.honorifics.has('dr')).toBe(true);
    expect(lexicon.firstNames.has('will')).toBe(false);
    expect(nameLexicon()).toBe(lexicon);
  });
});
