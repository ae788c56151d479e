import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { toOrtNodeSessionOptions } from './session-options.js';

describe('toOrtNodeSessionOptions', () => {
  it('defaults to CPU with full graph optimisation', () => {
    expect(toOrtNodeSessionOptions()).toEqual({
      executionProviders: ['cpu'],
      graphOptimizationLevel: 'all',
      enableCpuMemArena: true,
      enableMemPattern: true,
    });
  });
  it('maps threads, providers and memory options', () => {
    expect(
      toOrtNodeSessionOptions({ intraOpThreads: 1, interOpThreads: 2, executionProviders: ['cuda', 'cpu'], enableCpuMemArena: false, graphOptimizationLevel: 'basic' }),
    ).toEqual({
      executionProviders: ['cuda', 'cpu'],
      graphOptimizationLevel: 'basic',
      intraOpNumThreads: 1,
      interOpNumThreads: 2,
      enableCpuMemArena: false,
      enableMemPattern: true,
    });
  });
  it('passes session configuration entries through as onnxruntime extra', () => {
    expect(toOrtNodeSessionOptions({ configEntries: { 'session.disable_prepacking': '1' } }).extra).toEqual({ 'session.disable_prepacking': '1' });
    expect(toOrtNodeSessionOptions({ configEntries: {} })).not.toHaveProperty('extra');
  });
  it.each([{ configEntries: { x: 1 } as never }, { configEntries: { '': '1' } }, { intraOpThreads: 0 }, { interOpThreads: 1.5 }, { executionProviders: [] }, { executionProviders: ['tpu' as never] }, { graphOptimizationLevel: 'max' as never }])(
    'rejects %j',
    (options) => {
      expect(() => toOrtNodeSessionOptions(options)).toThrow(InvalidConfigError);
    },
  );
});
