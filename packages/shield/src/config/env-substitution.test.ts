import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { substituteEnv } from './env-substitution.js';

describe('substituteEnv', () => {
  it('takes the environment value, else the default', () => {
    expect(substituteEnv('a: ${A:1}\nb: ${B:2}', { A: '7' })).toBe('a: 7\nb: 2');
  });
  it('gives an empty value for ${NAME:}', () => {
    expect(substituteEnv('token: ${TOKEN:}', {})).toBe('token: ');
  });
  it('refuses an unset variable without default', () => {
    expect(() => substituteEnv('x: ${MISSING}', {})).toThrow(InvalidConfigError);
    expect(() => substituteEnv('x: ${MISSING}', {})).toThrow(/MISSING/);
  });
  it('keeps a default that contains a colon', () => {
    expect(substituteEnv('limit: ${L:100/minute}', {})).toBe('limit: 100/minute');
    expect(substituteEnv('url: ${U:http://x:1/}', {})).toBe('url: http://x:1/');
  });
  it('is linear on hostile text', () => {
    const text = '${'.repeat(200_000) + 'A';
    expect(substituteEnv(text, {})).toBe(text);
  });
});
