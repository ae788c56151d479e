import { Tokenizer as NativeTokenizer } from 'tokenizers';
import { describe, expect, it } from 'vitest';
import { SubwordModel } from './subword-model.js';
import { createTokenizer } from './tokenizer.js';

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

describe('Unigram byte_fallback', () => {
  it('fuses a run of unknown characters, then falls back to its bytes (each spanning the run) or the unknown token, as the native binding', async () => {
    const pieces = ['<unk>', 'a', 'b', 'ab', '<0xC3>', '<0xBC>', '<0xA9>', '<0xE2>', '<0x82>'];
    const json = {
      added_tokens: [],
      normalizer: null,
      pre_tokenizer: { type: 'WhitespaceSplit' },
      post_processor: null,
      model: { type: 'Unigram', unk_id: 0, byte_fallback: true, vocab: pieces.map((piece, k) => [piece, -1 - k]) },
    };
    const ours = createTokenizer(json);
    const native = NativeTokenizer.fromString(JSON.stringify({ version: '1.0', truncation: null, padding: null, decoder: null, ...json }));
    for (const text of ['ü', 'aüb', 'é€x', 'xy ab', 'üé ab', 'a<unk>b', '😀']) {
      const expected = await native.encode(text);
      const actual = ours.encode(text, { truncation: { strategy: 'none' }, padding: 'none' });
      expect(actual.ids, text).toEqual(expected.getIds());
      // code points = UTF-16 units here, but for the emoji
      if (text !== '😀') expect(actual.offsets, text).toEqual(expected.getOffsets());
    }
  });
});
