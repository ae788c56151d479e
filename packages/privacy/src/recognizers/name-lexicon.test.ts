import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { COMPROMISE_FIRST_NAMES, COMPROMISE_HONORIFICS, COMPROMISE_LAST_NAMES } from './name-lexicon-data.js';
import { nameLexicon } from './name-lexicon.js';

describe('the name lexicon extracted from compromise at build time', () => {
  it('equals what the installed compromise gives (run tools/gen/name-lexicon.mjs when this fails)', () => {
    const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
    const first: string[] = [];
    const last: string[] = [];
    const honorifics: string[] = [];
    for (const [word, tag] of Object.entries(lexicon)) {
      const tags = Array.isArray(tag) ? tag : [tag];
      if (word.includes(' ')) continue;
      if (tags.some((t) => t === 'MaleName' || t === 'FemaleName' || t === 'FirstName')) first.push(word);
      else if (tags.includes('LastName')) last.push(word);
      else if (tags.includes('Honorific')) honorifics.push(word.replace(/\.$/, ''));
    }
    expect([...COMPROMISE_FIRST_NAMES]).toEqual([...new Set(first)].sort());
    expect([...COMPROMISE_LAST_NAMES]).toEqual([...new Set(last)].sort());
    expect([...COMPROMISE_HONORIFICS]).toEqual([...new Set(honorifics)].sort());
  });

  it('holds names and keeps common words out', () => {
    const { firstNames, honorifics } = nameLexicon();
    expect(firstNames.size).toBeGreaterThan(1000);
    expect(firstNames.has('john')).toBe(true);
    expect(firstNames.has('will')).toBe(false);
    expect(honorifics.has('dr')).toBe(true);
  });
});
