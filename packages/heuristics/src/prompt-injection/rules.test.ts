/**
 * How regex linearity is checked.
 *
 * Structural rule every pattern follows: every quantifier has a small finite upper bound (no `*`, `+` or
 * `{n,}` anywhere), and a bounded gap is never followed by another gap over an overlapping character class
 * (e.g. `[-=]{8}[^a-z]{0,40}` then a letter keyword, not two `{0,40}` gaps that can trade characters). The
 * regex engine therefore does a constant amount of work per start position (at most the product of the
 * bounds of one match attempt), and a scan of the whole text is linear in its length. The first test enforces
 * "no unbounded quantifier" on the pattern sources; the second runs every pattern on adversarial strings
 * (100k repeats of the pattern's own leading characters, of 'a', of spaces, of newlines, of separators and a
 * mix) and asserts each finishes well under a second.
 */
import { describe, expect, it } from 'vitest';
import { PROMPT_INJECTION_RULES } from './rules/index.js';

/** Returns the unbounded quantifiers (`*`, `+`, `{n,}`) in a regex source, outside escapes and classes. */
function unboundedQuantifiers(source: string): string[] {
  const found: string[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '*' || c === '+') found.push(`${c} at ${i}`);
    else if (c === '{') {
      const m = /^\{(\d+),\}/.exec(source.slice(i));
      if (m) found.push(`${m[0]} at ${i}`);
    }
  }
  return found;
}

/** The literal characters a pattern starts with, to build input that keeps a match attempt alive. */
function leadingLiteral(source: string): string {
  const m = /[a-z<#\[=-][a-z_ |<>#=-]{0,12}/.exec(source.replace(/\\b|\(\?:|\\\\|\\/g, ''));
  return m?.[0] ?? 'a';
}

describe('prompt-injection rules', () => {
  it('have unique ids, a category prefix, weights in (0, 1] and global patterns', () => {
    const ids = new Set<string>();
    for (const rule of PROMPT_INJECTION_RULES) {
      expect(ids.has(rule.id), rule.id).toBe(false);
      ids.add(rule.id);
      expect(rule.weight).toBeGreaterThan(0);
      expect(rule.weight).toBeLessThanOrEqual(1);
      expect(rule.pattern.global, rule.id).toBe(true);
      expect(rule.pattern.sticky, rule.id).toBe(false);
      expect(rule.id.split('.')[0], rule.id).toBe(
        { instruction_override: 'io', role_play: 'rp', context_confusion: 'cc', prompt_extraction: 'pe', delimiter_attack: 'da', obfuscation: 'ob' }[rule.category],
      );
    }
  });

  it('use only bounded quantifiers (structural linear-time rule)', () => {
    for (const rule of PROMPT_INJECTION_RULES) {
      expect(unboundedQuantifiers(rule.pattern.source), rule.id).toEqual([]);
    }
    // the checker itself finds what it should
    expect(unboundedQuantifiers('a+b*c{2,}[+*]\\+')).toHaveLength(3);
  });

  // A hang guard, not a timing assertion: a super-linear rule on 100k characters takes minutes to hours, so it
  // trips the test timeout below; a linear one finishes in milliseconds even on a loaded machine.
  it('finish on adversarial input (100k repeats of their own prefix, letters, spaces, separators)', { timeout: 120_000 }, () => {
    const generic = [
      'a'.repeat(100_000),
      ' '.repeat(100_000),
      '\n'.repeat(100_000),
      '='.repeat(100_000),
      '\\n'.repeat(50_000),
      'a '.repeat(50_000),
      'ignore all '.repeat(10_000),
      'you are now '.repeat(8_000),
      '<|'.repeat(50_000),
      'a\n#'.repeat(30_000),
    ];
    let scanned = 0;
    for (const rule of PROMPT_INJECTION_RULES) {
      const own = leadingLiteral(rule.pattern.source);
      const inputs = [...generic, own.repeat(Math.ceil(100_000 / own.length)), `${own} `.repeat(Math.ceil(100_000 / (own.length + 1))), `${own}a. `.repeat(20_000)];
      for (const input of inputs) {
        rule.pattern.lastIndex = 0;
        let guard = 0;
        while (rule.pattern.exec(input) !== null && guard++ < 200_000) {
          /* scan the whole input */
        }
        expect(guard, `${rule.id} on ${JSON.stringify(input.slice(0, 12))} makes progress`).toBeLessThanOrEqual(200_000);
        rule.pattern.lastIndex = 0;
        scanned++;
      }
    }
    expect(scanned).toBeGreaterThan(PROMPT_INJECTION_RULES.length * 10);
  });
});
