import { readFileSync } from 'node:fs';
import { InvalidModelError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { externalDataExtent, LARGE_TENSOR_ALIGNMENT, planExternalWeights, SMALL_TENSOR_ALIGNMENT } from './external-weights-plan.js';
import { readFields } from './protobuf-wire.js';

const model = new Uint8Array(readFileSync(new URL('../../../../models/fixtures/tiny-roberta-sentiment/model.onnx', import.meta.url)));
const external = new Uint8Array(readFileSync(new URL('../../test/fixtures/external-data/model.onnx', import.meta.url)));

/** Deterministic pseudo-random bytes (xorshift32). */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('planExternalWeights', () => {
  it('moves every initializer of ≥ 1 KiB to page-aligned offsets and keeps the rest of the model byte for byte', () => {
    const plan = planExternalWeights(model, 'model.onnx.data');
    if (typeof plan === 'string') throw new Error(plan);
    expect(plan.initializersMoved).toBeGreaterThan(10);
    expect(plan.modelBytes).toBeLessThan(model.length / 10);
    let end = 0;
    for (const chunk of plan.chunks) {
      expect(chunk.bytes.length).toBeGreaterThanOrEqual(1024);
      expect(chunk.offset % (chunk.bytes.length >= 1 << 20 ? LARGE_TENSOR_ALIGNMENT : SMALL_TENSOR_ALIGNMENT)).toBe(0);
      expect(chunk.offset).toBeGreaterThanOrEqual(end); // no overlap, in order
      end = chunk.offset + chunk.bytes.length;
    }
    expect(plan.dataBytes).toBe(end);
    const graph = new Uint8Array(Buffer.concat(plan.model));
    expect(graph.length).toBe(plan.modelBytes);
    expect(externalDataExtent(graph, 'model.onnx.data')).toBe(plan.dataBytes);
    expect(externalDataExtent(graph, 'other.data')).toBeUndefined();
    // what did not move is unchanged: the model minus the moved bytes plus the small external_data entries
    const moved = plan.chunks.reduce((sum, chunk) => sum + chunk.bytes.length, 0);
    expect(plan.modelBytes).toBeLessThan(model.length - moved + plan.initializersMoved * 120);
    // the rewritten graph is itself well-formed protobuf all the way down to its initializers
    expect(() => readFields(graph, 0, graph.length)).not.toThrow();
  });

  it('says why it leaves a model as it is: already external, or nothing large enough', () => {
    expect(planExternalWeights(external, 'model.onnx.data')).toBe('already-external');
    expect(planExternalWeights(model, 'model.onnx.data', { minTensorBytes: 1 << 30 })).toBe('nothing-to-move');
  });

  it('refuses what is not an ONNX model with InvalidModelError: empty, truncated, garbage (never another error or a hang)', () => {
    for (const bytes of [new Uint8Array(0), model.subarray(0, model.length >> 1), model.subarray(0, 7), new TextEncoder().encode('hello, world')]) {
      expect(() => planExternalWeights(bytes, 'x.data')).toThrow(InvalidModelError);
    }
    for (let seed = 1; seed <= 300; seed++) {
      const bytes = noise(64 + seed * 7, seed);
      try {
        planExternalWeights(bytes, 'x.data');
      } catch (error) {
        expect(InvalidModelError.isInstance(error)).toBe(true);
      }
    }
  });
});
