import { readFileSync, existsSync } from 'node:fs';
import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { parseShieldConfigText, validateShieldConfig } from './parse-config.js';

const REFERENCE = new URL('../../../../../shared/reference/llm-guard-api/scanners.yml', import.meta.url);

function errorOf(fn: () => unknown): InvalidConfigError {
  try {
    fn();
  } catch (error) {
    if (InvalidConfigError.isInstance(error)) return error as InvalidConfigError;
    throw error;
  }
  throw new Error('expected an InvalidConfigError');
}

describe('parseShieldConfigText', () => {
  it('parses YAML with env substitution into numbers and booleans', () => {
    const config = parseShieldConfigText('app:\n  scan_prompt_timeout: ${T:30}\n  lazy_load: ${L:true}\ninput_scanners:\n  - type: Toxicity\n    params: { threshold: ${TH:0.7} }\n', {
      env: { TH: '0.8' },
    });
    expect(config.app).toEqual({ scan_prompt_timeout: 30, lazy_load: true });
    expect(config.input_scanners).toEqual([{ type: 'Toxicity', params: { threshold: 0.8 } }]);
  });
  it('parses JSON', () => {
    const config = parseShieldConfigText('{"output_scanners":[{"type":"Toxicity"}]}', { format: 'json' });
    expect(config.output_scanners).toEqual([{ type: 'Toxicity' }]);
  });
  it('names the bad key path', () => {
    const error = errorOf(() => parseShieldConfigText('input_scanners:\n  - type: Toxicity\n  - typ: Sentiment\n'));
    expect(error.message).toContain('input_scanners[1]');
    expect(error.details?.path).toMatch(/^input_scanners\[1\]/);
    const unknownTop = errorOf(() => validateShieldConfig({ input_scanner: [] }));
    expect(unknownTop.message).toContain('"input_scanner"');
    const badParams = errorOf(() => validateShieldConfig({ input_scanners: [{ type: 'X', params: [1] }] }));
    expect(badParams.details?.path).toBe('input_scanners[0].params');
  });
  it('refuses unparsable YAML and duplicate keys with a typed error', () => {
    expect(() => parseShieldConfigText('input_scanners: [')).toThrow(InvalidConfigError);
    expect(() => parseShieldConfigText('app: {}\napp: {}\n')).toThrow(InvalidConfigError);
  });
  it('refuses alias bombs', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
    expect(() => parseShieldConfigText(bomb.join('\n'))).toThrow(InvalidConfigError);
  });
  it.skipIf(!existsSync(REFERENCE))("loads llm-guard-api's shipped scanners.yml unchanged", () => {
    const config = parseShieldConfigText(readFileSync(REFERENCE, 'utf8'), { env: {} });
    expect(config.input_scanners?.map((entry) => entry.type)).toContain('PromptInjection');
    expect(config.output_scanners?.map((entry) => entry.type)).toContain('Deanonymize');
    expect(config.app?.['scan_prompt_timeout']).toBe(30);
    expect(config.auth).toEqual({ type: 'http_bearer', token: null });
  });
});
