import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { MaliciousURLs, urlRiskRules } from './malicious-urls.js';
import { decodePunycodeLabel } from './punycode-label.js';

const context = { vault: new Vault() };

describe('urlRiskRules', { timeout: 120_000 }, () => {
  it('fires each offline rule', () => {
    expect(urlRiskRules('javascript:alert(1)')).toEqual(['javascript_uri']);
    expect(urlRiskRules('data:text/html;base64,PHNjcmlwdD4=')).toEqual(['data_uri_active']);
    expect(urlRiskRules('data:image/png;base64,AAAA')).toEqual(['data_uri']);
    expect(urlRiskRules('https://paypal.com@evil.example/login')).toEqual(['userinfo_domain']);
    expect(urlRiskRules('http://192.168.10.4:8081/x')).toEqual(['ip_host', 'nonstandard_port']);
    expect(urlRiskRules('http://[2001:db8::1]/')).toEqual(['ip_host']);
    expect(urlRiskRules('https://xn--pypal-4ve.com/')).toEqual(['mixed_script']); // pаypal with Cyrillic а
    expect(urlRiskRules('https://xn--80ak6aa92e.com/')).toEqual(['confusable_script']); // аррӏе, all Cyrillic
    expect(urlRiskRules('https://xn--mnchen-3ya.de/')).toEqual(['punycode']); // münchen
    expect(urlRiskRules('https://bit.ly/3abc')).toEqual(['shortener']);
    expect(urlRiskRules('https://login-secure.weebly.com/')).toEqual(['free_hosting']);
    expect(urlRiskRules('https://someone.github.io/phish')).toEqual(['free_hosting']);
    expect(urlRiskRules('http://update-account.top/')).toEqual(['suspicious_tld']);
    expect(urlRiskRules('https://www.wikipedia.org/wiki/URL')).toEqual([]);
    expect(urlRiskRules('https://github.com/protectai/llm-guard')).toEqual([]);
  });

  it('decodes punycode labels', () => {
    expect(decodePunycodeLabel('mnchen-3ya')).toBe('münchen');
    expect(decodePunycodeLabel('!!!')).toBeUndefined();
  });
});

describe('MaliciousURLs', { timeout: 120_000 }, () => {
  it('flags risky URLs above the threshold with spans and passes ordinary ones', async () => {
    const s = new MaliciousURLs();
    const text = 'Log in at https://paypal.com@evil.example/login or read https://www.wikipedia.org/.';
    const r = await s.scan('p', text, context);
    expect(r.valid).toBe(false);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.spans[0]).toEqual({ start: 10, end: 47, text: 'https://paypal.com@evil.example/login' });
    const ok = await s.scan('p', 'See https://www.wikipedia.org/wiki/URL and https://bit.ly/x', context);
    expect(ok.valid).toBe(true); // one weak signal (shortener, 0.45) stays under 0.5
    expect(ok.findings[0]!.rules).toEqual(['shortener']);
    const two = await s.scan('p', 'Get it at https://prize.weebly.com:8443/claim', context);
    expect(two.valid).toBe(false);
  });

  it('threshold decides; bad options refused', async () => {
    const strict = new MaliciousURLs({ threshold: 0.75 });
    expect((await strict.scan('p', 'https://bit.ly/x', context)).valid).toBe(true);
    expect((await new MaliciousURLs({ threshold: 0.3 }).scan('p', 'https://bit.ly/x', context)).valid).toBe(false);
    expect((await strict.scan('p', 'http://1.2.3.4:8080/', context)).valid).toBe(false);
    expect(() => new MaliciousURLs({ threshold: 2 })).toThrow(InvalidConfigError);
    expect(() => new MaliciousURLs({ model: 'x' } as never)).toThrow(/unknown option/);
  });

  it('handles 10 MB outputs', async () => {
    const s = new MaliciousURLs();
    const r = await s.scan('p', `${'https://'.repeat(1024 * 1024)} ${'a'.repeat(2 * 1024 * 1024)} javascript:x`, context);
    expect(r.valid).toBe(false);
    const many = await s.scan('p', 'http://1.2.3.4/ '.repeat(600_000), context);
    expect(many.findings.length).toBe(100);
  });
});
