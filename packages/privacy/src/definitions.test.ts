import { Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { PRIVACY_SCANNER_DEFINITIONS } from './definitions.js';

const byType = (type: string) => PRIVACY_SCANNER_DEFINITIONS.find((d) => d.type === type);

describe('PRIVACY_SCANNER_DEFINITIONS', () => {
  it('lists llm-guard type names with the right variants', () => {
    expect(PRIVACY_SCANNER_DEFINITIONS.map((d) => [d.type, Boolean(d.input), Boolean(d.output)])).toEqual(
      expect.arrayContaining([
        ['Anonymize', true, false],
        ['Deanonymize', false, true],
        ['Sensitive', false, true],
        ['Secrets', true, true],
      ]),
    );
    expect(byType('Anonymize')?.ignored).toHaveProperty('use_onnx');
    expect(byType('Anonymize')?.ignored).toHaveProperty('model');
  });
  it('builds working scanners from camelCase options (scanners.yml parameters)', async () => {
    const vault = new Vault();
    const anonymize = byType('Anonymize')?.input?.({ useFaker: false, threshold: 0.75, entityTypes: ['EMAIL_ADDRESS'] });
    const a = await anonymize?.scan('Email john.doe@acme.com', { vault });
    expect(a?.sanitizedText).toBe('Email [REDACTED_EMAIL_ADDRESS_1]');
    const deanonymize = byType('Deanonymize')?.output?.({ matchingStrategy: 'exact' });
    expect((await deanonymize?.scan('', 'ok [REDACTED_EMAIL_ADDRESS_1]', { vault }))?.sanitizedText).toBe('ok john.doe@acme.com');
    const sensitive = byType('Sensitive')?.output?.({ redact: false, threshold: 0.75 });
    expect((await sensitive?.scan('', 'mail a@b.io', { vault }))?.valid).toBe(false);
    const secrets = byType('Secrets')?.input?.({ redactMode: 'partial' });
    const token = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
    expect((await secrets?.scan(`use ${token}`, { vault }))?.sanitizedText).toBe('use gh..R8');
  });
  it('refuses unknown options through the factories', () => {
    expect(() => byType('Anonymize')?.input?.({ regexPatternGroupsPath: 'x.json' })).toThrow(expect.objectContaining({ details: expect.objectContaining({ option: 'regexPatternGroupsPath' }) }));
  });
});
