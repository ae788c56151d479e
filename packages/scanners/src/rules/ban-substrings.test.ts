import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { BanSubstrings, OutputBanSubstrings } from './ban-substrings.js';

const context = { vault: new Vault() };

describe('BanSubstrings', { timeout: 120_000 }, () => {
  it('flags any banned substring with risk 1 and passes others with risk -1', async () => {
    const s = new BanSubstrings({ substrings: ['forbidden', 'secret'] });
    const bad = await s.scan('this is a SECRET plan', context);
    expect(bad.valid).toBe(false);
    expect(bad.riskScore).toBe(1);
    expect(bad.findings[0]!.rules).toEqual(['secret']);
    expect(bad.findings[0]!.spans).toEqual([{ start: 10, end: 16, text: 'SECRET' }]);
    expect(bad.sanitizedText).toBe('this is a SECRET plan');
    const good = await s.scan('nothing here', context);
    expect(good.valid).toBe(true);
    expect(good.riskScore).toBe(-1);
  });

  it('word match type needs word boundaries', async () => {
    const s = new BanSubstrings({ substrings: ['test'], matchType: 'word' });
    expect((await s.scan('the testing phase', context)).valid).toBe(true);
    expect((await s.scan('a test.', context)).valid).toBe(false);
  });

  it('case sensitivity', async () => {
    const s = new BanSubstrings({ substrings: ['Secret'], caseSensitive: true });
    expect((await s.scan('secret', context)).valid).toBe(true);
    expect((await s.scan('Secret', context)).valid).toBe(false);
  });

  it('redacts every occurrence, merging overlaps', async () => {
    const s = new BanSubstrings({ substrings: ['abc', 'bcd', 'x'], redact: true });
    const r = await s.scan('abcd and x and ABC', context);
    expect(r.sanitizedText).toBe('[REDACTED] and [REDACTED] and [REDACTED]');
  });

  it('containsAll flags only when every substring occurs', async () => {
    const s = new BanSubstrings({ substrings: ['alpha', 'beta'], containsAll: true, redact: true });
    const partial = await s.scan('alpha only', context);
    expect(partial.valid).toBe(true);
    expect(partial.sanitizedText).toBe('alpha only');
    const all = await s.scan('beta and alpha', context);
    expect(all.valid).toBe(false);
    expect(all.sanitizedText).toBe('[REDACTED] and [REDACTED]');
  });

  it('output variant scans the output only', async () => {
    const s = new OutputBanSubstrings({ substrings: ['secret'] });
    expect((await s.scan('secret prompt', 'clean answer', context)).valid).toBe(true);
    expect((await s.scan('clean', 'the secret answer', context)).valid).toBe(false);
  });

  it('refuses unknown options, empty lists and bad values', () => {
    expect(() => new BanSubstrings({ substrings: [] })).toThrow(InvalidConfigError);
    expect(() => new BanSubstrings({} as never)).toThrow(InvalidConfigError);
    expect(() => new BanSubstrings({ substrings: ['a'], matchType: 'regex' as never })).toThrow(/matchType/);
    try {
      new BanSubstrings({ substrings: ['a'], foo: 1 } as never);
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidConfigError).details).toEqual({ scanner: 'BanSubstrings', option: 'foo' });
    }
    expect(() => new BanSubstrings({ substrings: ['a', ''] })).toThrow(InvalidConfigError);
  });

  it('handles empty, 10 MB adversarial and lone-surrogate input', async () => {
    const many = Array.from({ length: 1000 }, (_, i) => `word${i}`);
    const s = new BanSubstrings({ substrings: [...many, 'aaa'], redact: true });
    expect((await s.scan('', context)).valid).toBe(true);
    const big = 'word1'.repeat(2 * 1024 * 1024);
    const r = await s.scan(big, context);
    expect(r.valid).toBe(false);
    expect(r.findings[0]!.spans.length).toBe(1);
    expect(r.sanitizedText).toBe('[REDACTED]');
    const odd = `\uD800${'a'.repeat(1024 * 1024)}\uDC00`;
    expect((await s.scan(odd, context)).sanitizedText).toBe('\uD800[REDACTED]\uDC00');
  });
});
