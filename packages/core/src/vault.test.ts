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

describe('Vault bounds, expiry, serialisation and redaction', () => {
  it('evicts the oldest pair beyond maxEntries', () => {
    const vault = new Vault({ maxEntries: 2 });
    vault.set('a', '1').set('b', '2').set('c', '3');
    expect(vault.entries()).toEqual([['b', '2'], ['c', '3']]);
    vault.set('c', '3c').set('d', '4');
    expect(vault.entries()).toEqual([['c', '3c'], ['d', '4']]);
  });
  it('expires pairs after ttlMs on the injected clock', () => {
    let now = 1_000;
    const vault = new Vault({ ttlMs: 100, now: () => now });
    vault.set('a', '1');
    now = 1_099;
    expect(vault.get('a')).toBe('1');
    now = 1_100;
    expect(vault.get('a')).toBeUndefined();
    expect(vault.size).toBe(0);
  });
  it('round-trips through serialize / fromJSON (object or string), dropping expired pairs', () => {
    let now = 0;
    const vault = new Vault({ ttlMs: 50, now: () => now });
    vault.set('[REDACTED_EMAIL_1]', 'ada@example.com').block('[REDACTED_EMAIL_9]');
    const snapshot = vault.serialize();
    const copy = Vault.fromJSON(JSON.stringify(snapshot), { now: () => now });
    expect(copy.get('[REDACTED_EMAIL_1]')).toBe('ada@example.com');
    expect(copy.isBlocked('[REDACTED_EMAIL_9]')).toBe(true);
    now = 60;
    expect(Vault.fromJSON(snapshot, { now: () => now }).size).toBe(0);
    expect(() => Vault.fromJSON({ version: 2 } as never)).toThrow(/snapshot/);
  });
  it('never prints its data: JSON.stringify, String and util.inspect are redacted', async () => {
    const { inspect } = await import('node:util');
    const vault = new Vault().set('[REDACTED_PERSON_1]', 'Ada Lovelace');
    const printed = [JSON.stringify({ context: { vault } }), String(vault), inspect(vault), inspect({ vault })];
    for (const text of printed) expect(text).not.toContain('Ada');
    expect(JSON.parse(JSON.stringify(vault))).toEqual({ type: 'Vault', size: 1, redacted: true });
  });
  it('blocked placeholders are never returned by get', () => {
    const vault = new Vault().set('[REDACTED_EMAIL_1]', 'a@b.io').block('[REDACTED_EMAIL_1]');
    expect(vault.get('[REDACTED_EMAIL_1]')).toBeUndefined();
    expect(vault.findPlaceholder('a@b.io')).toBe('[REDACTED_EMAIL_1]');
  });
  it('refuses bad options with InvalidConfigError naming the field', () => {
    expect(() => new Vault({ maxEntries: 0 })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'maxEntries' }) }));
    expect(() => new Vault({ ttlMs: -1 })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'ttlMs' }) }));
  });
});
