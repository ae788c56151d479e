import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createGibberishOutputScanner, createGibberishScanner } from './gibberish.js';
import { GIBBERISH_FEATURE_NAMES } from './gibberish-features.js';
import { GIBBERISH_WEIGHTS, gibberishTables } from './gibberish-model.js';

const context = { vault: new Vault() };

describe('Gibberish', () => {
  const scanner = createGibberishScanner();

  it('flags keyboard mashing, random strings and word salad', async () => {
    for (const text of [
      'asdfjkl; qwerty uiop asdasd fghfgh jkljkl',
      'xq7Zp Lk9 vBn3 wQr Tzx mPl0 qqz',
      'jhgf kjhg lkjh dsfa uytr oiuy',
      'purple elephant quickly bicycle microwave seventeen democracy sandwich',
    ]) {
      const result = await scanner.scan(text, context);
      expect(result.valid, text).toBe(false);
      expect(result.findings[0]).toMatchObject({ category: 'gibberish', spans: [{ start: 0, end: text.length, text }] });
      expect(result.riskScore).toBeGreaterThan(0);
    }
  });

  it('passes real English, short replies, code, URLs and other languages', async () => {
    for (const text of [
      'Can you recommend a good book about the history of Rome?',
      'ok',
      'Thanks!',
      'yes please',
      'def add(a, b):\n    return a + b\n\nprint(add(2, 3))',
      'https://github.com/protectai/llm-guard/blob/main/llm_guard/input_scanners/gibberish.py',
      'Mail me at jane.doe+test@example.org',
      'Je voudrais réserver une table pour deux personnes ce soir.',
      'Saya ingin memesan meja untuk dua orang malam ini.',
      'Ich möchte heute Abend einen Tisch für zwei Personen reservieren.',
      '今日はとても良い天気ですね。',
      'Сегодня очень хорошая погода.',
      '',
    ]) {
      expect((await scanner.scan(text, context)).valid, text).toBe(true);
    }
  });

  it('sentence mode points at the gibberish sentence', async () => {
    const text = 'Please summarise the report for me. dkfj sldkfj qpwoei zmxncb alskdj.';
    const result = await createGibberishScanner({ matchType: 'sentence' }).scan(text, context);
    expect(result.valid).toBe(false);
    expect(result.findings[0]!.spans[0]!.text).toBe('dkfj sldkfj qpwoei zmxncb alskdj.');
  });

  it('threshold 1 never flags; output variant reads the answer', async () => {
    expect((await createGibberishScanner({ threshold: 1 }).scan('asdfgh jkl qwerty zxcvb', context)).valid).toBe(true);
    const out = createGibberishOutputScanner();
    expect((await out.scan('asdfgh jkl qwerty zxcvb', 'Here is the summary you asked for.', context)).valid).toBe(true);
    expect((await out.scan('hi', 'asdfgh jkl qwerty zxcvb qwopeiru', context)).valid).toBe(false);
  });

  it('ships a small model whose weights match its features', () => {
    expect(GIBBERISH_WEIGHTS).toHaveLength(GIBBERISH_FEATURE_NAMES.length);
    const tables = gibberishTables();
    expect(tables.charLogProb).toHaveLength(30 ** 3);
    expect(tables.vocabulary.has('the') || tables.vocabulary.has('write')).toBe(true);
    expect(Math.max(...tables.charLogProb)).toBeLessThanOrEqual(0);
  });

  it('10 MB inputs give bounded, defined results', async () => {
    const sentence = createGibberishScanner({ matchType: 'sentence' });
    const english = 'The weather is lovely today and we will walk to the park. '.repeat(180_000);
    expect((await scanner.scan(english, context)).valid).toBe(true);
    for (const text of ['q'.repeat(10_000_000), 'qz. '.repeat(500_000), '\ud800'.repeat(1_000_000), `a${'\u0301'.repeat(1_000_000)}`]) {
      for (const s of [scanner, sentence]) {
        const result = await s.scan(text, context);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        for (const f of result.findings) expect(f.spans.length).toBeLessThanOrEqual(100);
      }
    }
  }, 120_000);

  it('refuses unknown options and bad values', () => {
    expect(() => createGibberishScanner({ model: 'x' } as never)).toThrow(InvalidConfigError);
    expect(() => createGibberishScanner({ threshold: 'high' } as never)).toThrow(/threshold/);
    expect(() => createGibberishScanner({ matchType: 'chunks' } as never)).toThrow(/matchType/);
  });
});
