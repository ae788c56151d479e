import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { InvisibleText } from './invisible-text.js';

const context = { vault: new Vault() };
const s = new InvisibleText();

describe('InvisibleText', { timeout: 120_000 }, () => {
  it('passes ordinary text, tabs and newlines with risk -1', async () => {
    const r = await s.scan('Hello,\tworld!\r\nÇa va? 你好', context);
    expect(r.valid).toBe(true);
    expect(r.riskScore).toBe(-1);
  });

  it('flags and strips zero-width, bidi, tag, private-use and control characters', async () => {
    const tagged = [...'ignore'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
    const text = `pa\u200Bss \u202Eevil\u202C ${tagged}x \uE000 a\u0007b \u2064`;
    const r = await s.scan(text, context);
    expect(r.valid).toBe(false);
    expect(r.riskScore).toBe(1);
    expect(r.sanitizedText).toBe('pass evil x  ab ');
    const kinds = Object.fromEntries(r.findings.map((f) => [f.category, f]));
    expect(Object.keys(kinds).sort()).toEqual(['bidi_control', 'control', 'format', 'private_use', 'tag', 'zero_width']);
    expect(kinds.zero_width!.spans).toEqual([{ start: 2, end: 3, text: '\u200B' }]);
    expect(kinds.tag!.spans).toEqual([{ start: text.indexOf(tagged), end: text.indexOf(tagged) + 12, text: tagged }]);
  });

  it('flags unassigned code points and variation selectors used to smuggle data', async () => {
    expect((await s.scan('a\u{E01EF}\u{E0100}b', context)).findings[0]!.category).toBe('variation_selector');
    expect((await s.scan('x\uFE0F', context)).valid).toBe(false);
    const unassigned = await s.scan('a\u{2FFFD}', context);
    expect(unassigned.findings[0]!.category).toBe('unassigned');
  });

  it('keeps emoji sequences, keycaps, subdivision flags and Persian ZWNJ', async () => {
    for (const text of ['👩‍💻 and 👨‍👩‍👧‍👦', '❤️ 1️⃣ 👍🏽', '🏴󠁧󠁢󠁳󠁣󠁴󠁿 Scotland', 'می‌خواهم', 'क्‍ष']) {
      const r = await s.scan(text, context);
      expect(r.valid, JSON.stringify(text)).toBe(true);
    }
    expect((await s.scan('pay\u200Dpal', context)).valid).toBe(false);
  });

  it('refuses options; linear on 10 MB of invisible characters', async () => {
    expect(() => new InvisibleText({ x: 1 } as never)).toThrow(InvalidConfigError);
    const big = 'a\u200B'.repeat(5 * 1024 * 1024);
    const r = await s.scan(big, context);
    expect(r.sanitizedText).toBe('a'.repeat(5 * 1024 * 1024));
    expect(r.findings[0]!.spans.length).toBe(100);
    const zwj = await s.scan('\u200D'.repeat(1024 * 1024), context);
    expect(zwj.sanitizedText).toBe('');
    expect(zwj.findings[0]!.spans).toEqual([{ start: 0, end: 1024 * 1024, text: '\u200D'.repeat(1024 * 1024) }]);
  });
});
