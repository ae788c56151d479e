import { describe, expect, it } from 'vitest';
import { createTokenizer } from './index.js';
import { PieceTrie } from './piece-trie.js';

const pieces = (trie: PieceTrie, all: readonly string[], text: string, start = 0): string[] => trie.prefixIds(text, start).map((id) => all[id] ?? '?');

describe('PieceTrie', () => {
  it('yields the stored prefixes of the text at a position, shortest first', () => {
    const all = ['▁', '▁h', '▁hell', '▁hello', 'hello', 'e', 'l'];
    const trie = new PieceTrie(all);
    expect(pieces(trie, all, '▁hello world')).toEqual(['▁', '▁h', '▁hell', '▁hello']);
    expect(pieces(trie, all, '▁hello', 1)).toEqual(['hello']);
    expect(pieces(trie, all, '▁hello', 2)).toEqual(['e']);
    expect(pieces(trie, all, 'xyz')).toEqual([]);
    expect(pieces(trie, all, '')).toEqual([]);
  });

  it('walks code units (a pair is two edges) and ignores empty pieces', () => {
    const all = ['', '😀', '😀😀', 'a😀'];
    const trie = new PieceTrie(all);
    expect(pieces(trie, all, '😀😀a')).toEqual(['😀', '😀😀']);
    expect(pieces(trie, all, 'a😀')).toEqual(['a😀']);
    expect(trie.size).toBe(8); // root; 😀 (2 units), then 2 more; a, then 2 more
  });

  it('marks a piece that is also a prefix of a longer one, whatever the insertion order; the last id of a duplicate wins', () => {
    const all = ['abc', 'ab', 'a', 'ab'];
    const trie = new PieceTrie(all);
    expect(trie.prefixIds('abcd')).toEqual([2, 3, 0]);
    expect(trie.size).toBe(4);
  });

  it('keeps every edge when thousands of nodes share slots (probing and growth)', () => {
    const all = Array.from({ length: 5000 }, (_, i) => `p${i.toString(36)}${String.fromCharCode(0x4e00 + (i % 500))}`);
    const trie = new PieceTrie(all);
    all.forEach((piece, id) => expect(trie.prefixIds(piece).at(-1)).toBe(id));
    expect(trie.child(0, 'q'.charCodeAt(0))).toBe(-1);
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
