import { describe, expect, it } from 'vitest';
import { SubwordModel } from './subword-model.js';

/** A tiny byte-level-free BPE: h e l o → he, ll, hell, hello. */
const bpe = () => ({
  type: 'BPE',
  vocab: { h: 0, e: 1, l: 2, o: 3, he: 4, ll: 5, hell: 6, hello: 7, '<unk>': 8 },
  merges: ['h e', 'l l', 'he ll', 'hell o'],
  unk_token: '<unk>',
});
const wordPiece = () => ({
  type: 'WordPiece',
  vocab: { '[UNK]': 0, play: 1, '##ing': 2, '##ed': 3 },
  unk_token: '[UNK]',
  continuing_subword_prefix: '##',
});

describe('SubwordModel without the parsed vocabulary tables', () => {
  it('BPE still merges by rank and maps pieces to ids, and leaves the given config as it was', () => {
    const config = bpe();
    const model = new SubwordModel(config);
    expect(model.tokenize('hello')).toEqual({ ids: [7], ends: [5], starts: [0] });
    expect(model.tokenize('hell')).toEqual({ ids: [6], ends: [4], starts: [0] });
    expect(model.tokenize('oh')).toEqual({ ids: [3, 0], ends: [1, 2], starts: [0, 1] });
    expect(model.idOf('ll')).toBe(5);
    expect(config).toEqual(bpe());
  });

  it('WordPiece still reads its continuing-subword prefix, and leaves the given config as it was', () => {
    const config = wordPiece();
    const model = new SubwordModel(config);
    expect(model.tokenize('playing')).toEqual({ ids: [1, 2], ends: [4, 7] });
    expect(model.tokenize('played')).toEqual({ ids: [1, 3], ends: [4, 6] });
    expect(model.tokenize('xyz')).toEqual({ ids: [0], ends: [3] });
    expect(config).toEqual(wordPiece());
  });
});
