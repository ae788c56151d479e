import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
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
