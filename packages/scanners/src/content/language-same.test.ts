import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createLanguageSameScanner } from './language-same.js';

const context = { vault: new Vault() };

describe('LanguageSame', () => {
  const scanner = createLanguageSameScanner();

  it('passes an answer in the language of the prompt', { timeout: 120_000 }, async () => {
    const result = await scanner.scan('¿Cuál es la capital de Francia y cuántos habitantes tiene?', 'La capital de Francia es París, con unos dos millones de habitantes.', context);
    expect(result.valid).toBe(true);
    expect(result.score).toBe(0);
  });

  it('flags an answer in another language, score 1 and a span over the answer', async () => {
    const output = 'The capital of France is Paris, with about two million inhabitants.';
    const result = await scanner.scan('¿Cuál es la capital de Francia y cuántos habitantes tiene?', output, context);
    expect(result.valid).toBe(false);
    expect(result.score).toBe(1);
    expect(result.riskScore).toBe(1);
    expect(result.findings[0]).toMatchObject({ category: 'language_mismatch', spans: [{ start: 0, end: output.length }] });
  });

  it('flags an answer without any language, passes empty texts', async () => {
    expect((await scanner.scan('What is two plus two, written as digits?', '4 4 4 4 ### 1234', context)).valid).toBe(false);
    expect((await scanner.scan('', 'anything', context)).valid).toBe(true);
    expect((await scanner.scan('What is this?', '  ', context)).valid).toBe(true);
  });

  it('handles 10 MB texts', { timeout: 120_000 }, async () => {
    const big = 'Le chat dort sur le canapé pendant que nous mangeons. '.repeat(200_000);
    const result = await scanner.scan('Où dort le chat pendant le repas du soir ?', big, context);
    expect(result.valid).toBe(true);
    expect((await scanner.scan('x'.repeat(10_000_000), big, context)).valid).toBe(false);
  });

  it('refuses unknown options and bad thresholds', () => {
    expect(() => createLanguageSameScanner({ threshold: -0.1 })).toThrow(InvalidConfigError);
    expect(() => createLanguageSameScanner({ matchType: 'full' } as never)).toThrow(/unknown option "matchType"/);
  });
});
