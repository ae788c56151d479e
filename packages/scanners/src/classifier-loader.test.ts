import { InferenceFailedError, InvalidModelError, ModelUnavailableError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { classifierConfig, FakeRuntime, FakeSource, idOf, present, TOKENIZER_JSON } from '../test/fake-model.js';
import { acquireClassifier, disposeClassifiers, lastLoadFailure, loadedClassifier, modelKey } from './classifier-loader.js';
import { resolveModelOptions } from './model-options.js';
import { OutputToxicity, Toxicity } from './toxicity.js';

const context = { vault: new Vault() };
const TOXIC_LABELS = ['toxicity', 'insult'];
const toxicLogits = (ids: number[]) => [present(ids, 'stupid', 'idiot'), present(ids, 'idiot')];

describe('classifier loading', () => {
  it('shares one session between scanners with the same runtime, source and model id+variant', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(TOXIC_LABELS, 'multi_label_classification') } });
    const runtime = new FakeRuntime({ logits: toxicLogits });
    const model = { source, runtime, id: 'tox', variant: 'int8' as const };
    const input = new Toxicity({ model });
    const output = new OutputToxicity({ model });
    const [a, b] = await Promise.all([input.scan('you are stupid', context), output.scan('', 'hello world', context)]);
    expect(a).toMatchObject({ method: 'ml', valid: false, model: { id: 'tox', variant: 'int8' } });
    expect(b).toMatchObject({ method: 'ml', valid: true });
    await input.scan('hello', context);
    expect(runtime.sessionsCreated).toBe(1);
    expect(source.resolves.get('tox')).toBe(1);
    // another variant is another model
    await new Toxicity({ model: { ...model, variant: 'fp32' } }).scan('hello', context);
    expect(runtime.sessionsCreated).toBe(2);
  });

  it('passes session options and the model bytes to the runtime', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(TOXIC_LABELS) } });
    const runtime = new FakeRuntime({ logits: toxicLogits });
    await new Toxicity({ model: { source, runtime, id: 'tox', sessionOptions: { intraOpThreads: 1 } } }).scan('hi', context);
    expect(runtime.sessionOptions).toEqual([{ intraOpThreads: 1 }]);
    expect(new TextDecoder().decode((runtime.models[0] as { bytes: Uint8Array }).bytes)).toBe('onnx:tox');
  });

  it('feeds exactly the declared inputs as int64: with token_type_ids', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(TOXIC_LABELS) } });
    const runtime = new FakeRuntime({ logits: toxicLogits });
    await new Toxicity({ model: { source, runtime, id: 'tox' } }).scan('hello world', context);
    const run = runtime.runs[0]!;
    expect(run.names).toEqual(['input_ids', 'attention_mask', 'token_type_ids']);
    expect(run.types).toEqual(['int64', 'int64', 'int64']);
    expect(run.rows[0]).toEqual([idOf('[CLS]'), idOf('hello'), idOf('world'), idOf('[SEP]')]);
    expect(run.typeRows?.[0]).toEqual([0, 0, 0, 0]);
  });

  it('feeds exactly the declared inputs: without token_type_ids', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(TOXIC_LABELS), tokenizerConfig: { model_input_names: ['input_ids', 'attention_mask'] } } });
    const runtime = new FakeRuntime({ logits: toxicLogits, inputNames: ['input_ids', 'attention_mask'] });
    await new Toxicity({ model: { source, runtime, id: 'tox' } }).scan('hello world', context);
    expect(runtime.runs[0]!.names).toEqual(['input_ids', 'attention_mask']);
  });

  it('refuses a graph with inputs it cannot feed (InvalidModelError)', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(TOXIC_LABELS) } });
    const runtime = new FakeRuntime({ logits: toxicLogits, inputNames: ['input_ids', 'pixel_values'] });
    const scanner = new Toxicity({ model: { source, runtime, id: 'tox' }, useFallback: false });
    await expect(scanner.scan('hello', context)).rejects.toSatisfy(InvalidModelError.isInstance);
  });

  it('falls back with the reason when the model is unavailable, and raises ModelUnavailableError without fallback', async () => {
    const source = new FakeSource({});
    source.failure = new Error('offline and not cached');
    const runtime = new FakeRuntime({ logits: toxicLogits });
    const blocked = await new Toxicity({ model: { source, runtime, id: 'tox', retryAfterMs: 0 } }).scan('hello', context);
    expect(blocked).toMatchObject({ valid: false, score: 1, method: 'failed-closed', failure: { code: 'LLMS_MODEL_UNAVAILABLE' } });
    const result = await new Toxicity({ model: { source, runtime, id: 'tox', retryAfterMs: 0 }, onModelFailure: 'fallback' }).scan('You are a stupid idiot', context);
    expect(result.method).toBe('fallback');
    expect(result.fallbackReason).toMatch(/Model tox is unavailable: offline and not cached/);
    expect(result.valid).toBe(false); // the heuristic answered
    const strict = new Toxicity({ model: { source, runtime, id: 'tox', retryAfterMs: 0 }, useFallback: false });
    await expect(strict.scan('hello', context)).rejects.toSatisfy(ModelUnavailableError.isInstance);
  });

  it('reports a remembered failed load on every scan through the policy, never valid', async () => {
    const source = new FakeSource({});
    source.failure = new Error('hub down');
    const runtime = new FakeRuntime({ logits: toxicLogits });
    const scanner = new Toxicity({ model: { source, runtime, id: 'tox', retryAfterMs: 60_000 } });
    for (let k = 0; k < 3; k++) {
      expect(await scanner.scan('hello', context)).toMatchObject({ valid: false, method: 'failed-closed', failure: { code: 'LLMS_MODEL_UNAVAILABLE' } });
    }
    expect(source.resolves.get('tox')).toBe(1);
  });

  it('does not cache a failed load forever: remembers it for retryAfterMs, then retries', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(TOXIC_LABELS) } });
    source.failure = new Error('hub down');
    const runtime = new FakeRuntime({ logits: toxicLogits });
    const model = resolveModelOptions('T', { source, runtime, id: 'tox', retryAfterMs: 1000 })!;
    let now = 0;
    await expect(acquireClassifier(model, undefined, () => now)).rejects.toSatisfy(ModelUnavailableError.isInstance);
    expect(lastLoadFailure(model)?.message).toMatch(/hub down/);
    now = 999;
    await expect(acquireClassifier(model, undefined, () => now)).rejects.toThrow(/hub down/);
    expect(source.resolves.get('tox')).toBe(1); // remembered, not retried
    source.failure = undefined;
    now = 1000;
    const loaded = await acquireClassifier(model, undefined, () => now);
    expect(loaded.labels).toEqual(TOXIC_LABELS);
    expect(source.resolves.get('tox')).toBe(2);
    expect(lastLoadFailure(model)).toBeUndefined();
    await disposeClassifiers(runtime);
    await acquireClassifier(model, undefined, () => now);
    expect(runtime.sessionsCreated).toBe(2);
  });

  it('loadedClassifier gives a finished load without waiting, and nothing before it, after a failure or a dispose', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(TOXIC_LABELS) } });
    source.failure = new Error('hub down');
    const runtime = new FakeRuntime({ logits: toxicLogits });
    const model = resolveModelOptions('T', { source, runtime, id: 'tox', retryAfterMs: 0 })!;
    expect(loadedClassifier(model)).toBeUndefined();
    await expect(acquireClassifier(model)).rejects.toThrow(/hub down/);
    expect(loadedClassifier(model)).toBeUndefined();
    source.failure = undefined;
    const pending = acquireClassifier(model);
    expect(loadedClassifier(model)).toBeUndefined();
    const loaded = await pending;
    expect(loadedClassifier(model)).toBe(loaded);
    // equal options (another object) find the same classifier; the key of frozen options is stable
    expect(loadedClassifier(resolveModelOptions('T', { source, runtime, id: 'tox', retryAfterMs: 0 })!)).toBe(loaded);
    expect(modelKey(model)).toBe(modelKey(model));
    await disposeClassifiers(runtime);
    expect(loadedClassifier(model)).toBeUndefined();
    // a scanner loads it again after the dispose
    expect((await new Toxicity({ model: { source, runtime, id: 'tox' } }).scan('you are stupid', context)).valid).toBe(false);
    expect(runtime.sessionsCreated).toBe(2);
  });

  it('maps a failing createSession to InferenceFailedError', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(TOXIC_LABELS) } });
    const runtime = new FakeRuntime({ logits: toxicLogits, createError: new Error('bad backend') });
    const scanner = new Toxicity({ model: { source, runtime, id: 'tox' }, useFallback: false });
    await expect(scanner.scan('hello', context)).rejects.toSatisfy(InferenceFailedError.isInstance);
  });

  it.each([
    ['corrupt JSON', '{"id2label": '],
    ['no id2label', { architectures: ['X'] }],
    ['sparse id2label', { id2label: { 0: 'a', 2: 'b' } }],
  ])('corrupt config.json (%s) → InvalidModelError, or fallback citing it', async (_name, config) => {
    const source = new FakeSource({ tox: { config } });
    const runtime = new FakeRuntime({ logits: toxicLogits });
    const strict = new Toxicity({ model: { source, runtime, id: 'tox', retryAfterMs: 0 }, useFallback: false });
    await expect(strict.scan('hello', context)).rejects.toSatisfy(InvalidModelError.isInstance);
    const blocked = await new Toxicity({ model: { source, runtime, id: 'tox', retryAfterMs: 0 } }).scan('hello', context);
    expect(blocked).toMatchObject({ method: 'failed-closed', valid: false, failure: { code: 'LLMS_INVALID_MODEL' } });
    const lenient = await new Toxicity({ model: { source, runtime, id: 'tox', retryAfterMs: 0 }, onModelFailure: 'fallback' }).scan('hello', context);
    expect(lenient).toMatchObject({ method: 'fallback', valid: true });
    expect(lenient.fallbackReason).toMatch(/config\.json|id2label/);
  });

  it('an unusable tokenizer.json → InvalidModelError', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(TOXIC_LABELS), tokenizer: { model: { type: 'Nope' } } } });
    const runtime = new FakeRuntime({ logits: toxicLogits });
    const scanner = new Toxicity({ model: { source, runtime, id: 'tox' }, useFallback: false });
    await expect(scanner.scan('hello', context)).rejects.toSatisfy(InvalidModelError.isInstance);
  });

  it('shares one tokenizer between models whose tokenizer files are identical, across runtimes', async () => {
    const config = classifierConfig(TOXIC_LABELS);
    const other = { ...TOKENIZER_JSON, post_processor: null };
    const source = new FakeSource({
      a: { config },
      b: { config },
      c: { config, tokenizerConfig: { model_max_length: 128 } },
      d: { config, tokenizer: other },
    });
    const load = (id: string, runtime = new FakeRuntime({ logits: toxicLogits })) => {
      const model = resolveModelOptions('Toxicity', { source, runtime, id });
      if (!model) throw new Error('no model options');
      return acquireClassifier(model);
    };
    const [a, b, c, d] = await Promise.all([load('a'), load('b'), load('c'), load('d')]);
    expect(b.tokenizer).toBe(a.tokenizer);
    expect(b.session).not.toBe(a.session);
    // another tokenizer_config.json or tokenizer.json is another tokenizer
    expect(c.tokenizer).not.toBe(a.tokenizer);
    expect(c.tokenizer.modelMaxLength).toBe(128);
    expect(d.tokenizer).not.toBe(a.tokenizer);
    expect(d.tokenizer.specialTokenCount).toBe(0);
    expect((await load('a')).tokenizer).toBe(a.tokenizer);
  });
});
