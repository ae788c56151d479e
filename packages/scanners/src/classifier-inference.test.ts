import { InferenceFailedError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { classifierConfig, FakeRuntime, FakeSource, present } from '../test/fake-model.js';
import { sigmoid, softmax } from './activation.js';
import { bucketByLength } from './classifier-inference.js';
import { Toxicity } from './toxicity.js';

const context = { vault: new Vault() };

describe('classifier inference', () => {
  it('softmax for single-label heads, sigmoid for multi_label_classification (problem_type)', async () => {
    const logits = (ids: number[]) => [present(ids, 'stupid'), present(ids, 'idiot')];
    const scan = async (problemType?: string) => {
      const source = new FakeSource({ tox: { config: classifierConfig(['toxicity', 'insult'], problemType) } });
      const scanner = new Toxicity({ model: { source, runtime: new FakeRuntime({ logits }), id: 'tox' } });
      return scanner.scan('you are stupid', context);
    };
    const single = await scan();
    expect(single.score).toBeCloseTo(softmax([4, -4])[0]!, 6);
    const multi = await scan('multi_label_classification');
    expect(multi.score).toBeCloseTo(sigmoid([4])[0]!, 6);
    expect(multi.findings.map((f) => [f.category, Number(f.score.toFixed(3))])).toEqual([['toxic', 0.982], ['insult', 0.018]]);
  });

  it('buckets sequences by length so that short texts are not padded to the longest', async () => {
    expect(bucketByLength([5, 1, 4, 2, 3], 2)).toEqual([[1, 3], [4, 2], [0]]);
    const source = new FakeSource({ tox: { config: classifierConfig(['toxicity']) } });
    const runtime = new FakeRuntime({ logits: (ids) => [present(ids, 'stupid')] });
    const scanner = new Toxicity({ model: { source, runtime, id: 'tox' }, batchSize: 2 });
    const texts = ['hello world you are stupid and bad', 'hello', 'you are stupid today', 'nice', 'you are nice today'];
    const results = await scanner.scanMany(texts);
    expect(results.map((r) => r.valid)).toEqual([false, true, false, true, true]);
    expect(runtime.runs.map((run) => run.dims)).toEqual([[2, 3], [2, 6], [1, 9]]);
    // each row's own ids, unpadded, came back in order
    expect(runtime.runs[0]!.rows.map((row) => row.length)).toEqual([3, 3]);
  });

  it('dynamically quantised variants (int8, quantized) run one sequence per call: batch neighbours cannot change a score', async () => {
    for (const variant of ['int8', 'quantized'] as const) {
      const source = new FakeSource({ tox: { config: classifierConfig(['toxicity']) } });
      const runtime = new FakeRuntime({ logits: (ids) => [present(ids, 'stupid')] });
      const scanner = new Toxicity({ model: { source, runtime, id: 'tox', variant }, batchSize: 4 });
      const texts = ['hello world you are stupid and bad', 'hello', 'you are stupid today', 'nice'];
      const results = await scanner.scanMany(texts);
      expect(results.map((r) => r.valid)).toEqual([false, true, false, true]);
      expect(runtime.runs.map((run) => run.dims[0])).toEqual([1, 1, 1, 1]);
      expect(runtime.runs.map((run) => run.dims[1]).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([3, 3, 6, 9]);
    }
    const fp32 = new FakeRuntime({ logits: (ids) => [present(ids, 'stupid')] });
    const source = new FakeSource({ tox: { config: classifierConfig(['toxicity']) } });
    await new Toxicity({ model: { source, runtime: fp32, id: 'tox', variant: 'fp32' }, batchSize: 4 }).scanMany(['a b', 'c', 'd e f', 'g']);
    expect(fp32.runs.map((run) => run.dims[0])).toEqual([4]);
  });

  it('wrong logits width → InferenceFailedError: failed closed by default, fallback citing the shape, or thrown', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(['toxicity', 'insult']) } });
    const runtime = new FakeRuntime({ logits: () => [1, 2, 3] });
    const strict = new Toxicity({ model: { source, runtime, id: 'tox' }, onModelFailure: 'throw' });
    await expect(strict.scan('hello', context)).rejects.toSatisfy(InferenceFailedError.isInstance);
    const blocked = await new Toxicity({ model: { source, runtime, id: 'tox' } }).scan('hello', context);
    expect(blocked).toMatchObject({ valid: false, score: 1, method: 'failed-closed', failure: { code: 'LLMS_INFERENCE_FAILED' } });
    expect(blocked.failure?.message).toMatch(/logits have shape \[1, 3\], expected \[1, 2\]/);
    const lenient = await new Toxicity({ model: { source, runtime, id: 'tox' }, onModelFailure: 'fallback' }).scan('hello', context);
    expect(lenient.method).toBe('fallback');
    expect(lenient.fallbackReason).toMatch(/logits have shape \[1, 3\], expected \[1, 2\]/);
  });

  it.each([
    ['NaN logits', () => [Number.NaN, 0]],
    ['infinite logits', () => [Number.POSITIVE_INFINITY, 0]],
  ])('%s → InferenceFailedError → the failure policy, never a silent 0', async (_name, logits) => {
    const source = new FakeSource({ tox: { config: classifierConfig(['toxicity', 'insult']) } });
    const runtime = new FakeRuntime({ logits });
    const blocked = await new Toxicity({ model: { source, runtime, id: 'tox' } }).scan('hello', context);
    expect(blocked).toMatchObject({ valid: false, method: 'failed-closed', failure: { code: 'LLMS_INFERENCE_FAILED' } });
    await expect(new Toxicity({ model: { source, runtime, id: 'tox' }, onModelFailure: 'throw' }).scan('hello', context)).rejects.toSatisfy(
      InferenceFailedError.isInstance,
    );
  });

  it('logits of the wrong dtype → InferenceFailedError', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(['toxicity']) } });
    const runtime = new FakeRuntime({ logits: () => [0] });
    const create = runtime.createSession.bind(runtime);
    runtime.createSession = async (model, options) => {
      const session = await create(model, options);
      return { ...session, run: async () => ({ logits: { type: 'int32', dims: [1, 1], data: Int32Array.from([1]) } }) };
    };
    const blocked = await new Toxicity({ model: { source, runtime, id: 'tox' } }).scan('hello', context);
    expect(blocked).toMatchObject({ valid: false, method: 'failed-closed', failure: { code: 'LLMS_INFERENCE_FAILED' } });
    expect(blocked.failure?.message).toMatch(/logits are int32/);
  });

  it('a reader giving a non-finite score is failed closed, not scored 0', async () => {
    // A single-label sigmoid head whose logit is finite but whose reader would see NaN cannot happen through the
    // runtime; the engine still refuses a NaN score from createScanResult (see core's result test) per policy.
    const source = new FakeSource({ tox: { config: classifierConfig(['toxicity']) } });
    const runtime = new FakeRuntime({ logits: () => [Number.NaN] });
    const result = await new Toxicity({ model: { source, runtime, id: 'tox' }, onModelFailure: 'fallback' }).scan('You are a stupid idiot', context);
    expect(result).toMatchObject({ method: 'fallback', valid: false });
    expect(result.fallbackReason).toMatch(/NaN/);
  });

  it('a failing run → InferenceFailedError, or fallback', async () => {
    const source = new FakeSource({ tox: { config: classifierConfig(['toxicity']) } });
    const runtime = new FakeRuntime({ logits: () => [0], runError: new Error('out of memory') });
    await expect(new Toxicity({ model: { source, runtime, id: 'tox' }, useFallback: false }).scan('hi', context)).rejects.toSatisfy(
      InferenceFailedError.isInstance,
    );
    const blocked = await new Toxicity({ model: { source, runtime, id: 'tox' } }).scan('hi', context);
    expect(blocked).toMatchObject({ valid: false, method: 'failed-closed', failure: { code: 'LLMS_INFERENCE_FAILED' } });
    expect(blocked.explanation).toMatch(/^failed closed: model tox could not answer \(LLMS_INFERENCE_FAILED\).*out of memory/);
    const result = await new Toxicity({ model: { source, runtime, id: 'tox' }, useFallback: true }).scan('hi', context);
    expect(result).toMatchObject({ method: 'fallback' });
    expect(result.fallbackReason).toMatch(/out of memory/);
  });
});
