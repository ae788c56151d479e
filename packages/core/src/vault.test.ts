import { describe, expect, it } from 'vitest';
import { Vault } from './vault.js';

describe('Vault', () => {
  it('stores, replaces, lists and clears placeholder pairs', () => {
    const vault = new Vault();
    vault.set('[PERSON_1]', 'Ada').set('[EMAIL_1]', 'ada@example.com').set('[PERSON_1]', 'Grace');
    expect(vault.get('[PERSON_1]')).toBe('Grace');
    expect(vault.has('[EMAIL_1]')).toBe(true);
    expect(vault.entries()).toEqual([['[PERSON_1]', 'Grace'], ['[EMAIL_1]', 'ada@example.com']]);
    expect(vault.delete('[EMAIL_1]')).toBe(true);
    expect(vault.size).toBe(1);
    vault.clear();
    expect(vault.size).toBe(0);
  });
  it('is per instance, not a process global', () => {
    const a = new Vault().set('k', 'v');
    expect(new Vault().has('k')).toBe(false);
    expect(a.has('k')).toBe(true);
  });
});
