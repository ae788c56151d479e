import { Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createAnonymize } from './anonymize.js';
import { createDeanonymize, restoreFromVault } from './deanonymize.js';

describe('Deanonymize', () => {
  const vault = () => new Vault().set('[REDACTED_PERSON_1]', 'Ada Lovelace').set('[REDACTED_PERSON_2]', 'Alan Turing').set('[REDACTED_EMAIL_ADDRESS_1]', 'ada@x.io');

  it('restores exact placeholders and leaves altered ones with the exact strategy', async () => {
    const r = await createDeanonymize().scan('', 'Hi [REDACTED_PERSON_1] ([REDACTED_EMAIL_ADDRESS_1]), not [redacted_person_2]', { vault: vault() });
    expect(r.sanitizedText).toBe('Hi Ada Lovelace (ada@x.io), not [redacted_person_2]');
    expect(r.valid).toBe(true);
    expect(r.findings[0]?.spans.map((s) => s.text)).toEqual(['[REDACTED_PERSON_1]', '[REDACTED_EMAIL_ADDRESS_1]']);
  });
  it('case_insensitive, fuzzy and combined strategies restore altered placeholders, never the wrong number', () => {
    const v = vault();
    expect(restoreFromVault('Hi [redacted_person_2]', v, 'case_insensitive').text).toBe('Hi Alan Turing');
    expect(restoreFromVault('Hi [Redacted Person 1] and REDACTED-EMAIL-ADDRESS-1 and [REDACTED PERSON 3]', v, 'fuzzy').text).toBe(
      'Hi Ada Lovelace and ada@x.io and [REDACTED PERSON 3]',
    );
    expect(restoreFromVault('[REDACTED_PERSON_1] and [redacted person 2]', v, 'combined_exact_fuzzy').text).toBe('Ada Lovelace and Alan Turing');
  });
  it('restores fakes ignoring case and whitespace runs in fuzzy mode', () => {
    const v = new Vault().set('Jane Roe', 'Ada Lovelace');
    expect(restoreFromVault('Dear jane  roe,', v, 'fuzzy').text).toBe('Dear Ada Lovelace,');
    expect(restoreFromVault('Dear jane  roe,', v, 'exact').text).toBe('Dear jane  roe,');
  });
  it('never restores a placeholder the user typed into the prompt to stored data', async () => {
    const v = new Vault();
    // a value from someone else sits in a shared-looking slot, then the user types that placeholder
    const anonymize = createAnonymize();
    await anonymize.scan('I am [REDACTED_EMAIL_ADDRESS_1], write to bob@corp.io', { vault: v });
    expect(v.get('[REDACTED_EMAIL_ADDRESS_2]')).toBe('bob@corp.io');
    v.set('[REDACTED_EMAIL_ADDRESS_1]', 'victim@corp.io'); // even if a value lands under the typed placeholder later
    for (const strategy of ['exact', 'case_insensitive', 'fuzzy', 'combined_exact_fuzzy'] as const) {
      const out = await createDeanonymize({ matchingStrategy: strategy }).scan('', 'You are [REDACTED_EMAIL_ADDRESS_1]; mail [REDACTED_EMAIL_ADDRESS_2]', { vault: v });
      expect(out.sanitizedText).toBe('You are [REDACTED_EMAIL_ADDRESS_1]; mail bob@corp.io');
    }
  });
  it('does not chain replacements when a restored value looks like another key', () => {
    const v = new Vault().set('[REDACTED_CUSTOM_1]', '[REDACTED_CUSTOM_2]').set('[REDACTED_CUSTOM_2]', 'secret');
    expect(restoreFromVault('[REDACTED_CUSTOM_1]', v, 'exact').text).toBe('[REDACTED_CUSTOM_2]');
  });
  it('refuses an unknown strategy', () => {
    expect(() => createDeanonymize({ matchingStrategy: 'levenshtein' as never })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'matchingStrategy' }) }));
  });
});
