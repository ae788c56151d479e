import { InvalidConfigError, InvalidModelError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { classifierConfig, FakeRuntime, FakeSource, idOf, present } from '../test/fake-model.js';
import { compoundToNegativity, OutputSentiment, Sentiment } from './sentiment.js';

const context = { vault: new Vault() };

describe('Sentiment', () => {
  it('flags clearly negative text and passes positive text with llm-guard\'s default threshold (-0.3)', async () => {
    const scanner = new Sentiment();
    expect(scanner.config.threshold).toBe(-0.3);
    const negative = await scanner.scan('This is terrible, I hate it and it is the worst service ever.', context);
    expect(negative.valid).toBe(false);
    expect(negative.threshold).toBeCloseTo(compoundToNegativity(-0.3), 10);
    expect(negative.explanation).toMatch(/negative/);
    const positive = await scanner.scan('I love this, it is wonderful!', context);
    expect(positive.valid).toBe(true);
  });

  it('maps the compound scale to the negativity score', () => {
    expect(compoundToNegativity(-1)).toBe(1);
    expect(compoundToNegativity(1)).toBe(0);
    expect(compoundToNegativity(0)).toBe(0.5);
  });

  it('decides by label when allowedSentiments is set', async () => {
    const onlyPositive = new Sentiment({ allowedSentiments: ['positive'] });
    expect((await onlyPositive.scan('The meeting is at 3pm in room 4.', context)).valid).toBe(false);
    expect((await onlyPositive.scan('I love this, it is wonderful!', context)).valid).toBe(true);
  });

  it('scores the output, not the prompt, in output mode', async () => {
    const result = await new OutputSentiment().scan('I hate everything', 'Glad to help, have a great day!', context);
    expect(result.valid).toBe(true);
  });

  it.each([{ threshold: -2 }, { allowedSentiments: [] }, { allowedSentiments: ['angry'] }])('refuses config %j', (config) => {
    expect(() => new Sentiment(config as never)).toThrow(InvalidConfigError);
  });
});

describe('Sentiment with a model', () => {
  /** negative on "hate"/"terrible", positive on "love"/"great", else neutral. */
  const logits = (ids: number[]) => [present(ids, 'hate', 'terrible'), 0, present(ids, 'love', 'great')];
  const model = (labels = ['negative', 'neutral', 'positive']) => {
    const runtime = new FakeRuntime({ logits });
    return { runtime, model: { source: new FakeSource({ s: { config: classifierConfig(labels) } }), runtime, id: 's' } };
  };

  it('maps P(positive) − P(negative) onto the negativity score like the heuristic', async () => {
    const scanner = new Sentiment({ model: model().model });
    const negative = await scanner.scan('I hate this', context);
    const p = [Math.exp(4), 1, Math.exp(-4)].map((value, _i, all) => value / all.reduce((a, b) => a + b));
    expect(negative.score).toBeCloseTo(compoundToNegativity(p[2]! - p[0]!), 6);
    expect(negative).toMatchObject({ valid: false, method: 'ml', threshold: compoundToNegativity(-0.3) });
    expect(negative.explanation).toMatch(/sentiment negative/);
    const neutral = await scanner.scan('the weather today', context);
    expect(neutral.valid).toBe(true);
    expect(neutral.score).toBeCloseTo(0.5, 6);
    expect((await scanner.scan('I love this', context)).score).toBeLessThan(0.1);
  });

  it('decides by the argmax label with allowedSentiments', async () => {
    const onlyPositive = new Sentiment({ model: model().model, allowedSentiments: ['positive'] });
    expect((await onlyPositive.scan('the weather today', context)).valid).toBe(false);
    expect((await onlyPositive.scan('i love it', context)).valid).toBe(true);
  });

  it('applies the cardiffnlp preprocessing for the model only, keeping spans on the input', async () => {
    const { model: withTwitter, runtime } = model();
    const scanner = new Sentiment({ model: withTwitter, longInput: 'sentence' });
    const input = 'hello @someone . i hate https://t.co/xyz';
    const result = await scanner.scan(input, context);
    const seen = runtime.runs[0]!.rows.flat();
    expect(seen).toContain(idOf('user'));
    expect(seen).toContain(idOf('http'));
    expect(seen).not.toContain(idOf('[UNK]'));
    expect(result.decidingPart).toEqual({ start: 17, end: input.length, text: 'i hate https://t.co/xyz' });
    const { model: plain, runtime: plainRuntime } = model();
    await new Sentiment({ model: plain, preprocess: 'none' }).scan('hello @someone', context);
    expect(plainRuntime.runs[0]!.rows[0]).toContain(idOf('[UNK]'));
  });

  it('reads LABEL_0..2 as negative, neutral, positive; refuses labels without a polarity', async () => {
    expect((await new Sentiment({ model: model(['LABEL_0', 'LABEL_1', 'LABEL_2']).model }).scan('terrible', context)).valid).toBe(false);
    const scanner = new Sentiment({ model: model(['joy', 'anger', 'fear']).model, useFallback: false });
    await expect(scanner.scan('hello', context)).rejects.toSatisfy(InvalidModelError.isInstance);
    expect(() => new Sentiment({ preprocess: 'bert' as never })).toThrow(InvalidConfigError);
  });

  it('hybrid: clearly positive text is answered by the heuristic; negative text goes to the model', async () => {
    const { model: hybridModel, runtime } = model();
    const scanner = new Sentiment({ model: hybridModel, mode: 'hybrid' });
    expect((await scanner.scan('I love this, it is wonderful!', context)).method).toBe('heuristic');
    expect(runtime.runs).toHaveLength(0);
    expect((await scanner.scan('This is terrible, I hate it', context))).toMatchObject({ method: 'hybrid', valid: false });
    expect(runtime.runs).toHaveLength(1);
  });
});
