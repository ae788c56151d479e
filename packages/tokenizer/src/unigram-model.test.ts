import { describe, expect, it } from 'vitest';
import { UnigramModel } from './unigram-model.js';

const pieces = (model: UnigramModel, word: string): Array<[number, number]> => {
  const path = model.segment(word);
  return Array.from({ length: path.count }, (_, k) => [path.ids[k] ?? 0, path.ends[k] ?? 0]);
};

describe('UnigramModel', () => {
  const vocab: Array<[string, number]> = [
    ['<unk>', 0],
    ['▁', -2],
    ['▁hello', -1],
    ['▁he', -3],
    ['llo', -3],
    ['h', -5],
    ['e', -5],
    ['l', -5],
    ['o', -5],
    ['ab', -2],
    ['a', -1],
    ['b', -1],
    ['😀', -1],
  ];

  it('looks pieces up by the trie: the last id of a piece listed twice, none for a mere prefix', () => {
    const model = new UnigramModel([...vocab, ['ab', -4], ['', -9]], 0);
    expect(model.idOf('▁hello')).toBe(2);
    expect(model.idOf('😀')).toBe(12);
    expect(model.idOf('ab')).toBe(vocab.length);
    expect(model.idOf('')).toBe(vocab.length + 1);
    expect(model.idOf('▁hel')).toBeUndefined();
    expect(model.idOf('zzz')).toBeUndefined();
    expect(new UnigramModel(vocab, 0).idOf('')).toBeUndefined();
  });

  it('finds the highest-scoring segmentation, with each piece end in code units', () => {
    const model = new UnigramModel(vocab, 0);
    expect(pieces(model, '▁hello')).toEqual([[2, 6]]);
    expect(pieces(model, '▁hellollo')).toEqual([[2, 6], [4, 9]]);
    expect(pieces(model, '😀a')).toEqual([[12, 2], [10, 3]]);
    expect(pieces(model, '')).toEqual([]);
  });

  it('keeps the piece that starts earlier on equal scores (ab = a + b = -2)', () => {
    const model = new UnigramModel(vocab, 0);
    expect(pieces(model, 'ab')).toEqual([[9, 2]]);
  });

  it('marks characters without a one-character piece as unknown (-1), one per code point, pairs kept whole', () => {
    const model = new UnigramModel(vocab, 0);
    expect(pieces(model, 'xa😃')).toEqual([[-1, 1], [10, 2], [-1, 4]]);
    expect(pieces(model, 'a\ud800')).toEqual([[10, 1], [-1, 2]]);
  });

  it('reuses its scratch arrays and grows them for long words', () => {
    const model = new UnigramModel(vocab, 0);
    const long = 'ab'.repeat(5000);
    expect(model.segment(long).count).toBe(5_000);
    expect(pieces(model, '▁he')).toEqual([[3, 3]]);
  });
});
