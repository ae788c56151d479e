import { AbortedError, type TensorV1 } from '@llm-shield/core';
import type { InferenceSession, Tensor as OrtTensor } from 'onnxruntime-common';
import { describe, expect, it } from 'vitest';
import { runOrtSession, type OrtRunTarget } from './ort-session.js';
import type { OrtTensorConstructor } from './ort-tensor.js';

/** A stand-in for `ort.Tensor`: keeps what it was made from; counts how many were made. */
let made = 0;
class FakeTensor {
  constructor(
    readonly type: string,
    readonly data: ArrayLike<unknown>,
    readonly dims: readonly number[],
  ) {
    made++;
  }
}

/** A target whose run echoes input_ids' first element as a float32 `out`, and records the tensors it was given. */
function echoTarget(seen: Array<Record<string, OrtTensor>>): OrtRunTarget {
  return {
    inputNames: ['input_ids'],
    outputNames: ['out'],
    Tensor: FakeTensor as unknown as OrtTensorConstructor,
    start: async (feeds) => {
      seen.push(feeds);
      const ids = feeds.input_ids!.data as BigInt64Array;
      return { out: new FakeTensor('float32', Float32Array.of(Number(ids[0])), [1]) } as unknown as InferenceSession.OnnxValueMapType;
    },
  };
}

describe('runOrtSession', () => {
  it('reuses the onnxruntime tensor of a feed object run again, which then reads the new contents', async () => {
    const seen: Array<Record<string, OrtTensor>> = [];
    const target = echoTarget(seen);
    const data = BigInt64Array.of(7n, 8n);
    const feed: TensorV1 = { type: 'int64', dims: [1, 2], data };
    made = 0;
    expect(Array.from((await runOrtSession(target, { input_ids: feed }, undefined)).out!.data as ArrayLike<number>)).toEqual([7]);
    data[0] = 9n;
    expect(Array.from((await runOrtSession(target, { input_ids: feed }, undefined)).out!.data as ArrayLike<number>)).toEqual([9]);
    expect(seen[1]!.input_ids).toBe(seen[0]!.input_ids);
    // another feed object, or the same one over other memory or dims, gets its own tensor
    await runOrtSession(target, { input_ids: { type: 'int64', dims: [1, 2], data } }, undefined);
    expect(seen[2]!.input_ids).not.toBe(seen[0]!.input_ids);
    const mutable = { type: 'int64' as const, dims: [1, 2], data };
    await runOrtSession(target, { input_ids: mutable }, undefined);
    mutable.dims = [2, 1];
    await runOrtSession(target, { input_ids: mutable }, undefined);
    expect(seen[4]!.input_ids!.dims).toEqual([2, 1]);
    (mutable as { data: BigInt64Array }).data = BigInt64Array.of(3n, 4n);
    expect(Array.from((await runOrtSession(target, { input_ids: mutable }, undefined)).out!.data as ArrayLike<number>)).toEqual([3]);
    // made: the first feed, the other object, and the mutable one thrice (first, new dims, new data); the echoes
    expect(made - 6).toBe(5);
  });

  it('rejects with AbortedError when the signal aborted before the run', async () => {
    const feed: TensorV1 = { type: 'int64', dims: [1], data: BigInt64Array.of(1n) };
    await expect(runOrtSession(echoTarget([]), { input_ids: feed }, AbortSignal.abort())).rejects.toSatisfy(AbortedError.isInstance);
  });
});
