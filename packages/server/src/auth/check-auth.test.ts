import { describe, expect, it } from 'vitest';
import { checkAuthorization, secretsEqual } from './check-auth.js';

describe('secretsEqual', () => {
  it('compares secrets of any lengths', () => {
    expect(secretsEqual('abc', 'abc')).toBe(true);
    expect(secretsEqual('abc', 'abd')).toBe(false);
    expect(secretsEqual('abc', 'abcd')).toBe(false);
    expect(secretsEqual('', 'x')).toBe(false);
    expect(secretsEqual('é', 'é')).toBe(true);
  });
});

describe('checkAuthorization', () => {
  const bearer = { type: 'http_bearer', token: 'T0ken' } as const;
  const basic = { type: 'http_basic', username: 'u', password: 'p:w' } as const;
  it('passes everything when auth is none', () => {
    expect(checkAuthorization({ type: 'none' }, undefined)).toBeUndefined();
  });
  it('checks bearer tokens', () => {
    expect(checkAuthorization(bearer, 'Bearer T0ken')).toBeUndefined();
    expect(checkAuthorization(bearer, 'bearer T0ken')).toBeUndefined();
    for (const header of [undefined, '', 'Bearer', 'Bearer t0ken', 'Bearer T0ken extra', 'Token T0ken']) expect(checkAuthorization(bearer, header)?.status).toBe(401);
  });
  it('checks basic credentials (the password may contain ":")', () => {
    const header = (value: string) => `Basic ${Buffer.from(value).toString('base64')}`;
    expect(checkAuthorization(basic, header('u:p:w'))).toBeUndefined();
    for (const value of ['u:p', 'x:p:w', 'u', ':p:w']) expect(checkAuthorization(basic, header(value))?.message).toBe('Invalid Username or Password');
    expect(checkAuthorization(basic, `Basic ${'A'.repeat(10_000)}`)?.status).toBe(401);
  });
});
