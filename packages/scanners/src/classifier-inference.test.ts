import { InferenceFailedError, Vault, type TensorV1 } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { classifierConfig, FakeRuntime, FakeSource, idOf, present } from '../test/fake-model.js';
import { sigmoid, softmax } from './activation.js';
import { bucketByLength } from './classifier-inference.js';
import { Toxicity } from './toxicity.js';

/** A Toxicity scanner over a fake runtime whose `run` also copies every feed's raw elements (padding included). */
function recordingScanner(options: { variant?: 'fp32' | 'int8'; batchSize?: number; afterRun?: (feeds: Record<string, TensorV1>) => void; beforeRun?: () => Promise<void> } = {}) {
  const source = new FakeSource({ tox: { config: classifierConfig(['toxicity']) } });
  const runtime = new FakeRuntime({ logits: (ids) => [present(ids, 'stupid')], ...(options.beforeRun ? { beforeRun: options.beforeRun } : {}) });
  const raw: Array<{ dims: number[]; ids: number[]; mask: number[]; types: number[] }> = [];
  const create = runtime.createSession.bind(runtime);
  runtime.createSession = async (model, sessionOptions) => {
    const session = await create(model, sessionOptions);
    return {
      ...session,
      run: async (feeds, runOptions) => {
        const copy = (name: string) => Array.from(feeds[name]!.data as BigInt64Array, Number);
        const outputs = await session.run(feeds, runOptions);
        raw.push({ dims: [...feeds.input_ids!.dims], ids: copy('input_ids'), mask: copy('attention_mask'), types: copy('token_type_ids') });
        options.afterRun?.(feeds);
        return outputs;
      },
    };
  };
  const scanner = new Toxicity({ model: { source, runtime, id: 'tox', variant: options.variant ?? 'fp32' }, batchSize: options.batchSize ?? 2 });
  return { scanner, runtime, raw };
}

const [CLS, SEP, PAD] = [idOf('[CLS]'), idOf('[SEP]'), idOf('[PAD]')];

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

  it('reuses its feed buffers from run to run without stale ids: every element of each feed is written', async () => {
    const { scanner, raw } = recordingScanner();
    const long = 'hello world you are stupid';
    const longIds = [CLS, idOf('hello'), idOf('world'), idOf('you'), idOf('are'), idOf('stupid'), SEP];
    await scanner.scanMany([long, 'nice']);
    await scanner.scan('nice', context);
    await scanner.scanMany([long, long]);
    await scanner.scanMany(['nice', 'today']);
    await scanner.scanMany([long, 'nice']);
    const nicePadded = [CLS, idOf('nice'), SEP, PAD, PAD, PAD, PAD];
    expect(raw.map((run) => run.dims)).toEqual([[2, 7], [1, 3], [2, 7], [2, 3], [2, 7]]);
    expect(raw[0]).toEqual({ dims: [2, 7], ids: [...nicePadded, ...longIds], mask: [1, 1, 1, 0, 0, 0, 0, ...longIds.map(() => 1)], types: new Array(14).fill(0) });
    expect(raw[1]).toEqual({ dims: [1, 3], ids: [CLS, idOf('nice'), SEP], mask: [1, 1, 1], types: [0, 0, 0] });
    expect(raw[2]!.ids).toEqual([...longIds, ...longIds]);
    expect(raw[3]!.ids).toEqual([CLS, idOf('nice'), SEP, CLS, idOf('today'), SEP]);
    // the same shape as the first run again: the same feeds, refilled
    expect(raw[4]).toEqual(raw[0]);
  });

  it('concurrent scans never share feed buffers: each run reads its own text', async () => {
    const { scanner, raw } = recordingScanner({ variant: 'int8', beforeRun: () => new Promise((resolve) => setTimeout(resolve, 1)) });
    const texts = ['you are stupid', 'nice', 'hello world', 'stupid', 'the weather today is nice', 'i hate this'];
    const results = await Promise.all(texts.map((text) => scanner.scan(text, context)));
    expect(results.map((result) => result.valid)).toEqual([false, true, true, false, true, true]);
    const tokens = (text: string) => [CLS, ...text.split(' ').map((word) => idOf(word as never)), SEP];
    expect(raw.map((run) => run.ids).sort()).toEqual(texts.map(tokens).sort());
  });

  it('a runtime that takes the feed memory away (transferred to a worker) gets fresh buffers next time', async () => {
    const { scanner, raw } = recordingScanner({
      afterRun: (feeds) => {
        const buffer = feeds.input_ids!.data.buffer;
        structuredClone(buffer, { transfer: [buffer as ArrayBuffer] });
      },
    });
    expect((await scanner.scan('you are stupid', context)).valid).toBe(false);
    expect((await scanner.scan('you are nice', context)).valid).toBe(true);
    expect(raw[1]!.ids).toEqual([CLS, idOf('you'), idOf('are'), idOf('nice'), SEP]);
  });
});
