import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createInputScanner, createOutputScanner, INPUT_SCANNER_NAMES, OUTPUT_SCANNER_NAMES } from './registry.js';

describe('scanner registry', () => {
  it('builds every named scanner of the right kind', () => {
    for (const name of INPUT_SCANNER_NAMES) expect(createInputScanner(name)).toMatchObject({ kind: 'input', name });
    for (const name of OUTPUT_SCANNER_NAMES) expect(createOutputScanner(name)).toMatchObject({ kind: 'output', name });
  });
  it('passes config through and refuses unknown names', () => {
    expect(createInputScanner('Toxicity', { threshold: 0.8 })).toHaveProperty('config.threshold', 0.8);
    expect(() => createInputScanner('Secrets' as never)).toThrow(InvalidConfigError);
    expect(() => createOutputScanner('PromptInjection' as never)).toThrow(InvalidConfigError);
  });
});
