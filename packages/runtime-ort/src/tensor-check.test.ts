import { InferenceFailedError, type TensorV1 } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { checkFeeds, checkTensor, typedArrayName } from './tensor-check.js';

const ids: TensorV1 = { type: 'int64', dims: [1, 2], data: new BigInt64Array(2) };

function reasonOf(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    expect(InferenceFailedError.isInstance(error)).toBe(true);
    return (error as InferenceFailedError).details.reason;
  }
  throw new Error('expected a throw');
}

describe('checkTensor', () => {
  it('accepts each type with its typed array', () => {
    const ok: TensorV1[] = [
      { type: 'float32', dims: [2], data: new Float32Array(2) },
      { type: 'float16', dims: [2], data: new Uint16Array(2) },
      { type: 'int32', dims: [0, 3], data: new Int32Array(0) },
      { type: 'int8', dims: [1], data: new Int8Array(1) },
      { type: 'uint8', dims: [], data: new Uint8Array(1) },
      { type: 'bool', dims: [1], data: new Uint8Array(1) },
      ids,
    ];
    for (const tensor of ok) expect(() => checkTensor('x', tensor)).not.toThrow();
  });
  it.each([
    ['a wrong typed array', { type: 'int64', dims: [2], data: new Int32Array(2) }],
    ['an unknown type', { type: 'float64', dims: [1], data: new Float64Array(1) }],
    ['dims that do not match the data', { type: 'float32', dims: [3], data: new Float32Array(2) }],
    ['negative or fractional dims', { type: 'float32', dims: [-1, 1.5], data: new Float32Array(2) }],
    ['plain arrays', { type: 'float32', dims: [1], data: [1] }],
  ])('rejects %s', (_label, tensor) => {
    expect(reasonOf(() => checkTensor('x', tensor as unknown as TensorV1))).toBe('invalid-tensor');
  });
  it('names typed arrays, also from other realms, and nothing else', () => {
    expect(typedArrayName(new BigInt64Array(1))).toBe('BigInt64Array');
    expect(typedArrayName(new DataView(new ArrayBuffer(1)))).toBeUndefined();
    expect(typedArrayName([1])).toBeUndefined();
  });
});

describe('checkFeeds', () => {
  it('wants exactly the declared inputs', () => {
    expect(() => checkFeeds(['input_ids'], { input_ids: ids })).not.toThrow();
    expect(reasonOf(() => checkFeeds(['input_ids', 'attention_mask'], { input_ids: ids }))).toBe('missing-input');
    expect(reasonOf(() => checkFeeds(['input_ids'], { input_ids: ids, token_type_ids: ids }))).toBe('unexpected-input');
    expect(reasonOf(() => checkFeeds(['input_ids'], null as never))).toBe('invalid-tensor');
  });
  it('lists what is missing and what is undeclared', () => {
    try {
      checkFeeds(['a', 'b'], { b: ids, c: ids });
    } catch (error) {
      expect((error as InferenceFailedError).details).toMatchObject({ missing: ['a'], unexpected: ['c'], expected: ['a', 'b'] });
      return;
    }
    throw new Error('expected a throw');
  });
});
