import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { InferenceFailedError, InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createNodeRuntime } from './node-runtime.js';

// Keep onnxruntime's native log quiet when the CUDA provider library is missing (the typed error says it).
ort.env.logLevel = 'fatal';

const model = { bytes: new Uint8Array(readFileSync(new URL('../../../models/fixtures/tiny-bert-injection/model.onnx', import.meta.url))) };

describe('createNodeRuntime', () => {
  it('is an InferenceRuntimeV1 named onnxruntime-node', () => {
    const runtime = createNodeRuntime();
    expect(runtime).toMatchObject({ specificationVersion: 'v1', name: 'onnxruntime-node' });
  });
  it('refuses bad defaults at once and bad session options on creation', async () => {
    expect(() => createNodeRuntime({ intraOpThreads: 0 })).toThrow(InvalidConfigError);
    expect(() => createNodeRuntime({ logSeverityLevel: 7 as never })).toThrow(InvalidConfigError);
    const runtime = createNodeRuntime();
    await expect(runtime.createSession(model, { graphOptimizationLevel: 'max' as never })).rejects.toThrow(InvalidConfigError);
  });
  it('refuses misspelled options: in the defaults, in createSession and in checkSessionOptions', async () => {
    expect(() => createNodeRuntime({ intraOpThread: 1 } as never)).toThrow(expect.objectContaining({ details: { option: 'intraOpThread' } }));
    const runtime = createNodeRuntime({ logSeverityLevel: 4 });
    await expect(runtime.createSession(model, { enableCpuMemoryArena: false } as never)).rejects.toThrow(InvalidConfigError);
    expect(() => runtime.checkSessionOptions({ graphOptimisationLevel: 'all' } as never)).toThrow(
      expect.objectContaining({ details: { option: 'graphOptimisationLevel' } }),
    );
    expect(() => runtime.checkSessionOptions({ intraOpThreads: 1, logSeverityLevel: 3 })).not.toThrow();
  });
  it('takes per-session options over the defaults', async () => {
    const runtime = createNodeRuntime({ executionProviders: ['cuda'], logSeverityLevel: 4 });
    const session = await runtime.createSession(model, { executionProviders: ['cpu'], intraOpThreads: 1, graphOptimizationLevel: 'disabled', enableCpuMemArena: false, enableMemPattern: false });
    expect(session.inputNames).toEqual(['input_ids', 'attention_mask', 'token_type_ids']);
    await session.dispose();
  });
  it('passes session configuration entries to onnxruntime, and the session still runs', async () => {
    const runtime = createNodeRuntime({ logSeverityLevel: 4 });
    const plain = await runtime.createSession(model, { intraOpThreads: 1 });
    const unpacked = await runtime.createSession(model, { intraOpThreads: 1, configEntries: { 'session.disable_prepacking': '1' } });
    const ids = BigInt64Array.from([101n, 7592n, 102n]);
    const feeds = {
      input_ids: { type: 'int64' as const, dims: [1, 3], data: ids },
      attention_mask: { type: 'int64' as const, dims: [1, 3], data: BigInt64Array.from([1n, 1n, 1n]) },
      token_type_ids: { type: 'int64' as const, dims: [1, 3], data: BigInt64Array.from([0n, 0n, 0n]) },
    };
    const [a, b] = [await plain.run(feeds), await unpacked.run(feeds)];
    const [expected, actual] = [Array.from(a.logits!.data as Float32Array), Array.from(b.logits!.data as Float32Array)];
    expect(actual).toHaveLength(expected.length);
    actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 5));
    await Promise.all([plain.dispose(), unpacked.dispose()]);
  });
  it('reports an execution provider that cannot load as InferenceFailedError with details', async () => {
    const runtime = createNodeRuntime({ intraOpThreads: 1, logSeverityLevel: 4 });
    const outcome: unknown = await runtime.createSession(model, { executionProviders: ['cuda'] }).catch((e: unknown) => e);
    if (outcome instanceof Error || !(typeof outcome === 'object' && outcome !== null && 'run' in outcome)) {
      // No usable CUDA here: the failure must be the typed error with its details, nothing else.
      expect(InferenceFailedError.isInstance(outcome)).toBe(true);
      expect((outcome as InferenceFailedError).details).toMatchObject({ bytes: model.bytes.byteLength, executionProviders: ['cuda'] });
    } else {
      // A CUDA machine (test/cuda.test.ts covers it further): the session is a working one.
      const session = outcome as Awaited<ReturnType<typeof runtime.createSession>>;
      expect(session.inputNames).toContain('input_ids');
      await session.dispose();
    }
  });
});
