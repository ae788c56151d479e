import { InvalidConfigError, InvalidModelError, ModelUnavailableError, scanOutput, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { classifierConfig, FakeRuntime, FakeSource, present } from '../../test/fake-model.js';
import { EmotionDetection, OutputEmotionDetection } from './emotion-detection.js';
import { DEFAULT_BLOCKED_EMOTIONS, EMOTION_LABELS } from './emotion-labels.js';

const context = { vault: new Vault() };

/** A fake GoEmotions model: "hate" → anger, "terrible" → sadness, "love" → love, "great" → joy; neutral otherwise. */
const logits = (ids: number[]) =>
  EMOTION_LABELS.map((label) => {
    if (label === 'anger') return 2 * present(ids, 'hate');
    if (label === 'sadness') return 2 * present(ids, 'terrible');
    if (label === 'love') return 2 * present(ids, 'love');
    if (label === 'joy') return 2 * present(ids, 'great');
    if (label === 'neutral') return 2;
    return -8;
  });

function model(labels: readonly string[] = EMOTION_LABELS, problemType = 'multi_label_classification') {
  return { source: new FakeSource({ emo: { config: classifierConfig(labels, problemType) } }), runtime: new FakeRuntime({ logits }), id: 'emo' };
}

describe('EmotionDetection', () => {
  it('flags a blocked emotion above the threshold and passes joy and neutral text (llm-guard defaults)', async () => {
    const scanner = new EmotionDetection({ model: model() });
    expect(scanner.config.blockedEmotions).toEqual(DEFAULT_BLOCKED_EMOTIONS);
    const angry = await scanner.scan('i hate this', context);
    expect(angry).toMatchObject({ valid: false, method: 'ml', threshold: 0.5 });
    expect(angry.score).toBeGreaterThan(0.9);
    expect(angry.findings.map((finding) => finding.category)).toEqual(['anger']);
    expect(angry.explanation).toContain('anger');
    const happy = await scanner.scan('this is great', context);
    expect(happy).toMatchObject({ valid: true, findings: [] });
    // neutral has a high probability on every text and is never counted
    const plain = await scanner.scan('hello world', context);
    expect(plain.valid).toBe(true);
    expect(plain.score).toBeLessThan(0.1);
  });

  it('blocks only the emotions asked for, positive ones included', async () => {
    const scanner = new EmotionDetection({ model: model(), blockedEmotions: ['joy'] });
    expect((await scanner.scan('i hate this', context)).valid).toBe(true);
    expect((await scanner.scan('this is great', context)).findings).toMatchObject([{ category: 'joy' }]);
  });

  it('reports every emotion with returnEmotions, without changing the verdict', async () => {
    const scanner = new EmotionDetection({ model: model(), returnEmotions: true });
    const result = await scanner.scan('i love this', context);
    expect(result.valid).toBe(true);
    expect(result.findings).toHaveLength(28);
    expect(result.findings[0]!.category).toBe('love');
    expect(result.findings.map((finding) => finding.category)).toContain('neutral');
  });

  it('takes a threshold: above it a blocked emotion passes', async () => {
    const result = await new EmotionDetection({ model: model(), threshold: 0.9999 }).scan('i hate this', context);
    expect(result).toMatchObject({ valid: true, threshold: 0.9999 });
  });

  it('explains a flagged text with the negative words the sentiment lexicon saw (explain: flagged)', async () => {
    const result = await new EmotionDetection({ model: model() }).scan('i hate this', context);
    expect(result.heuristic?.findings.map((finding) => finding.category)).toContain('negative');
    const quiet = await new EmotionDetection({ model: model(), explain: false }).scan('i hate this', context);
    expect(quiet.heuristic).toBeUndefined();
  });

  it('scores every part of a long text (chunks) and locates the deciding part', async () => {
    const text = `${'hello world . '.repeat(300)}i hate this`;
    const result = await new EmotionDetection({ model: model() }).scan(text, context);
    expect(result.valid).toBe(false);
    expect(result.decidingPart?.text).toContain('hate');
  });

  it('fails closed when the model cannot answer, or throws with onModelFailure throw', async () => {
    const broken = { source: new FakeSource({}), runtime: new FakeRuntime({ logits }), id: 'missing' };
    const closed = await new EmotionDetection({ model: broken }).scan('hello', context);
    expect(closed).toMatchObject({ valid: false, method: 'failed-closed' });
    await expect(new EmotionDetection({ model: broken, onModelFailure: 'throw' }).scan('hello', context)).rejects.toSatisfy(
      (error: unknown) => ModelUnavailableError.isInstance(error) || InvalidModelError.isInstance(error),
    );
  });

  it('refuses a model that lacks a blocked emotion', async () => {
    const scanner = new EmotionDetection({ model: model(['negative', 'neutral', 'positive'], 'single_label_classification'), onModelFailure: 'throw' });
    await expect(scanner.scan('hello', context)).rejects.toSatisfy(InvalidModelError.isInstance);
  });

  it.each([
    [{ blockedEmotions: ['rage'] }, { field: 'blockedEmotions', value: 'rage' }],
    [{ blockedEmotions: ['neutral'] }, { field: 'blockedEmotions', value: 'neutral' }],
    [{ blockedEmotions: [] }, { field: 'blockedEmotions' }],
    [{ mode: 'heuristic', blockedEmotions: ['anger', 'joy'] }, { field: 'blockedEmotions', value: 'joy' }],
    [{ mode: 'hybrid', blockedEmotions: ['love'] }, { field: 'blockedEmotions', value: 'love' }],
    [{ onModelFailure: 'fallback', blockedEmotions: ['joy'] }, { field: 'blockedEmotions', value: 'joy' }],
    [{ mode: 'rules' }, { field: 'mode', value: 'rules' }],
    [{ returnEmotions: 'yes' }, { field: 'returnEmotions', value: 'yes' }],
    [{ threshold: 2 }, { field: 'threshold', value: 2 }],
    [{ categories: ['anger'] }, { option: 'categories' }],
  ])('refuses %j', (config, details) => {
    expect(() => new EmotionDetection({ model: model(), ...(config as object) })).toThrow(InvalidConfigError);
    expect(() => new EmotionDetection({ model: model(), ...(config as object) })).toThrow(expect.objectContaining({ details: expect.objectContaining({ scanner: 'EmotionDetection', ...details }) }));
  });

  it('without a model, the sentiment lexicon answers as a proxy for the negative emotions (heuristic)', async () => {
    const scanner = new EmotionDetection();
    expect(scanner.config.mode).toBe('heuristic');
    const negative = await scanner.scan('I hate this, it is terrible and awful', context);
    expect(negative).toMatchObject({ valid: false, method: 'heuristic', threshold: 0.65 });
    expect(negative.findings.map((finding) => finding.category)).toContain('negative');
    expect((await scanner.scan('What a lovely day, thank you!', context)).valid).toBe(true);
  });

  it('hybrid: the lexicon gates the model; clearly positive text never reaches it', async () => {
    const scanner = new EmotionDetection({ model: model(), mode: 'hybrid' });
    expect((await scanner.scan('i hate this', context)).method).toBe('hybrid');
    const happy = await scanner.scan('this is great , i love it', context);
    expect(happy).toMatchObject({ valid: true, method: 'heuristic' });
  });

  it('falls back to the lexicon with onModelFailure fallback', async () => {
    const broken = { source: new FakeSource({}), runtime: new FakeRuntime({ logits }), id: 'missing' };
    const result = await new EmotionDetection({ model: broken, onModelFailure: 'fallback' }).scan('I hate this, it is terrible', context);
    expect(result).toMatchObject({ valid: false, method: 'fallback' });
  });
});

describe('OutputEmotionDetection', () => {
  it('scores only the output', async () => {
    const result = await scanOutput([new OutputEmotionDetection({ model: model() })], 'i hate this', 'this is great');
    expect(result.valid).toBe(true);
    const results = await new OutputEmotionDetection({ model: model() }).scanMany(['this is terrible', 'hello']);
    expect(results.map((result) => result.valid)).toEqual([false, true]);
    expect(results[0]!.findings[0]!.category).toBe('sadness');
  });
});
