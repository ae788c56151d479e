import { InvalidConfigError, InvalidModelError, scanOutput, scanPrompt, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { classifierConfig, FakeRuntime, FakeSource, present } from '../test/fake-model.js';
import { OutputToxicity, Toxicity } from './toxicity.js';

const context = { vault: new Vault() };

describe('Toxicity', () => {
  it('flags an insult and passes a benign question', async () => {
    const scanner = new Toxicity();
    const toxic = await scanner.scan('You are a stupid idiot and I hate you', context);
    expect(toxic.valid).toBe(false);
    expect(toxic.findings.length).toBeGreaterThan(0);
    const clean = await scanner.scan('Tell me about the history of Rome', context);
    expect(clean.valid).toBe(true);
  });

  it('keeps two Toxicity scanners with different thresholds apart in one pipeline', async () => {
    const result = await scanPrompt([new Toxicity({ threshold: 0.01 }), new Toxicity({ threshold: 1 })], 'You are a stupid idiot');
    expect(result.runs.map((run) => run.id)).toEqual(['Toxicity', 'Toxicity#2']);
    expect(result.failedScanners).toEqual(['Toxicity']);
  });

  it('scores only the output in output mode', async () => {
    const result = await scanOutput([new OutputToxicity()], 'You are a stupid idiot', 'Here is a polite answer.');
    expect(result.valid).toBe(true);
  });

  it('honours categories without a model, and refuses model-only ones it cannot score', async () => {
    const insults = new Toxicity({ categories: ['insult'] });
    const threats = new Toxicity({ categories: ['threat'] });
    const text = 'You are a stupid idiot';
    expect((await insults.scan(text, context)).valid).toBe(false);
    expect((await threats.scan(text, context)).valid).toBe(true);
    for (const config of [{ categories: ['sexual_explicit'] }, { categories: ['insult', 'sexual_explicit'] }, { mode: 'heuristic', categories: ['sexual_explicit'] }]) {
      expect(() => new Toxicity(config as never)).toThrow(expect.objectContaining({ details: { scanner: 'Toxicity', field: 'categories', value: 'sexual_explicit' } }));
    }
    const runtime = new FakeRuntime({ logits: () => [0] });
    const source = new FakeSource({});
    const model = { source, runtime, id: 'tox' };
    expect(() => new Toxicity({ model, mode: 'hybrid', categories: ['sexual_explicit'] })).toThrow(InvalidConfigError);
    expect(() => new Toxicity({ model, onModelFailure: 'fallback', categories: ['sexual_explicit'] })).toThrow(InvalidConfigError);
    // with a model that decides alone, the model scores it
    expect(new Toxicity({ model, categories: ['sexual_explicit'] }).config.categories).toEqual(['sexual_explicit']);
  });

  it.each([{ categories: ['rude'] }, { threshold: -1 }, { mode: 'remote' }])('refuses config %j', (config) => {
    expect(() => new Toxicity(config as never)).toThrow(InvalidConfigError);
  });
});

/** The 16 labels of unitary/unbiased-toxic-roberta: seven toxicity labels and nine identity mentions. */
const UNBIASED_LABELS = [
  'toxicity', 'severe_toxicity', 'obscene', 'identity_attack', 'insult', 'threat', 'sexual_explicit',
  'male', 'female', 'homosexual_gay_or_lesbian', 'christian', 'jewish', 'muslim', 'black', 'white', 'psychiatric_or_mental_illness',
];

describe('Toxicity with a multi-label model', () => {
  const logits = (ids: number[]) =>
    UNBIASED_LABELS.map((label) =>
      2 * (label === 'toxicity' || label === 'insult' ? present(ids, 'stupid', 'idiot') : label === 'threat' ? present(ids, 'kill') : label === 'sexual_explicit' ? present(ids, 'sex') : label === 'male' ? 5 : -5),
    );
  const model = () => ({
    source: new FakeSource({ tox: { config: classifierConfig(UNBIASED_LABELS, 'multi_label_classification') } }),
    runtime: new FakeRuntime({ logits }),
    id: 'tox',
  });

  it('maps the seven labels onto the categories, scores the max, and ignores identity-mention labels', async () => {
    const scanner = new Toxicity({ model: model() });
    expect(scanner.config.categories).toContain('sexual_explicit');
    const insult = await scanner.scan('you are stupid', context);
    expect(insult).toMatchObject({ valid: false, method: 'ml', threshold: 0.5 });
    expect(insult.findings.map((finding) => finding.category).sort()).toEqual(['insult', 'toxic']);
    expect(insult.findings.every((finding) => finding.rules.length === 0)).toBe(true);
    // `male` has a logit of 9 on every text but is not a toxicity label
    const clean = await scanner.scan('hello world', context);
    expect(clean).toMatchObject({ valid: true, findings: [] });
    expect(clean.score).toBeLessThan(0.01);
    expect((await scanner.scan('sex', context)).findings.map((finding) => finding.category)).toEqual(['sexual_explicit']);
  });

  it('counts only the configured categories', async () => {
    const threats = new Toxicity({ model: model(), categories: ['threat'] });
    expect((await threats.scan('you are stupid', context)).valid).toBe(true);
    expect((await threats.scan('i kill you', context)).findings).toMatchObject([{ category: 'threat' }]);
  });

  it('refuses a model without any configured category among its labels', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(['positive', 'negative']) } });
    const scanner = new Toxicity({ model: { source, runtime: new FakeRuntime({ logits: () => [0, 0] }), id: 'tox' }, useFallback: false });
    await expect(scanner.scan('hello', context)).rejects.toSatisfy(InvalidModelError.isInstance);
  });

  it('scanMany on the output variant scores the outputs', async () => {
    const results = await new OutputToxicity({ model: model() }).scanMany(['hello', 'you idiot']);
    expect(results.map((result) => result.valid)).toEqual([true, false]);
  });
});
