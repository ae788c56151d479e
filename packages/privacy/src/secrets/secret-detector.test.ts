import { describe, expect, it } from 'vitest';
import { EXTRA_SECRET_RULES } from './extra-rules.js';
import { GITLEAKS_RULES } from './gitleaks-rules.generated.js';
import { SecretDetector } from './secret-detector.js';

const detector = new SecretDetector();
const ids = (text: string) => detector.detect(text).map((f) => [f.ruleId, f.secret]);
// Fake credentials assembled at run time so this file does not trip secret scanners.
const gh = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
const stripe = 'sk_live_' + '51H8sdkfjJKSDF8sdf87sdfJKs';
const slack = 'xoxb-' + '123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx';

describe('SecretDetector', () => {
  it('loads gitleaks default rules plus the extra rules, all compiling', () => {
    expect(GITLEAKS_RULES.length).toBeGreaterThanOrEqual(220);
    expect(detector.ruleIds.length).toBe(GITLEAKS_RULES.length + EXTRA_SECRET_RULES.length);
  });
  it('finds provider tokens, private keys, JWTs and credentials in URLs', () => {
    expect(ids(`token ${gh} ok`)).toEqual([['github-pat', gh]]);
    expect(ids(`STRIPE=${stripe}`)).toEqual([['stripe-access-token', stripe]]);
    expect(ids(`slack: ${slack}`)).toEqual([['slack-bot-token', slack]]);
    expect(ids('db postgres://admin:s3cr3tP4ss@db.acme.com/x')).toEqual([['basic-auth-url', 's3cr3tP4ss']]);
    const key = '-----BEGIN RSA PRIVATE KEY-----\n' + 'MIIEowIBAAKCAQEA7bq1'.repeat(8) + '\n-----END RSA PRIVATE KEY-----';
    expect(ids(`key:\n${key}`).map((x) => x[0])).toEqual(['private-key']);
    const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    expect(ids(`auth ${jwt} `).map((x) => x[0])).toEqual(['jwt']);
  });
  it('applies entropy and allowlists: placeholders and low-entropy values pass', () => {
    expect(ids('api_key = "xxxxxxxxxxxxxxxxxxxx"')).toEqual([]);
    expect(ids('AWS key AKIAIOSFODNN7EXAMPLE')).toEqual([]);
    expect(ids('pwd: "changeme123"')).toEqual([]);
    expect(ids('pwd: "Tr0ub4dor&3x"').map((x) => x[0])).toEqual(['password-assignment']);
    expect(ids('Write a poem about an API key and a secret garden.')).toEqual([]);
  });
  it('stays linear on adversarial input for every rule (64 KiB per rule shape, 1 MB shapes)', () => {
    for (const rule of [...GITLEAKS_RULES, ...EXTRA_SECRET_RULES]) {
      const kw = rule.keywords[0] ?? 'x';
      for (const shape of [`${kw} = "${'A1b2'.repeat(40)}`, `${kw}_`, `${kw}:${' '.repeat(20)}`]) {
        const text = shape.repeat(Math.ceil(16_384 / shape.length)).slice(0, 16_384);
        expect(detector.detect(text).length).toBeLessThan(16_384);
      }
    }
    expect(detector.detect('-----BEGIN PRIVATE KEY-----'.repeat(40_000)).length).toBeGreaterThan(0);
    for (const s of ['key=', 'ey', 'a', '@', 'password = "', '://a:b@', '['.repeat(3)]) {
      expect(detector.detect(s.repeat(Math.ceil(1_000_000 / s.length)))).toEqual([]);
    }
  });
  it('returns nothing for empty and short text', () => {
    expect(detector.detect('')).toEqual([]);
    expect(detector.detect('short')).toEqual([]);
  });
});
