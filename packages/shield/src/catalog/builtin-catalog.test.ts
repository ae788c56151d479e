import type { ScannerDefinitionV1 } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { BUILTIN_SCANNER_FAMILIES, builtinCatalog, loadBuiltinScannerDefinitions } from './builtin-catalog.js';
import { ScannerCatalog, type LazyScannerFamily } from './scanner-catalog.js';

describe('builtin catalog (lazy scanner families)', () => {
  it('lists exactly what each family defines: types, kinds, model tasks', async () => {
    for (const family of BUILTIN_SCANNER_FAMILIES) {
      const definitions = await family.load();
      const loaded = definitions.map((d) => ({ type: d.type, input: d.input !== undefined, output: d.output !== undefined, ...(d.modelTask ? { modelTask: d.modelTask } : {}) }));
      expect(family.scanners, family.family).toEqual(loaded);
    }
    const all = await loadBuiltinScannerDefinitions();
    expect(new Set(all.map((d) => d.type.toLowerCase())).size).toBe(all.length);
  });

  it('lists names synchronously and returns definitions only once their family is loaded', async () => {
    const catalog = builtinCatalog();
    expect(catalog.names('input')).toContain('PromptInjection');
    expect(catalog.names('output')).toContain('Deanonymize');
    expect(catalog.names('output')).not.toContain('PromptInjection');
    expect(catalog.listing('toxicity')).toEqual({ type: 'Toxicity', input: true, output: true, modelTask: 'toxicity' });
    expect(catalog.get('Toxicity')).toBeUndefined();
    await catalog.load(['toxicity', 'NoSuchScanner']);
    expect(catalog.get('Toxicity')?.output).toBeTypeOf('function');
    expect(catalog.get('Sentiment')?.input).toBeTypeOf('function'); // same family
    expect(catalog.get('Regex')).toBeUndefined(); // another family, not loaded
  });

  it('imports a family once, and keeps a definition registered over a lazy type', async () => {
    let loads = 0;
    const own: ScannerDefinitionV1 = { specificationVersion: 'v1', type: 'Alpha', input: () => ({ name: 'own' }) as never };
    const family: LazyScannerFamily = {
      family: 'test',
      scanners: [
        { type: 'Alpha', input: true, output: false },
        { type: 'Beta', input: true, output: false },
      ],
      load: async () => {
        loads++;
        return [
          { specificationVersion: 'v1', type: 'Alpha', input: () => ({ name: 'lazy' }) as never },
          { specificationVersion: 'v1', type: 'Beta', input: () => ({ name: 'beta' }) as never },
        ];
      },
    };
    const catalog = new ScannerCatalog([family]).register(own);
    await Promise.all([catalog.load(['alpha', 'beta']), catalog.load(['BETA'])]);
    expect(loads).toBe(1);
    expect(catalog.get('Alpha')).toBe(own);
    expect(catalog.get('Beta')?.type).toBe('Beta');
  });

  it('refuses a family whose module lacks a type it lists', async () => {
    const catalog = new ScannerCatalog([{ family: 'broken', scanners: [{ type: 'Gamma', input: true, output: false }], load: async () => [] }]);
    await expect(catalog.load(['Gamma'])).rejects.toThrow(/broken scanner family lists Gamma/);
  });
});
