import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { readBoolean, readMatchType, readOptions, readStringList, readThreshold } from './content-options.js';

const detailsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    expect(InvalidConfigError.isInstance(error)).toBe(true);
    return (error as InvalidConfigError).details;
  }
  throw new Error('accepted');
};

describe('content options', () => {
  it('reads defaults and valid values', () => {
    expect(readOptions('X', undefined, ['a'])).toEqual({});
    expect(readThreshold('X', undefined, 0.6)).toBe(0.6);
    expect(readThreshold('X', 0, 0.6)).toBe(0);
    expect(readMatchType('X', undefined)).toBe('full');
    expect(readMatchType('X', 'sentence')).toBe('sentence');
    expect(readBoolean('X', 'b', undefined, true)).toBe(true);
    expect(readStringList('X', 'l', [' en ', 'en', 'fr'])).toEqual(['en', 'fr']);
  });

  it('refuses bad values, naming scanner, field and value', () => {
    expect(detailsOf(() => readOptions('X', { z: 1 }, ['a']))).toEqual({ scanner: 'X', option: 'z' });
    expect(detailsOf(() => readOptions('X', [], ['a']))).toEqual({ scanner: 'X' });
    expect(detailsOf(() => readThreshold('X', Number.NaN, 0.5))).toMatchObject({ scanner: 'X', field: 'threshold' });
    expect(detailsOf(() => readMatchType('X', 'truncate_head_tail'))).toEqual({ scanner: 'X', field: 'matchType', value: 'truncate_head_tail' });
    expect(detailsOf(() => readBoolean('X', 'isBlocked', 1, true))).toEqual({ scanner: 'X', field: 'isBlocked', value: 1 });
    expect(detailsOf(() => readStringList('X', 'l', ['ok', '']))).toMatchObject({ field: 'l' });
    expect(detailsOf(() => readStringList('X', 'l', 'en'))).toMatchObject({ field: 'l', value: 'en' });
  });
});
