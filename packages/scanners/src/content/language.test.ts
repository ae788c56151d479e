import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createLanguageOutputScanner, createLanguageScanner, LANGUAGE_WINDOW, CONTENT_MAX_SPANS_PER_FINDING } from './language.js';

const context = { vault: new Vault() };

describe('Language', () => {
  it('passes English when English is valid and flags French with a span', { timeout: 120_000 }, async () => {
    const scanner = createLanguageScanner({ validLanguages: ['en'] });
    const english = await scanner.scan('Could you tell me how to bake a loaf of sourdough bread at home?', context);
    expect(english.valid).toBe(true);
    const text = 'Pouvez-vous me dire comment faire du pain au levain à la maison ?';
    const french = await scanner.scan(text, context);
    expect(french.valid).toBe(false);
    expect(french.findings[0]?.category).toBe('fr');
    expect(french.findings[0]?.spans[0]).toEqual({ start: 0, end: text.length, text });
    expect(french.riskScore).toBeGreaterThan(0);
    expect(french.score).toBeGreaterThan(0.6);
  });

  it('accepts every listed language and upper-case codes', async () => {
    const scanner = createLanguageScanner({ validLanguages: ['EN', 'de'] });
    expect((await scanner.scan('Ich möchte morgen mit dem Zug nach Berlin fahren.', context)).valid).toBe(true);
    expect((await scanner.scan('¿Dónde está la estación de tren más cercana, por favor?', context)).valid).toBe(false);
  });

  it('passes empty text and text without a language, as llm-guard', async () => {
    const scanner = createLanguageScanner({ validLanguages: ['en'] });
    expect((await scanner.scan('', context)).valid).toBe(true);
    expect((await scanner.scan('   \n ', context)).score).toBe(0);
    expect((await scanner.scan('12345 67890 !!! ???', context)).valid).toBe(true);
  });

  it('sentence mode finds the foreign sentence inside an English text', async () => {
    const text = 'I would like to book a table for two people tonight. Ich möchte bitte einen Tisch für zwei Personen reservieren.';
    const full = createLanguageScanner({ validLanguages: ['en'], matchType: 'sentence' });
    const result = await full.scan(text, context);
    expect(result.valid).toBe(false);
    const span = result.findings[0]?.spans[0];
    expect(span && text.slice(span.start, span.end)).toBe('Ich möchte bitte einen Tisch für zwei Personen reservieren.');
  });

  it('a high threshold lets a foreign text pass', async () => {
    const scanner = createLanguageScanner({ validLanguages: ['en'], threshold: 1 });
    expect((await scanner.scan('Dit is een korte Nederlandse zin over het weer vandaag.', context)).valid).toBe(true);
  });

  it('output variant reads the answer, not the prompt', async () => {
    const scanner = createLanguageOutputScanner({ validLanguages: ['en'] });
    expect(scanner.kind).toBe('output');
    const result = await scanner.scan('Bonjour, comment allez-vous aujourd’hui ?', 'I am fine, thank you for asking about my day.', context);
    expect(result.valid).toBe(true);
    expect((await scanner.scan('Hi', 'Questo è un testo scritto interamente in lingua italiana.', context)).valid).toBe(false);
  });

  it('reads a 10 MB text in windows: a foreign tail behind English is found, spans stay bounded', { timeout: 120_000 }, async () => {
    const english = 'The weather is nice today and we are going for a walk in the park. '.repeat(150_000);
    const text = `${english}${'Das Wetter ist heute schön und wir gehen im Park spazieren. '.repeat(40).trim()}`;
    expect(text.length).toBeGreaterThan(10_000_000);
    const result = await createLanguageScanner({ validLanguages: ['en'] }).scan(text, context);
    expect(result.valid).toBe(false);
    expect(result.findings[0]?.category).toBe('de');
    const span = result.findings[0]?.spans.at(-1);
    expect(span && span.end - span.start).toBeLessThanOrEqual(LANGUAGE_WINDOW);
    expect(span?.end).toBe(text.length);
  });

  it('adversarial 10 MB inputs give defined results (no spaces, lone surrogates, combining marks)', { timeout: 120_000 }, async () => {
    const scanner = createLanguageScanner({ validLanguages: ['en'], matchType: 'sentence' });
    for (const text of ['a'.repeat(10_000_000), '\ud800'.repeat(1_000_000), `e${'\u0301'.repeat(1_000_000)}`, '. '.repeat(200_000)]) {
      const result = await scanner.scan(text, context);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
      for (const finding of result.findings) expect(finding.spans.length).toBeLessThanOrEqual(CONTENT_MAX_SPANS_PER_FINDING);
    }
  });

  it('refuses unknown options and bad values, naming them', () => {
    const refuse = (config: unknown) => {
      try {
        createLanguageScanner(config as never);
      } catch (error) {
        expect(InvalidConfigError.isInstance(error)).toBe(true);
        return (error as InvalidConfigError).details;
      }
      throw new Error('accepted');
    };
    expect(refuse({ validLanguages: ['en'], useOnnx: true })).toMatchObject({ scanner: 'Language', option: 'useOnnx' });
    expect(refuse({})).toMatchObject({ field: 'validLanguages' });
    expect(refuse({ validLanguages: [] })).toMatchObject({ field: 'validLanguages' });
    expect(refuse({ validLanguages: ['english'] })).toMatchObject({ field: 'validLanguages', value: 'english' });
    expect(refuse({ validLanguages: ['en'], threshold: 1.5 })).toMatchObject({ field: 'threshold', value: 1.5 });
    expect(refuse({ validLanguages: ['en'], matchType: 'chunk' })).toMatchObject({ field: 'matchType', value: 'chunk' });
  });
});
