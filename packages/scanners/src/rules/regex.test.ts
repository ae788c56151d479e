import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { OutputRegex, Regex } from './regex.js';

const context = { vault: new Vault() };

describe('Regex', { timeout: 120_000 }, () => {
  it('blocks and redacts every match by default (llm-guard-api example)', async () => {
    const s = new Regex({ patterns: ['Bearer [A-Za-z0-9-._~+/]+'] });
    const r = await s.scan('auth: Bearer abc.def and Bearer xyz', context);
    expect(r.valid).toBe(false);
    expect(r.riskScore).toBe(1);
    expect(r.sanitizedText).toBe('auth: [REDACTED] and [REDACTED]');
    expect(r.findings[0]!.spans.map((x) => x.text)).toEqual(['Bearer abc.def', 'Bearer xyz']);
    const ok = await s.scan('no token here', context);
    expect(ok.valid).toBe(true);
    expect(ok.riskScore).toBe(-1);
  });

  it('search redacts the first match only; fullmatch needs the whole text', async () => {
    const search = new Regex({ patterns: ['\\d+'], matchType: 'search' });
    expect((await search.scan('a 1 b 22', context)).sanitizedText).toBe('a [REDACTED] b 22');
    const full = new Regex({ patterns: ['\\d+'], matchType: 'fullmatch' });
    expect((await full.scan('a 1', context)).valid).toBe(true);
    expect((await full.scan('123', context)).sanitizedText).toBe('[REDACTED]');
  });

  it('allow list: valid only when a pattern matches, nothing redacted', async () => {
    const s = new Regex({ patterns: ['^(?i)yes|no$'], isBlocked: false });
    const pass = await s.scan('YES', context);
    expect(pass.valid).toBe(true);
    expect(pass.sanitizedText).toBe('YES');
    const fail = await s.scan('maybe', context);
    expect(fail.valid).toBe(false);
    expect(fail.riskScore).toBe(1);
  });

  it('reports UTF-16 spans after astral characters', async () => {
    const s = new Regex({ patterns: ['b+'], redact: false });
    const r = await s.scan('😀é bbb', context);
    expect(r.findings[0]!.spans).toEqual([{ start: 4, end: 7, text: 'bbb' }]);
    expect(r.sanitizedText).toBe('😀é bbb');
  });

  it('refuses invalid and backtracking-only patterns with the parser error, and unknown options', () => {
    try {
      new Regex({ patterns: ['ok', '(a'] });
      expect.unreachable();
    } catch (error) {
      expect(InvalidConfigError.isInstance(error)).toBe(true);
      expect((error as InvalidConfigError).message).toMatch(/missing closing \)/);
      expect((error as InvalidConfigError).details).toMatchObject({ scanner: 'Regex', field: 'patterns', value: '(a' });
    }
    expect(() => new Regex({ patterns: ['(?=x)y'] })).toThrow(/unsupported Perl syntax/);
    expect(() => new Regex({ patterns: ['(a)\\1'] })).toThrow(InvalidConfigError);
    expect(() => new Regex({ patterns: [] })).toThrow(InvalidConfigError);
    expect(() => new Regex({ patterns: ['a'], matchType: 'full_match' as never })).toThrow(/matchType/);
    expect(() => new Regex({ patterns: ['a'], vault: true } as never)).toThrow(/unknown option/);
  });

  it('runs ReDoS patterns in linear time on 10 MB and many matches on 1 MB', async () => {
    const s = new Regex({ patterns: ['(a+)+$x', '(a|aa)*b', '(x+x+)+y'] });
    const big = `${'a'.repeat(10 * 1024 * 1024)}!`;
    expect((await s.scan(big, context)).valid).toBe(true);
    const many = new Regex({ patterns: ['a'] });
    const r = await many.scan('a'.repeat(1024 * 1024), context);
    expect(r.sanitizedText).toBe('[REDACTED]');
    expect(r.findings[0]!.spans.length).toBe(100);
  });

  it('output variant scans the output', async () => {
    const s = new OutputRegex({ patterns: ['secret'] });
    expect((await s.scan('secret', 'fine', context)).valid).toBe(true);
    expect((await s.scan('fine', 'a secret', context)).sanitizedText).toBe('a [REDACTED]');
  });
});
