import { Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createSensitive } from './sensitive.js';

describe('Sensitive', () => {
  it('flags PII in the output and redacts with <ENTITY_TYPE> when asked (llm-guard test case)', async () => {
    const r = await createSensitive({ redact: true }).scan('', 'john.doe@protectai.com is my email', { vault: new Vault() });
    expect(r).toMatchObject({ valid: false, score: 1, sanitizedText: '<EMAIL_ADDRESS> is my email' });
    expect(r.findings[0]).toMatchObject({ category: 'EMAIL_ADDRESS', spans: [{ start: 0, end: 22, text: 'john.doe@protectai.com' }] });
  });
  it('passes clean output and keeps text unredacted by default', async () => {
    expect(await createSensitive().scan('', "Sorry, I can't", { vault: new Vault() })).toMatchObject({ valid: true, score: 0 });
    const r = await createSensitive().scan('', 'card 4111111111111111', { vault: new Vault() });
    expect(r).toMatchObject({ valid: false, sanitizedText: 'card 4111111111111111' });
  });
  it('restricts to entityTypes', async () => {
    const r = await createSensitive({ entityTypes: ['CREDIT_CARD'] }).scan('', 'mail a@b.io', { vault: new Vault() });
    expect(r.valid).toBe(true);
  });
});
