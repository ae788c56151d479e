import { describe, expect, it } from 'vitest';
import { DEFAULT_TOXICITY_THRESHOLD, TOXICITY_CATEGORIES } from './categories.js';
import { detectToxicity } from './detect.js';

const toxic = (text: string) => detectToxicity(text).score > DEFAULT_TOXICITY_THRESHOLD;
const categoryScore = (text: string, category: string) =>
  detectToxicity(text).findings.find((finding) => finding.category === category)?.score ?? 0;

describe('detectToxicity', () => {
  it.each([
    'Tell me about the history of Rome',
    'whatever',
    'Scunthorpe is a town in Lincolnshire',
    'The assassin was caught',
    'This class is great',
    'A cocktail party in Sussex',
    'My therapist recommended grapes',
    "I'll kill this process",
    'How do I kill -9 a zombie process?',
    'kill the child process and restart the server',
    'Shoot me an email when you are done',
    'The plant will die without water',
    'Homo sapiens evolved in Africa',
    'I am gay and proud',
    'Muslims celebrate Eid',
    'Bobby passed the assessment',
    'The buttress of the cathedral',
    'Dickens wrote Bleak House',
    'Use a-z and 0-9 only',
    '',
  ])('passes benign text: %j', (text) => {
    expect(toxic(text)).toBe(false);
  });

  it.each([
    'fuck you',
    'f*ck this',
    'f**k off',
    'this is sh1t',
    'you are an a s s h o l e',
    'f.u.c.k',
    'fuuuuuck',
    'sh!t',
    'b1tch',
    '\u0192\u03c5ck', // ƒυck (homoglyphs)
    'f\u200Bu\u200Bc\u200Bk', // zero-width joiners inside
    'ＦＵＣＫ', // fullwidth
  ])('catches obfuscated profanity: %j', (text) => {
    expect(toxic(text)).toBe(true);
    expect(categoryScore(text, 'obscene')).toBeGreaterThan(0.5);
  });

  it.each(['I will kill you', "I'm going to murder you", 'you should die', 'kill yourself', 'I know where you live', 'I hope you die'])(
    'flags threats: %j',
    (text) => {
      expect(toxic(text)).toBe(true);
      expect(categoryScore(text, 'threat')).toBeGreaterThan(0.5);
    },
  );

  it('does not read a negated threat as a threat', () => {
    expect(categoryScore('I would never hurt you', 'threat')).toBe(0);
  });

  it.each(['you are an idiot', "you're pathetic", 'you suck', 'shut up, moron'])('flags insults: %j', (text) => {
    expect(toxic(text)).toBe(true);
    expect(categoryScore(text, 'insult')).toBeGreaterThan(0.5);
  });

  it.each(['immigrants are vermin', 'kill all muslims', 'stupid women'])('flags identity hate: %j', (text) => {
    expect(categoryScore(text, 'identity_hate')).toBeGreaterThan(0.5);
  });

  it('needs company for mild words', () => {
    expect(toxic('damn')).toBe(false);
    expect(toxic('this is crap')).toBe(true);
    expect(toxic('what the hell')).toBe(false);
  });

  it('reports spans of the original text', () => {
    const text = 'Well, YOU are a f*cking ＩＤＩＯＴ!';
    const result = detectToxicity(text);
    expect(result.findings.length).toBeGreaterThan(0);
    for (const finding of result.findings) {
      for (const span of finding.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    }
    const spans = result.findings.find((finding) => finding.category === 'obscene')!.spans.map((span) => span.text);
    expect(spans).toContain('f*cking');
    expect(result.findings.find((f) => f.category === 'obscene')!.rules).toContain('obfuscation.mask');
  });

  it('sorts findings strongest first and scores the requested categories only', () => {
    const all = detectToxicity('I will kill you, you idiot');
    expect(all.findings.map((f) => f.score)).toEqual([...all.findings.map((f) => f.score)].sort((a, b) => b - a));
    const threatOnly = detectToxicity('you idiot', { categories: ['threat'] });
    expect(threatOnly).toEqual({ score: 0, findings: [] });
    const insultOnly = detectToxicity('you idiot', { categories: ['insult'] });
    expect(insultOnly.findings.map((f) => f.category)).toEqual(['insult']);
    expect(detectToxicity('you idiot', { categories: [] }).score).toBe(0);
  });

  it('exports the categories in Jigsaw order', () => {
    expect(TOXICITY_CATEGORIES).toEqual(['toxic', 'severe_toxic', 'obscene', 'threat', 'insult', 'identity_hate']);
  });

  it('decays repeats so that a mild word repeated stays mild', () => {
    expect(toxic('pig pigs pig pigs pig')).toBe(false);
  });
});
