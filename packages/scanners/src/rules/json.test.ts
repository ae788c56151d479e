import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { findJsonCandidates } from './json-candidates.js';
import { JSON as JSONScanner } from './json.js';

const context = { vault: new Vault() };

describe('findJsonCandidates', { timeout: 120_000 }, () => {
  it('finds outermost balanced objects, ignoring braces in strings and unbalanced ones', () => {
    const text = 'a {"x": {"y": 1}} b { c {"s": "}{"} d }';
    expect(findJsonCandidates(text).map(([s, e]) => text.slice(s, e))).toEqual(['{"x": {"y": 1}}', '{ c {"s": "}{"} d }']);
    expect(findJsonCandidates('{ open {"a":1}').map(([s, e]) => e - s)).toEqual([7]);
  });

  it('is linear on 10 MB of braces', () => {
    expect(findJsonCandidates('{'.repeat(10 * 1024 * 1024))).toEqual([]);
    expect(findJsonCandidates('{}'.repeat(1024 * 1024)).length).toBe(1024 * 1024);
    expect(findJsonCandidates('{'.repeat(5 * 1024 * 1024) + '}'.repeat(5 * 1024 * 1024))).toEqual([[0, 10 * 1024 * 1024]]);
  });
});

describe('JSON', { timeout: 120_000 }, () => {
  it('passes valid objects and text without JSON', async () => {
    const s = new JSONScanner();
    const r = await s.scan('p', 'Here: {"a": [1, 2], "b": {"c": null}}', context);
    expect(r.valid).toBe(true);
    expect(r.riskScore).toBe(-1);
    expect((await s.scan('p', 'no json', context)).valid).toBe(true);
  });

  it('repairs broken objects into sanitizedText', async () => {
    const s = new JSONScanner();
    const r = await s.scan('p', "Result: {name: 'Ann', age: 3,} done", context);
    expect(r.valid).toBe(true);
    expect(r.sanitizedText).toBe('Result: {"name": "Ann", "age": 3} done');
    expect(r.findings[0]!.category).toBe('repaired_json');
  });

  it('is invalid when an object is broken and repair is off, or too few objects', async () => {
    const noRepair = new JSONScanner({ repair: false });
    const r = await noRepair.scan('p', 'x {a: 1} y', context);
    expect(r.valid).toBe(false);
    expect(r.riskScore).toBe(1);
    expect(r.findings[0]!.spans).toEqual([{ start: 2, end: 8, text: '{a: 1}' }]);
    const required = new JSONScanner({ requiredElements: 2 });
    const few = await required.scan('p', '{"a": 1}', context);
    expect(few.valid).toBe(false);
    expect(few.findings.map((f) => f.category)).toEqual(['missing_json']);
  });

  it('refuses bad options', () => {
    expect(() => new JSONScanner({ requiredElements: -1 })).toThrow(InvalidConfigError);
    expect(() => new JSONScanner({ strict: true } as never)).toThrow(/unknown option/);
  });

  it('handles a 10 MB output', async () => {
    const s = new JSONScanner({ requiredElements: 1 });
    const big = `{"k": "${'v'.repeat(10 * 1024 * 1024)}"}`;
    expect((await s.scan('p', big, context)).valid).toBe(true);
    const r = await s.scan('p', '{'.repeat(10 * 1024 * 1024), context);
    expect(r.valid).toBe(false);
  });
});
