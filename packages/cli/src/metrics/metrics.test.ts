import { describe, expect, it } from 'vitest';
import { binaryConfusion, binaryMetrics } from './binary-metrics.js';
import { multiclassMetrics } from './multiclass-metrics.js';
import { rocAuc } from './roc-auc.js';

describe('binary metrics', () => {
  it('counts outcomes', () => {
    expect(binaryConfusion([true, true, false, false, true], [true, false, true, false, true])).toEqual({ tp: 2, fn: 1, fp: 1, tn: 1 });
  });

  it('computes precision, recall, F1, accuracy and FPR of a known matrix', () => {
    const m = binaryMetrics({ tp: 80, fp: 20, tn: 70, fn: 30 });
    expect(m.precision).toBeCloseTo(0.8);
    expect(m.recall).toBeCloseTo(80 / 110);
    expect(m.f1).toBeCloseTo((2 * 0.8 * (80 / 110)) / (0.8 + 80 / 110));
    expect(m.accuracy).toBeCloseTo(150 / 200);
    expect(m.falsePositiveRate).toBeCloseTo(20 / 90);
    // negative class: 70 right, 30 predicted negative wrongly, 20 missed
    expect(m.macroF1).toBeCloseTo(((2 * 80) / (160 + 20 + 30) + (2 * 70) / (140 + 30 + 20)) / 2);
    expect(m).toMatchObject({ total: 200, positives: 110, negatives: 90 });
  });

  it('leaves undefined ratios null (benign-only data)', () => {
    const m = binaryMetrics({ tp: 0, fp: 3, tn: 97, fn: 0 });
    expect(m.precision).toBe(0);
    expect(m.recall).toBeNull();
    expect(m.f1).toBeNull();
    expect(m.falsePositiveRate).toBeCloseTo(0.03);
    expect(m.macroF1).toBeNull();
    expect(binaryMetrics({ tp: 0, fp: 0, tn: 5, fn: 0 }).precision).toBeNull();
    expect(binaryMetrics({ tp: 0, fp: 2, tn: 0, fn: 3 }).f1).toBe(0);
  });
});

describe('multi-class metrics', () => {
  it('computes the SemEval measures of a known 3×3 matrix', () => {
    // gold rows × predicted columns (neg, neu, pos):
    // neg: 5 2 1 / neu: 1 6 3 / pos: 0 2 4
    const labels = ['negative', 'neutral', 'positive'];
    const gold: string[] = [];
    const predicted: string[] = [];
    const matrix = [
      [5, 2, 1],
      [1, 6, 3],
      [0, 2, 4],
    ];
    matrix.forEach((row, g) => row.forEach((n, p) => {
      for (let i = 0; i < n; i++) {
        gold.push(labels[g]!);
        predicted.push(labels[p]!);
      }
    }));
    const m = multiclassMetrics(labels, gold, predicted);
    expect(m.matrix).toEqual(matrix);
    expect(m.accuracy).toBeCloseTo(15 / 24);
    const recalls = [5 / 8, 6 / 10, 4 / 6];
    const precisions = [5 / 6, 6 / 10, 4 / 8];
    const f1s = recalls.map((r, i) => (2 * r * precisions[i]!) / (r + precisions[i]!));
    expect(m.macroRecall).toBeCloseTo((recalls[0]! + recalls[1]! + recalls[2]!) / 3);
    expect(m.macroF1).toBeCloseTo((f1s[0]! + f1s[1]! + f1s[2]!) / 3);
    expect(m.f1PN).toBeCloseTo((f1s[0]! + f1s[2]!) / 2);
    expect(m.perClass[0]).toMatchObject({ label: 'negative', support: 8, predicted: 6 });
  });

  it('averages recall over classes with support only, and gives F1 0 to a never-predicted class', () => {
    const m = multiclassMetrics(['negative', 'neutral', 'positive'], ['negative', 'positive'], ['negative', 'negative']);
    expect(m.macroRecall).toBeCloseTo(0.5);
    expect(m.perClass[2]!.precision).toBeNull();
    expect(m.perClass[2]!.f1).toBe(0);
  });

  it('rejects unknown classes', () => {
    expect(() => multiclassMetrics(['a', 'b'], ['a'], ['c'])).toThrow(RangeError);
  });
});

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0.5 for ties, null for one class', () => {
    expect(rocAuc([false, false, true, true], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(rocAuc([false, true], [0.5, 0.5])).toBe(0.5);
    expect(rocAuc([true, true], [0.1, 0.2])).toBeNull();
    expect(rocAuc([true, false, true, false], [0.9, 0.8, 0.3, 0.1])).toBeCloseTo(0.75);
  });
});
