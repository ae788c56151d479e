import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createLazyWebRuntime } from './lazy-web-runtime.js';
import { warmUpModelBytes } from './warm-up-model.js';

describe('createLazyWebRuntime', () => {
  it('imports onnxruntime-web only when a session is created or a warm-up is asked for', async () => {
    let imports = 0;
    const ort = await import('onnxruntime-web/wasm');
    const runtime = createLazyWebRuntime({
      intraOpThreads: 1,
      onnxruntime: async () => {
        imports++;
        return ort;
      },
    });
    expect(imports).toBe(0);
    runtime.warmUp();
    runtime.warmUp();
    const session = await runtime.createSession({ bytes: warmUpModelBytes() });
    expect(imports).toBe(1);
    expect(session.inputNames).toEqual(['x']);
    const out = await session.run({ x: { type: 'float32', dims: [1], data: new Float32Array([2.5]) } });
    expect(Array.from(out['y']!.data as Float32Array)).toEqual([2.5]);
    await session.dispose();
  });

  it('refuses WebGPU without an onnxruntime loader that has it, and a loader that is not a function', () => {
    expect(() => createLazyWebRuntime({ executionProviders: ['webgpu'] })).toThrow(InvalidConfigError);
    expect(() => createLazyWebRuntime({ onnxruntime: 'onnxruntime-web/webgpu' as never })).toThrow(InvalidConfigError);
    expect(() => createLazyWebRuntime({ intraOpThreads: 0 })).toThrow(InvalidConfigError);
  });
});
