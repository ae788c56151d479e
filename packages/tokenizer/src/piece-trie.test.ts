import { describe, expect, it } from 'vitest';
import { createTokenizer } from './index.js';
import { PieceTrie } from './piece-trie.js';

const search = (trie: PieceTrie, text: string, start = 0): string[] => [...trie.common_prefix_search(Array.from(text), start)];

describe('PieceTrie', () => {
  it('yields the stored prefixes of the text at a position, shortest first', () => {
    const trie = new PieceTrie(['▁', '▁h', '▁hell', '▁hello', 'hello', 'e', 'l']);
    expect(search(trie, '▁hello world')).toEqual(['▁', '▁h', '▁hell', '▁hello']);
    expect(search(trie, '▁hello', 1)).toEqual(['hello']);
    expect(search(trie, '▁hello', 2)).toEqual(['e']);
    expect(search(trie, 'xyz')).toEqual([]);
    expect(search(trie, '')).toEqual([]);
  });

  it('handles code points outside the BMP and ignores empty pieces', () => {
    const trie = new PieceTrie(['', '😀', '😀😀', 'a😀']);
    expect(search(trie, '😀😀a')).toEqual(['😀', '😀😀']);
    expect(search(trie, 'a😀')).toEqual(['a😀']);
    expect(trie.size).toBe(5); // root, 😀, 😀😀, a, a😀
  });

  it('marks a piece that is also a prefix of a longer one, whatever the insertion order', () => {
    const trie = new PieceTrie(['abc', 'ab', 'a']);
    expect(search(trie, 'abcd')).toEqual(['a', 'ab', 'abc']);
    expect(trie.size).toBe(4);
  });
});

describe('Unigram tokenizers over the compact trie', () => {
  const unigram = (unkId: number | undefined) => ({
    model: {
      type: 'Unigram',
      ...(unkId === undefined ? {} : { unk_id: unkId }),
      vocab: [
        ['<unk>', 0],
        ['▁', -2],
        ['▁hello', -1],
        ['▁he', -3],
        ['llo', -3],
        ['▁world', -1.5],
        ['h', -5],
        ['e', -5],
        ['l', -5],
        ['o', -5],
      ],
    },
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', prepend_scheme: 'always', split: true },
  });

  it('picks the best segmentation and fuses unknown characters into one unk', () => {
    const tokenizer = createTokenizer(unigram(0));
    expect(tokenizer.tokenizeToIds('hello world')).toEqual([2, 5]);
    expect(tokenizer.tokenizeToIds('hellozz')).toEqual([2, 0]);
  });

  it('works without an unk id while every character is known', () => {
    expect(createTokenizer(unigram(undefined)).tokenizeToIds('hello hello')).toEqual([2, 2]);
  });
});
