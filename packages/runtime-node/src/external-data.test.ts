/**
 * Models with external data (`model.onnx` + `model.onnx.data` beside it, initializers at page-aligned offsets, as
 * tools/production-shaped/build.py's `-ext` variants): runtime-node loads them by path, where onnxruntime resolves
 * the data file relative to the model's folder (and memory-maps it). Fixture: test/fixtures/external-data/make.py.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidModelError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createNodeRuntime } from './node-runtime.js';

const path = fileURLToPath(new URL('../test/fixtures/external-data/model.onnx', import.meta.url));
const x = Float32Array.from([1, 0.5, 0.25, 0.125]);
/** y = x · W + b with W[i][j] = (256 i + j) / 1024 and b[j] = −j / 256 (see make.py). */
const expected = Array.from({ length: 256 }, (_, j) => [0, 1, 2, 3].reduce((sum, i) => sum + (x[i] as number) * ((256 * i + j) / 1024), 0) - j / 256);

describe('models with external data', () => {
  it('loads by path and computes with the weights of the data file, with and without the lean memory options', async () => {
    const runtime = createNodeRuntime({ intraOpThreads: 1, logSeverityLevel: 4 });
    for (const options of [{}, { enableCpuMemArena: false, configEntries: { 'session.disable_prepacking': '1' } }]) {
      const session = await runtime.createSession({ path }, options);
      expect(session.inputNames).toEqual(['x']);
      const { y } = await session.run({ x: { type: 'float32', dims: [1, 4], data: x } });
      expect(y?.dims).toEqual([1, 256]);
      Array.from(y?.data as Float32Array).forEach((value, j) => expect(value).toBeCloseTo(expected[j] as number, 4));
      await session.dispose();
    }
  });

  it('cannot load from bytes alone (the data file is found relative to a path): InvalidModelError saying so', async () => {
    const runtime = createNodeRuntime({ intraOpThreads: 1, logSeverityLevel: 4 });
    const error = await runtime.createSession({ bytes: new Uint8Array(readFileSync(path)) }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(InvalidModelError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/must be given as \{ path \}/);
  });
});
