import { readFileSync } from 'node:fs';
import { AbortedError, InferenceFailedError, InvalidConfigError, type TensorV1 } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createWebRuntime } from './web-runtime.js';

const model = { bytes: new Uint8Array(readFileSync(new URL('../../../models/fixtures/tiny-bert-injection/model.onnx', import.meta.url))) };
const int64 = (values: number[]): TensorV1 => ({ type: 'int64', dims: [1, values.length], data: BigInt64Array.from(values.map(BigInt)) });
const feeds = { input_ids: int64([101, 7592, 102]), attention_mask: int64([1, 1, 1]), token_type_ids: int64([0, 0, 0]) };

describe('createWebRuntime', () => {
  const runtime = createWebRuntime({ intraOpThreads: 1 });

  it('is an InferenceRuntimeV1 named onnxruntime-web', () => {
    expect(runtime).toMatchObject({ specificationVersion: 'v1', name: 'onnxruntime-web' });
  });
  it('refuses bad options', async () => {
    expect(() => createWebRuntime({ executionProviders: ['cuda' as never] })).toThrow(InvalidConfigError);
    await expect(runtime.createSession(model, { intraOpThreads: 0 })).rejects.toThrow(InvalidConfigError);
  });
  it('refuses a misspelled session option, in createSession and checkSessionOptions', async () => {
    expect(() => createWebRuntime({ intraOpThread: 1 } as never)).toThrow(expect.objectContaining({ details: { option: 'intraOpThread' } }));
    await expect(runtime.createSession(model, { graphOptimisationLevel: 'all' } as never)).rejects.toThrow(InvalidConfigError);
    expect(() => runtime.checkSessionOptions({ executionProvider: ['wasm'] } as never)).toThrow(InvalidConfigError);
  });
  it('refuses threads or wasmPaths that differ from the first session (onnxruntime-web reads them once)', async () => {
    const session = await runtime.createSession(model); // sets the environment: 1 thread
    await session.dispose();
    await expect(runtime.createSession(model, { intraOpThreads: 2 })).rejects.toThrow(
      expect.objectContaining({ code: 'LLMS_INVALID_CONFIG', details: expect.objectContaining({ field: 'intraOpThreads', value: 2 }) }),
    );
    expect(() => createWebRuntime({ intraOpThreads: 3 })).toThrow(expect.objectContaining({ details: expect.objectContaining({ field: 'intraOpThreads' }) }));
    expect(() => createWebRuntime({ wasmPaths: 'https://cdn.example/ort/' })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'wasmPaths' }) }),
    );
    // the same values, or none, are fine
    const again = await createWebRuntime({ intraOpThreads: 1 }).createSession(model);
    await again.dispose();
    const unset = await createWebRuntime().createSession(model);
    await unset.dispose();
  });
  it('reports WebGPU where there is none (Node) as InferenceFailedError', async () => {
    const error = await runtime.createSession(model, { executionProviders: ['webgpu'] }).catch((e: unknown) => e);
    expect(InferenceFailedError.isInstance(error), String(error)).toBe(true);
  });
  it('queues runs of one session and never starts one aborted while queued', async () => {
    const session = await runtime.createSession(model);
    const controller = new AbortController();
    const first = session.run(feeds);
    const queued = session.run(feeds, { signal: controller.signal });
    const third = session.run(feeds);
    controller.abort();
    const [a, b, c] = await Promise.allSettled([first, queued, third]);
    expect(a.status).toBe('fulfilled');
    expect(b.status === 'rejected' && AbortedError.isInstance(b.reason)).toBe(true);
    expect(c.status).toBe('fulfilled');
    await session.dispose();
  });
});
