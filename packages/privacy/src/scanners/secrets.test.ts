import { Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createOutputSecrets, createSecrets } from './secrets.js';

const gh = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

describe('Secrets scanner', () => {
  it('flags and redacts secrets in the prompt (all / partial / hash)', async () => {
    const text = `use ${gh} please`;
    const all = await createSecrets().scan(text, { vault: new Vault() });
    expect(all).toMatchObject({ valid: false, score: 1, sanitizedText: 'use ****** please' });
    expect(all.findings[0]).toMatchObject({ category: 'github-pat', rules: ['github-pat'], spans: [{ start: 4, end: 44, text: gh }] });
    expect((await createSecrets({ redactMode: 'partial' }).scan(text, { vault: new Vault() })).sanitizedText).toBe('use gh..R8 please');
    expect((await createSecrets({ redactMode: 'hash' }).scan(text, { vault: new Vault() })).sanitizedText).toMatch(/^use [0-9a-f]{32} please$/);
  });
  it('scans outputs too and passes clean text', async () => {
    const out = await createOutputSecrets().scan('', `here: ${gh}`, { vault: new Vault() });
    expect(out.valid).toBe(false);
    expect(await createSecrets().scan('What is an API key?', { vault: new Vault() })).toMatchObject({ valid: true, score: 0 });
    expect(await createSecrets().scan('', { vault: new Vault() })).toMatchObject({ valid: true });
  });
  it('switches rules off and refuses unknown ones and bad modes', async () => {
    const off = createSecrets({ disabledRules: ['github-pat'] });
    expect((await off.scan(`use ${gh}`, { vault: new Vault() })).findings.map((f) => f.category)).not.toContain('github-pat');
    expect(() => createSecrets({ disabledRules: ['nope'] })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'disabledRules' }) }));
    expect(() => createSecrets({ redactMode: 'mask' as never })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'redactMode' }) }));
    expect(() => createSecrets({ detectSecretsConfig: {} } as never)).toThrow(expect.objectContaining({ details: expect.objectContaining({ option: 'detectSecretsConfig' }) }));
  });
});
