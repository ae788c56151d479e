import { describe, expect, it } from 'vitest';
import { shannonEntropy } from './entropy.js';
import { KeywordIndex } from './keyword-index.js';
import { redactSecret } from './redact.js';

describe('secret helpers', () => {
  it('computes Shannon entropy', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
  it('finds keywords in one pass', () => {
    const index = new KeywordIndex(['ghp_', 'key', 'k', 'xoxb']);
    expect([...index.find('my key is ghp_x')].sort()).toEqual(['ghp_', 'k', 'key']);
    expect(index.find('nothing here').size).toBe(0);
  });
  it('redacts as llm-guard: all, partial, hash (md5)', () => {
    expect(redactSecret('ghp_abcdef', 'all')).toBe('******');
    expect(redactSecret('ghp_abcdef', 'partial')).toBe('gh..ef');
    expect(redactSecret('hello', 'hash')).toBe('5d41402abc4b2a76b9719d911017c592');
  });
});
