import { InvalidConfigError, type ScannerDefinitionV1 } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { convertParams, locateConfigError, snakeToCamel } from './scanner-params.js';

const definition: ScannerDefinitionV1 = {
  specificationVersion: 'v1',
  type: 'Demo',
  input: () => {
    throw new Error('unused');
  },
  aliases: {
    match_type: { option: 'longInput.mode', value: (value) => (value === 'truncate_head_tail' ? 'head-tail' : value) },
    model_max_length: { option: 'longInput.maxLength' },
  },
  ignored: { use_onnx: 'ignored here' },
};

describe('convertParams', () => {
  it('converts snake_case, applies aliases into nested options and drops ignored params with a note', () => {
    const converted = convertParams(definition, { case_sensitive: true, match_type: 'truncate_head_tail', model_max_length: 256, use_onnx: true }, 'input_scanners[0].params');
    expect(converted.options).toEqual({ caseSensitive: true, longInput: { mode: 'head-tail', maxLength: 256 } });
    expect(converted.notes).toEqual(['input_scanners[0].params.use_onnx: ignored here']);
    expect(converted.origins.get('longInput.maxLength')).toBe('model_max_length');
  });
  it('refuses one option named twice', () => {
    expect(() => convertParams(definition, { case_sensitive: true, caseSensitive: false }, 'p')).toThrow(/already set by case_sensitive/);
  });
  it('keeps camelCase names', () => {
    expect(snakeToCamel('threshold')).toBe('threshold');
    expect(snakeToCamel('valid_languages')).toBe('validLanguages');
    expect(snakeToCamel('caseSensitive')).toBe('caseSensitive');
  });
});

describe('locateConfigError', () => {
  it('names the key in the file for an unknown option and a bad value', () => {
    const origins = new Map([['threshhold', 'threshhold'], ['longInput.maxLength', 'model_max_length']]);
    const unknown = locateConfigError(new InvalidConfigError('unknown option', { details: { option: 'threshhold' } }), 'input_scanners[2].params', origins) as InvalidConfigError;
    expect(unknown.message).toMatch(/^input_scanners\[2\]\.params\.threshhold: /);
    expect(unknown.details?.path).toBe('input_scanners[2].params.threshhold');
    const nested = locateConfigError(new InvalidConfigError('too long', { details: { field: 'longInput.maxLength' } }), 'p', origins) as InvalidConfigError;
    expect(nested.details?.path).toBe('p.model_max_length');
  });
  it('passes other errors through', () => {
    const error = new Error('x');
    expect(locateConfigError(error, 'p', new Map())).toBe(error);
  });
});
