import { describe, expect, it } from 'vitest';
import { noisyOr } from './combine.js';

describe('noisyOr', () => {
  it('is 0 for no evidence and the weight itself for one', () => {
    expect(noisyOr([])).toBe(0);
    expect(noisyOr([0.7])).toBeCloseTo(0.7);
  });

  it('combines independent evidence: 1 - (1-a)(1-b)', () => {
    expect(noisyOr([0.5, 0.5])).toBeCloseTo(0.75);
    expect(noisyOr([0.4, 0.35])).toBeCloseTo(0.61);
  });

  it('stays in [0, 1] and clamps bad weights', () => {
    expect(noisyOr([2, -1])).toBe(1);
    expect(noisyOr([Number.NaN, 0.3])).toBeCloseTo(0.3);
  });

  it('never decreases when evidence is added, whatever the order', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let trial = 0; trial < 200; trial++) {
      const weights = Array.from({ length: 1 + Math.floor(random() * 6) }, random);
      const extra = random();
      expect(noisyOr([...weights, extra])).toBeGreaterThanOrEqual(noisyOr(weights));
      expect(noisyOr([...weights].reverse())).toBeCloseTo(noisyOr(weights));
    }
  });
});
