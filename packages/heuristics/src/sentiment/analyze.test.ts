import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './analyze.js';
import { DEFAULT_NEGATIVE_THRESHOLD, DEFAULT_NEUTRAL_BAND, DEFAULT_POSITIVE_THRESHOLD, SENTIMENT_LABELS } from './labels.js';

describe('analyzeSentiment', () => {
  it('labels plain positive and negative text', () => {
    expect(analyzeSentiment('I love this, it is wonderful').label).toBe('positive');
    expect(analyzeSentiment('This is terrible and I hate it').label).toBe('negative');
    expect(analyzeSentiment('The meeting is at 3pm in room 4').label).toBe('neutral');
  });

  it('handles negation: "not good" is negative, "not bad" is not negative', () => {
    expect(analyzeSentiment('The food was not good').compound).toBeLessThan(0);
    expect(analyzeSentiment('The food was not good').label).not.toBe('positive');
    expect(analyzeSentiment('The food was not bad').compound).toBeGreaterThan(0);
    expect(analyzeSentiment('The food was not bad').label).not.toBe('negative');
  });

  it('stops negation at the end of a sentence', () => {
    expect(analyzeSentiment("I'm not sure. Great day!").compound).toBeGreaterThan(0);
  });

  it('weights the clause after "but"', () => {
    const result = analyzeSentiment('The food was great but the service was horrible');
    expect(result.compound).toBeLessThan(0);
    expect(result.findings[0]!.rules).toContain('but');
  });

  it('boosts, dampens and emphasises', () => {
    const plain = analyzeSentiment('The movie was good').compound;
    expect(analyzeSentiment('The movie was very good').compound).toBeGreaterThan(plain);
    expect(analyzeSentiment('The movie was slightly good').compound).toBeLessThan(plain);
    expect(analyzeSentiment('The movie was GOOD').compound).toBeGreaterThan(plain);
    expect(analyzeSentiment('The movie was good!!!').compound).toBeGreaterThan(plain);
    expect(analyzeSentiment('The movie was goooood').compound).toBeGreaterThan(0);
  });

  it('reads emoji and emoticons', () => {
    expect(analyzeSentiment('see you tomorrow 😍😍').label).toBe('positive');
    expect(analyzeSentiment('missed the bus again 😡').compound).toBeLessThan(0);
    expect(analyzeSentiment('ok :(').compound).toBeLessThan(0);
    expect(analyzeSentiment('ok :-)').compound).toBeGreaterThan(0);
    const finding = analyzeSentiment('great😂').findings[0]!;
    expect(finding.spans.map((span) => span.text)).toEqual(['great', '😂']);
  });

  it('returns proportions summing to 1 and negativity as score', () => {
    for (const text of ['', 'Good', 'bad bad good meh', 'no valence here']) {
      const result = analyzeSentiment(text);
      expect(result.positive + result.negative + result.neutral).toBeCloseTo(1, 2);
      expect(result.score).toBeCloseTo((1 - result.compound) / 2, 2);
      expect(result.compound).toBeGreaterThanOrEqual(-1);
      expect(result.compound).toBeLessThanOrEqual(1);
    }
    expect(analyzeSentiment('')).toMatchObject({ score: 0.5, compound: 0, neutral: 1, label: 'neutral', findings: [] });
  });

  it('applies the neutral band', () => {
    const text = 'It is okay';
    const compound = analyzeSentiment(text).compound;
    expect(compound).toBeGreaterThan(0);
    expect(analyzeSentiment(text, { neutralBand: 0 }).label).toBe('positive');
    expect(analyzeSentiment(text, { neutralBand: 1 }).label).toBe('neutral');
    expect(DEFAULT_NEUTRAL_BAND).toBe(0.4);
    expect(SENTIMENT_LABELS).toEqual(['negative', 'neutral', 'positive']);
  });

  it('labels with asymmetric thresholds by default, and lets callers move them', () => {
    expect(DEFAULT_NEGATIVE_THRESHOLD).toBe(0);
    expect(DEFAULT_POSITIVE_THRESHOLD).toBe(0.25);
    const mildlyNegative = analyzeSentiment('The update is a bit weird');
    expect(mildlyNegative.compound).toBeLessThan(0);
    expect(mildlyNegative.compound).toBeGreaterThan(-0.4);
    expect(mildlyNegative.label).toBe('negative');
    expect(analyzeSentiment('The update is a bit weird', { negativeThreshold: -0.5 }).label).toBe('neutral');
    expect(analyzeSentiment('The update is a bit weird', { neutralBand: 0.4 }).label).toBe('neutral');
    const mildlyPositive = analyzeSentiment('It is okay');
    expect(mildlyPositive.compound).toBeLessThan(DEFAULT_POSITIVE_THRESHOLD);
    expect(mildlyPositive.label).toBe('neutral');
    expect(analyzeSentiment('It is okay', { positiveThreshold: 0 }).label).toBe('positive');
    // neutralBand wins over the thresholds; non-finite values fall back to the defaults
    expect(analyzeSentiment('It is okay', { positiveThreshold: 0, neutralBand: 1 }).label).toBe('neutral');
    expect(analyzeSentiment('The update is a bit weird', { negativeThreshold: Number.NaN }).label).toBe('negative');
  });

  it('reads tweet conventions: mentions, links, emoticons, idioms, questions', () => {
    expect(analyzeSentiment('@HappyMeal see http://t.co/great').compound).toBe(0);
    expect(analyzeSentiment('Monday again #fail').label).toBe('negative');
    expect(analyzeSentiment("i won't be there:(((((").label).toBe('negative');
    expect(analyzeSentiment('see you tomorrow:)))').label).toBe('positive');
    expect(analyzeSentiment("Can't wait for the show tonight").label).toBe('positive');
    expect(analyzeSentiment('They have no idea').compound).toBe(0);
    expect(analyzeSentiment('fml, missed the train again').label).toBe('negative');
    expect(analyzeSentiment('@ann Happy Friday').label).toBe('positive');
    const statement = analyzeSentiment('You are ready for the great game tonight').compound;
    const question = analyzeSentiment('Are you ready for the great game tonight?');
    expect(question.compound).toBeGreaterThan(0);
    expect(question.compound).toBeLessThan(statement);
    expect(question.findings[0]!.rules).toContain('question');
  });

  it('reports spans of the original text grouped by label', () => {
    const text = 'Ｇｒｅａｔ food, awful service.';
    const result = analyzeSentiment(text);
    const categories = result.findings.map((finding) => finding.category).sort();
    expect(categories).toEqual(['negative', 'positive']);
    for (const finding of result.findings) {
      for (const span of finding.spans) expect(text.slice(span.start, span.end)).toBe(span.text);
    }
  });

  it('does not read names or "like" as sentiment', () => {
    expect(analyzeSentiment('Watching the Super Bowl with Manchester United fans').label).toBe('neutral');
    expect(analyzeSentiment('It looks like rain').compound).toBe(0);
    expect(analyzeSentiment('I like it').compound).toBeGreaterThan(0);
  });
});
