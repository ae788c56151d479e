import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { BanCompetitors, OutputBanCompetitors } from './ban-competitors.js';

const context = { vault: new Vault() };

describe('BanCompetitors', { timeout: 120_000 }, () => {
  const s = new BanCompetitors({ competitors: ['Facebook', { name: 'Alphabet', aliases: ['Google', 'Alphabet Inc.'] }, 'AT&T'] });

  it('flags names and aliases as whole words, redacting by default', async () => {
    const r = await s.scan('Is Google better than facebook?', context);
    expect(r.valid).toBe(false);
    expect(r.riskScore).toBe(1);
    expect(r.sanitizedText).toBe('Is [REDACTED] better than [REDACTED]?');
    const byName = Object.fromEntries(r.findings.map((f) => [f.rules[0], f.spans]));
    expect(byName.Alphabet).toEqual([{ start: 3, end: 9, text: 'Google' }]);
    expect(byName.Facebook).toEqual([{ start: 22, end: 30, text: 'facebook' }]);
    expect((await s.scan('I use googles and Facebooking', context)).valid).toBe(true);
    expect((await s.scan('call AT&T now', context)).sanitizedText).toBe('call [REDACTED] now');
  });

  it('sees through full-width letters, zero-width characters and decomposed accents', async () => {
    const text = 'try Ｇｏｏ\u200Bｇｌｅ today';
    const r = await s.scan(text, context);
    expect(r.valid).toBe(false);
    expect(r.findings[0]!.spans[0]!.text).toBe('Ｇｏｏ\u200Bｇｌｅ');
    expect(r.sanitizedText).toBe('try [REDACTED] today');
    const accented = new BanCompetitors({ competitors: ['Nestlé'] });
    expect((await accented.scan('ask Nestle\u0301 about it', context)).valid).toBe(false);
  });

  it('keeps the text with redact false; output variant scans the output', async () => {
    const o = new OutputBanCompetitors({ competitors: ['Facebook'], redact: false });
    const r = await o.scan('facebook?', 'Try Facebook.', context);
    expect(r.valid).toBe(false);
    expect(r.sanitizedText).toBe('Try Facebook.');
    expect((await o.scan('facebook?', 'Try this.', context)).valid).toBe(true);
  });

  it('refuses empty lists, blank names and unknown options', () => {
    expect(() => new BanCompetitors({ competitors: [] })).toThrow(InvalidConfigError);
    expect(() => new BanCompetitors({ competitors: ['\u200B'] })).toThrow(/competitors/);
    expect(() => new BanCompetitors({ competitors: [{ name: 'A', alias: [] } as never] })).toThrow(InvalidConfigError);
    expect(() => new BanCompetitors({ competitors: ['A'], threshold: 0.5 } as never)).toThrow(/unknown option/);
  });

  it('handles 10 MB adversarial input', async () => {
    const big = new BanCompetitors({ competitors: Array.from({ length: 50 }, (_, i) => `Company${i}`) });
    const text = 'company1company1 '.repeat(600_000) + 'Company7';
    const r = await big.scan(text, context);
    expect(r.findings.map((f) => f.rules[0])).toEqual(['Company7']);
    const odd = await big.scan(`\uD800${'é\u0301'.repeat(1_000_000)}`, context);
    expect(odd.valid).toBe(true);
  });
});
