import { describe, expect, it } from 'vitest';
import { aggregateSimple, mergeOverlappingEntities, softmaxRow, splitTag, tokenWindows } from './token-aggregation.js';

const LABELS = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'MISC'];
const tok = (label: string, p: number, start: number, end: number) => {
  const scores = LABELS.map((l) => (l === label ? p : (1 - p) / (LABELS.length - 1)));
  return { scores, start, end };
};

describe('token aggregation (transformers simple strategy)', () => {
  it('splits B-/I- tags and treats other labels as I-', () => {
    expect(splitTag('B-PER')).toEqual({ bi: 'B', tag: 'PER' });
    expect(splitTag('I-PER')).toEqual({ bi: 'I', tag: 'PER' });
    expect(splitTag('MISC')).toEqual({ bi: 'I', tag: 'MISC' });
  });

  it('softmax is shifted by the maximum and sums to 1', () => {
    const p = softmaxRow([1000, 1000, 999], 0, 3);
    expect(p[0]).toBeCloseTo(p[1]!, 12);
    expect(p[0]! + p[1]! + p[2]!).toBeCloseTo(1, 12);
  });

  it('groups I- after B- of the same tag, splits at B-, drops O, averages scores', () => {
    const groups = aggregateSimple(
      [tok('B-PER', 0.9, 0, 4), tok('I-PER', 0.7, 4, 10), tok('B-PER', 0.8, 10, 14), tok('O', 0.9, 14, 16), tok('I-LOC', 0.6, 16, 20), tok('I-LOC', 0.8, 20, 22)],
      LABELS,
    );
    expect(groups.map((g) => [g.entityGroup, g.start, g.end])).toEqual([
      ['PER', 0, 10],
      ['PER', 10, 14],
      ['LOC', 16, 22],
    ]);
    expect(groups[0]!.score).toBeCloseTo(0.8, 12);
    expect(groups[2]!.score).toBeCloseTo(0.7, 12);
  });

  it('an I- of another tag starts a new group; a label without prefix groups with itself', () => {
    const groups = aggregateSimple([tok('I-PER', 0.9, 0, 2), tok('I-LOC', 0.9, 2, 4), tok('MISC', 0.9, 4, 6), tok('MISC', 0.9, 6, 8)], LABELS);
    expect(groups.map((g) => [g.entityGroup, g.start, g.end])).toEqual([
      ['PER', 0, 2],
      ['LOC', 2, 4],
      ['MISC', 4, 8],
    ]);
  });

  it('merges entities repeated by overlapping windows: longer wins, then higher score', () => {
    const merged = mergeOverlappingEntities([
      { entityGroup: 'PER', score: 0.5, start: 0, end: 4 },
      { entityGroup: 'LOC', score: 0.9, start: 10, end: 12 },
      { entityGroup: 'PER', score: 0.6, start: 10, end: 16 },
      { entityGroup: 'LOC', score: 0.7, start: 20, end: 24 },
      { entityGroup: 'PER', score: 0.8, start: 20, end: 24 },
    ]);
    expect(merged.map((e) => [e.entityGroup, e.start, e.end])).toEqual([
      ['PER', 0, 4],
      ['PER', 10, 16],
      ['PER', 20, 24],
    ]);
    expect(mergeOverlappingEntities([])).toEqual([]);
  });

  it('cuts windows as the tokenizers library overflow does, and refuses a stride without progress', () => {
    expect(tokenWindows(0, 62, 16)).toEqual([[0, 0]]);
    expect(tokenWindows(62, 62, 16)).toEqual([[0, 62]]);
    expect(tokenWindows(80, 62, 16)).toEqual([
      [0, 62],
      [46, 80],
    ]);
    expect(tokenWindows(108, 62, 16)).toEqual([
      [0, 62],
      [46, 108],
    ]);
    expect(tokenWindows(109, 62, 16)).toEqual([
      [0, 62],
      [46, 108],
      [92, 109],
    ]);
    const many = tokenWindows(1_000_000, 510, 64);
    expect(many[many.length - 1]![1]).toBe(1_000_000);
    expect(() => tokenWindows(10, 4, 4)).toThrow(RangeError);
    expect(() => tokenWindows(10, 0, 0)).toThrow(RangeError);
  });
});
