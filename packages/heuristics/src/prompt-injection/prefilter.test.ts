import { describe, expect, it } from 'vitest';
import { KeywordPrefilter, leadingStrings, literalRequirement } from './prefilter.js';
import { PROMPT_INJECTION_RULES } from './rules/index.js';

/** Every literal that a requirement mentions. */
function literalsOf(need: ReturnType<typeof literalRequirement>): string[] {
  if (need === null) return [];
  return need.kind === 'lit' ? [need.text] : need.parts.flatMap(literalsOf);
}

/** A deterministic pseudo-random generator. */
function random(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state % n;
  };
}

describe('literalRequirement', () => {
  it('requires the literals of a sequence and one of each alternation', () => {
    expect(literalsOf(literalRequirement('ignore (?:all|any) rules'))).toEqual(['ignore all rules', 'ignore any rules']);
    const need = literalRequirement('\\b(?:ignore|disregard)\\s{1,3}(?:the|your)?\\s{0,2}(?:rules|instructions)\\b');
    expect(need).toEqual({
      kind: 'and',
      parts: [
        { kind: 'or', parts: [{ kind: 'lit', text: 'ignore' }, { kind: 'lit', text: 'disregard' }] },
        { kind: 'or', parts: [{ kind: 'lit', text: 'rules' }, { kind: 'lit', text: 'instructions' }] },
      ],
    });
  });

  it('multiplies out optional characters and small classes', () => {
    expect(literalsOf(literalRequirement("don'?t")).sort()).toEqual(["don't", 'dont']);
    expect(literalsOf(literalRequirement('authori[sz]ation')).sort()).toEqual(['authorisation', 'authorization']);
  });

  it('requires nothing of optional parts, large classes and alternations with an empty branch', () => {
    expect(literalRequirement('(?:ignore)?')).toBeNull();
    expect(literalRequirement('[a-z]{1,5}')).toBeNull();
    expect(literalRequirement('ignore|\\d{2}')).toBeNull();
    expect(literalRequirement('a(?=b)')).toEqual({ kind: 'lit', text: 'a' });
  });

  it('parses every rule', () => {
    for (const rule of PROMPT_INJECTION_RULES) expect(() => literalRequirement(rule.pattern.source), rule.id).not.toThrow();
  });
});

describe('leadingStrings', () => {
  it('gives the strings a match starts with', () => {
    expect(leadingStrings('\\b(?:ignore|forget)\\s{1,3}rules')).toEqual(['ignore', 'forget']);
    expect(leadingStrings('(?:new|your) (?:task|rules)\\b')).toEqual(['new task', 'new rules', 'your task', 'your rules']);
    expect(leadingStrings('[a-z]{2}x')).toBeNull();
    expect(leadingStrings('(?:a )?b')).toEqual(['b', 'a b']);
  });
});

describe('KeywordPrefilter', () => {
  it('finds overlapping literals and evaluates the formulas', () => {
    const filter = new KeywordPrefilter(['system prompt', 'prompt', '\\b(?:ignore|forget)\\s(?:rules|orders)'], { anchored: [true, true, true] });
    filter.reset();
    filter.scan('the system prompt', true);
    expect([0, 1, 2].map((i) => filter.mayMatch(i))).toEqual([true, true, false]);
    expect(Array.from(filter.starts(0)!)).toEqual([4]);
    expect(Array.from(filter.starts(1)!)).toEqual([11]);
    filter.reset();
    filter.scan('forget your orders', true);
    expect([0, 1, 2].map((i) => filter.mayMatch(i))).toEqual([false, false, true]);
    expect(Array.from(filter.starts(2)!)).toEqual([0]);
  });

  it('measures the longest runs of the run classes', () => {
    const filter = new KeywordPrefilter(['abc'], { runClasses: [(code) => code === 0x61, (code) => code === 0x20] });
    filter.reset();
    filter.scan('aaab  aaaaa   b', true);
    expect([filter.longestRun(0), filter.longestRun(1)]).toEqual([5, 3]);
  });

  it('never rules out a rule that matches, nor a position where a match starts (random texts)', () => {
    const words = [
      ...new Set(PROMPT_INJECTION_RULES.flatMap((rule) => [...literalsOf(literalRequirement(rule.pattern.source)), ...(leadingStrings(rule.pattern.source) ?? [])])),
    ].filter((word) => !word.includes('\uFDD0'));
    const glue = [' ', '  ', '\n', '. ', ': ', ', ', '-', '', '"', "'", '<|', '|>', '[', ']', '#', '\\n', '1', 'x'];
    const filter = new KeywordPrefilter(
      PROMPT_INJECTION_RULES.map((rule) => rule.pattern.source),
      { anchored: PROMPT_INJECTION_RULES.map(() => true) },
    );
    const pick = random(7);
    let matched = 0;
    for (let trial = 0; trial < 1500; trial++) {
      let text = '';
      const length = 1 + pick(14);
      for (let k = 0; k < length; k++) text += (pick(3) === 0 ? glue[pick(glue.length)]! : '') + words[pick(words.length)]! + glue[pick(glue.length)]!;
      filter.reset();
      filter.scan(text, true);
      PROMPT_INJECTION_RULES.forEach((rule, index) => {
        const pattern = new RegExp(rule.pattern.source, 'g');
        const starts = filter.starts(index);
        for (const match of text.matchAll(pattern)) {
          if (match[0].length === 0) continue;
          matched++;
          expect(filter.mayMatch(index), `${rule.id} on ${JSON.stringify(text)}`).toBe(true);
          if (starts !== null) expect(Array.from(starts), `${rule.id} at ${match.index} of ${JSON.stringify(text)}`).toContain(match.index);
        }
      });
    }
    expect(matched).toBeGreaterThan(1000);
  });
});
