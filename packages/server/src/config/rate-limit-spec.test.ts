import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { parseRateLimit } from './rate-limit-spec.js';

describe('parseRateLimit', () => {
  it('reads the limits syntax llm-guard-api uses', () => {
    expect(parseRateLimit('100/minute')).toEqual({ max: 100, windowMs: 60_000 });
    expect(parseRateLimit('10 per second')).toEqual({ max: 10, windowMs: 1_000 });
    expect(parseRateLimit('1000/2 hours')).toEqual({ max: 1000, windowMs: 7_200_000 });
    expect(parseRateLimit(' 5/Day ')).toEqual({ max: 5, windowMs: 86_400_000 });
  });
  it('refuses anything else, naming the key', () => {
    for (const bad of ['', '100', '0/minute', '100/fortnight', '10/minute;100/hour', 'x'.repeat(100_000)]) {
      expect(() => parseRateLimit(bad)).toThrow(InvalidConfigError);
    }
    try {
      parseRateLimit('100/weeks');
    } catch (error) {
      expect((error as InvalidConfigError).details).toEqual({ path: 'rate_limit.limit', value: '100/weeks' });
    }
  });
});
