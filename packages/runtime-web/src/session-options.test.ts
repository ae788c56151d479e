import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { toOrtWebSessionOptions } from './session-options.js';

describe('toOrtWebSessionOptions', () => {
  it('defaults to WASM with full graph optimisation', () => {
    expect(toOrtWebSessionOptions()).toEqual({ session: { executionProviders: ['wasm'], graphOptimizationLevel: 'all' } });
  });
  it('returns WASM threads apart from the session options', () => {
    expect(toOrtWebSessionOptions({ executionProviders: ['webgpu', 'wasm'], intraOpThreads: 2 })).toEqual({
      session: { executionProviders: ['webgpu', 'wasm'], graphOptimizationLevel: 'all' },
      wasmThreads: 2,
    });
  });
  it.each([{ executionProviders: ['cpu' as never] }, { intraOpThreads: -1 }, { graphOptimizationLevel: 'x' as never }])('rejects %j', (options) => {
    expect(() => toOrtWebSessionOptions(options)).toThrow(InvalidConfigError);
  });
});
