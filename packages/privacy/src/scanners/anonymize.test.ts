import { Vault, type ScanContextV1 } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createAnonymize } from './anonymize.js';

const ctx = (vault = new Vault()): ScanContextV1 => ({ vault });

describe('Anonymize', () => {
  it('replaces PII by numbered placeholders, same value → same placeholder, and stores originals', async () => {
    const vault = new Vault();
    const text = 'Email john.doe@acme.com or call +1 415 555 0100; again john.doe@acme.com, or ops@acme.com';
    const result = await createAnonymize().scan(text, ctx(vault));
    expect(result.sanitizedText).toBe(
      'Email [REDACTED_EMAIL_ADDRESS_1] or call [REDACTED_PHONE_NUMBER_1]; again [REDACTED_EMAIL_ADDRESS_1], or [REDACTED_EMAIL_ADDRESS_2]',
    );
    expect(result.valid).toBe(false);
    expect(result.score).toBe(1);
    expect(vault.get('[REDACTED_EMAIL_ADDRESS_2]')).toBe('ops@acme.com');
    const email = result.findings.find((f) => f.category === 'EMAIL_ADDRESS');
    expect(email?.spans.map((s) => s.text)).toEqual(['john.doe@acme.com', 'john.doe@acme.com', 'ops@acme.com']);
    expect(email?.rules).toEqual(['email:pattern']);
  });
  it('keeps numbering stable across calls sharing one vault', async () => {
    const vault = new Vault();
    const scanner = createAnonymize();
    await scanner.scan('a@b.io', ctx(vault));
    const second = await scanner.scan('c@d.io and a@b.io', ctx(vault));
    expect(second.sanitizedText).toBe('[REDACTED_EMAIL_ADDRESS_2] and [REDACTED_EMAIL_ADDRESS_1]');
  });
  it('passes text without PII unchanged and valid, also empty text', async () => {
    for (const text of ['Just a simple prompt', '', '   ']) {
      const r = await createAnonymize().scan(text, ctx());
      expect(r).toMatchObject({ valid: true, sanitizedText: text, score: 0 });
    }
  });
  it('applies entityTypes, hiddenNames, allowedNames, preamble, regexPatterns and threshold', async () => {
    const scanner = createAnonymize({
      entityTypes: ['PERSON'],
      hiddenNames: ['Acme Corp'],
      allowedNames: ['Mary'],
      preamble: 'P: ',
      regexPatterns: [{ name: 'employee_id', expressions: ['EMP-\\d{5}'], context: ['employee'], score: 0.4 }],
    });
    const r = await scanner.scan('Name is John Doe, Mary too, works at acme corp, employee EMP-12345, mail a@b.io', ctx());
    expect(r.sanitizedText).toBe('P: Name is [REDACTED_PERSON_1], Mary too, works at [REDACTED_CUSTOM_1], employee [REDACTED_EMPLOYEE_ID_1], mail a@b.io');
    const strict = createAnonymize({ threshold: 0.95 });
    expect((await strict.scan('call (650) 253-0000 or a@b.io', ctx())).sanitizedText).toBe('call (650) 253-0000 or [REDACTED_EMAIL_ADDRESS_1]');
  });
  it('matches hidden names inside words of scripts without spaces, as llm-guard', async () => {
    const r = await createAnonymize({ hiddenNames: ['北京'], entityTypes: ['PERSON'], language: 'zh' }).scan('住在北京市。', ctx());
    expect(r.sanitizedText).toBe('住在[REDACTED_CUSTOM_1]市。');
  });
  it('blocks placeholder-like text typed by the user and never issues a colliding placeholder', async () => {
    const vault = new Vault();
    const r = await createAnonymize().scan('I typed [REDACTED_EMAIL_ADDRESS_1] and [redacted email address 2]; mine is me@x.io', ctx(vault));
    expect(r.sanitizedText).toBe('I typed [REDACTED_EMAIL_ADDRESS_1] and [redacted email address 2]; mine is [REDACTED_EMAIL_ADDRESS_3]');
    expect(vault.isBlocked('[REDACTED_EMAIL_ADDRESS_1]')).toBe(true);
    expect(vault.get('[REDACTED_EMAIL_ADDRESS_1]')).toBeUndefined();
  });
  it('uses seeded fakes per vault with useFaker (reproducible per vault, different from the original)', async () => {
    const scanner = createAnonymize({ useFaker: true });
    const a = await scanner.scan('Mail john.doe@acme.com, card 4111 1111 1111 1111, NI AB123456C', ctx(new Vault()));
    const b = await scanner.scan('Mail john.doe@acme.com, card 4111 1111 1111 1111, NI AB123456C', ctx(new Vault()));
    expect(a.sanitizedText).toBe(b.sanitizedText);
    expect(a.sanitizedText).not.toContain('john.doe@acme.com');
    expect(a.sanitizedText).not.toContain('4111 1111 1111 1111');
    expect(a.sanitizedText).toContain('[REDACTED_UK_NINO_1]');
    expect(a.sanitizedText).toMatch(/Mail \S+@\S+, card [\d-]+, NI/);
  });
  it('reports spans in the original text when zero-width or full-width characters hide an email', async () => {
    const text = 'mail jo\u200bhn\uFF20acme.com now';
    const r = await createAnonymize().scan(text, ctx());
    expect(r.sanitizedText).toBe('mail [REDACTED_EMAIL_ADDRESS_1] now');
    expect(r.findings[0]?.spans[0]).toEqual({ start: 5, end: 19, text: 'jo\u200bhn\uFF20acme.com' });
  });
  it('refuses unknown options, unknown entity types and bad values with InvalidConfigError', () => {
    expect(() => createAnonymize({ bogus: 1 } as never)).toThrow(expect.objectContaining({ details: { scanner: 'Anonymize', option: 'bogus' } }));
    expect(() => createAnonymize({ entityTypes: ['MEDICAL_LICENSE'] })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'entityTypes' }) }));
    expect(() => createAnonymize({ threshold: 2 })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'threshold' }) }));
    expect(() => createAnonymize({ regexPatterns: [{ name: 'x', expressions: ['('] }] })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'regexPatterns[0].expressions[0]' }) }));
    expect(() => createAnonymize({ language: 'fr' as never })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'language' }) }));
  });
  it('handles 1 MB adversarial prompts with a defined result', async () => {
    const r = await createAnonymize().scan('@'.repeat(500_000) + ' a@b.io ' + '[REDACTED_'.repeat(50_000), ctx());
    expect(r.findings.map((f) => f.category)).toEqual(['EMAIL_ADDRESS']);
  });
});
