import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { CONTENT_SCANNER_DEFINITIONS } from './definitions.js';

const byType = new Map(CONTENT_SCANNER_DEFINITIONS.map((d) => [d.type, d]));

describe('CONTENT_SCANNER_DEFINITIONS', () => {
  it("uses llm-guard's type names and variants", () => {
    expect([...byType.keys()].sort()).toEqual(['BanCode', 'Code', 'Gibberish', 'Language', 'LanguageSame'].sort());
    for (const d of CONTENT_SCANNER_DEFINITIONS) {
      expect(d.specificationVersion).toBe('v1');
      expect(Object.keys(d.ignored ?? {})).toEqual(expect.arrayContaining(['model', 'use_onnx', 'model_max_length']));
    }
    expect(byType.get('LanguageSame')?.input).toBeUndefined();
  });

  it("builds every scanner from llm-guard-api's scanners.yml parameters (camelCase, model keys dropped by the loader)", async () => {
    const context = { vault: new Vault() };
    const input = [
      byType.get('BanCode')!.input!({ threshold: 0.97 }),
      byType.get('Code')!.input!({ languages: ['Python'], isBlocked: true }),
      byType.get('Gibberish')!.input!({ threshold: 0.97 }),
      byType.get('Language')!.input!({ validLanguages: ['en'] }),
    ];
    for (const scanner of input) {
      expect(scanner.name).toBe(scanner.name);
      expect((await scanner.scan('What is the capital of France?', context)).valid).toBe(true);
    }
    const output = [
      byType.get('BanCode')!.output!({ threshold: 0.97 }),
      byType.get('Code')!.output!({ languages: ['Python'], isBlocked: true }),
      byType.get('Gibberish')!.output!({ threshold: 0.97 }),
      byType.get('Language')!.output!({ validLanguages: ['en'] }),
      byType.get('LanguageSame')!.output!({}),
    ];
    for (const scanner of output) {
      expect(scanner.kind).toBe('output');
      expect((await scanner.scan('What is the capital of France?', 'The capital of France is Paris.', context)).valid).toBe(true);
    }
  }, 120_000);

  it('factories refuse unknown options', () => {
    for (const d of CONTENT_SCANNER_DEFINITIONS) {
      const build = d.input ?? d.output!;
      expect(() => build({ validLanguages: ['en'], languages: ['Python'], noSuchOption: 1 })).toThrow(InvalidConfigError);
    }
  });
});
