import { createScanResult, InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { ResultCache, resolveCacheOptions } from './result-cache.js';

const result = (score: number) => createScanResult({ score, threshold: 0.5, method: 'ml', sanitizedText: 't' });

describe('ResultCache', () => {
  it('expires entries after ttlMs and evicts the least recently used', () => {
    let now = 0;
    const cache = new ResultCache(resolveCacheOptions('X', { maxEntries: 2, ttlMs: 100, now: () => now })!);
    cache.set('a', result(0.1));
    cache.set('b', result(0.2));
    expect(cache.get('a')?.score).toBe(0.1); // a is now the most recent
    cache.set('c', result(0.3)); // evicts b
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')?.score).toBe(0.3);
    now = 100;
    expect(cache.get('a')).toBeUndefined();
  });

  it('returns copies and skips over-long texts', () => {
    const cache = new ResultCache(resolveCacheOptions('X', { maxTextLength: 3 })!);
    cache.set('abc', result(0.9));
    cache.get('abc')!.findings.push({ category: 'x', score: 1, rules: [], spans: [] });
    expect(cache.get('abc')!.findings).toEqual([]);
    cache.set('abcd', result(0.9));
    expect(cache.get('abcd')).toBeUndefined();
  });

  it('is off by default, takes defaults with true, and refuses bad options', () => {
    expect(resolveCacheOptions('X', undefined)).toBeUndefined();
    expect(resolveCacheOptions('X', false)).toBeUndefined();
    expect(resolveCacheOptions('X', true)).toMatchObject({ maxEntries: 1000, ttlMs: 300_000 });
    expect(() => resolveCacheOptions('X', { maxEntries: 0 })).toThrow(InvalidConfigError);
    expect(() => resolveCacheOptions('X', { ttlMs: -1 })).toThrow(InvalidConfigError);
    expect(() => resolveCacheOptions('X', 'yes')).toThrow(InvalidConfigError);
  });
});
