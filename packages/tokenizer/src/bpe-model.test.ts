import { InvalidConfigError } from '@llm-shield/core';
import fc from 'fast-check';
import { Tokenizer as NativeTokenizer } from 'tokenizers';
import { describe, expect, it } from 'vitest';
import { BPE_CACHE_CAPACITY, BpeModel } from './bpe-model.js';
import { BYTE_TO_CHAR } from './byte-level.js';
import { createTokenizer } from './tokenizer.js';

const NO_TRUNCATION = { truncation: { strategy: 'none' }, padding: 'none' } as const;

/** A BPE model entry whose vocab holds `base` tokens and every merge's result (merges as `"a b"`; the prefix is dropped from the right part). */
function bpeModel(base: readonly string[], merges: readonly string[], options: Record<string, unknown> = {}): Record<string, unknown> {
  const prefix = typeof options['continuing_subword_prefix'] === 'string' ? options['continuing_subword_prefix'] : '';
  const vocab: Record<string, number> = {};
  const add = (token: string): void => {
    if (!(token in vocab)) vocab[token] = Object.keys(vocab).length;
  };
  base.forEach(add);
  for (const merge of merges) {
    const [a = '', b = ''] = merge.split(' ');
    add(a);
    add(b);
    add(a + b.slice(prefix.length));
  }
  return { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, ignore_merges: false, ...options, vocab, merges };
}

/** A whole tokenizer.json around `model` (no normaliser, no post-processor). */
function tokenizerJson(model: Record<string, unknown>, preTokenizer: object, normalizer: object | null = null): Record<string, unknown> {
  return { version: '1.0', truncation: null, padding: null, added_tokens: [], normalizer, pre_tokenizer: preTokenizer, post_processor: null, decoder: null, model };
}

const BYTE_LEVEL = { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: true };
const G = BYTE_TO_CHAR[0x20] as string; // Ġ
/** A small byte-level BPE: the 256 byte characters and a few English merges (including "Ġ" ones and a repeated pair). */
const byteLevelModel = (): Record<string, unknown> =>
  bpeModel(BYTE_TO_CHAR, ['h e', 'l l', 'he ll', 'hell o', `${G} w`, `${G}w o`, 'r l', `${G}wo rl`, `${G}worl d`, 'a a', 'aa aa', `${G} t`, 't h', `${G}t h`, 'i n', 'in g', 'Ã ©', 'ð Ł']);

/** Code-point offsets (what the native binding reports) from UTF-16 offsets. */
function codePointOffsets(text: string, offsets: ReadonlyArray<readonly [number, number]>): Array<[number, number]> {
  const index: number[] = [];
  let cp = 0;
  for (let i = 0; i <= text.length; i++) {
    index[i] = cp;
    const code = text.charCodeAt(i);
    if (!((code & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00)) cp++;
  }
  return offsets.map(([s, e]) => [index[s] ?? 0, index[e] ?? 0]);
}

async function expectNativeParity(json: Record<string, unknown>, texts: readonly string[], compareOffsets = true): Promise<void> {
  const ours = createTokenizer(json);
  const native = NativeTokenizer.fromString(JSON.stringify(json));
  for (const text of texts) {
    const expected = await native.encode(text);
    const actual = ours.encode(text, NO_TRUNCATION);
    expect(actual.ids, JSON.stringify(text)).toEqual(expected.getIds());
    if (compareOffsets) expect(codePointOffsets(text, actual.offsets), JSON.stringify(text)).toEqual(expected.getOffsets());
  }
}

describe('BpeModel', () => {
  it('merges the lowest-ranked pair first, leftmost among equals, as Rust', () => {
    const model = new BpeModel(bpeModel(['a', 'b', 'c'], ['b c', 'a b', 'a a', 'aa a']));
    const id = (token: string): number => model.vocab.get(token) ?? -1;
    // b c (rank 0) before a b (rank 1)
    expect(model.tokenize('abc').ids).toEqual([id('a'), id('bc')]);
    // aaaaa: a a merges at 0 then 2 (leftmost first; the entries at 1 and 3 are stale), giving aa aa a; aa a (rank 3)
    // then merges at 2, the entry pushed at 0 being stale (aa aa is no merge)
    expect(model.tokenize('aaaaa').ids).toEqual([id('aa'), id('aaa')]);
    expect(model.tokenize('aaaaa').ends).toEqual([2, 5]);
    expect(model.tokenize('').ids).toEqual([]);
  });

  it('keeps the last rank of a pair listed twice (Rust collects merges into a map)', () => {
    const model = new BpeModel(bpeModel(['a', 'b', 'c'], ['a b', 'b c', 'a b']));
    expect(model.tokenize('abc').ids).toEqual([model.vocab.get('a'), model.vocab.get('bc')]);
  });

  it('refuses dropout, malformed merges and merges outside the vocab with InvalidConfigError', () => {
    const refused = (config: Record<string, unknown>, field: string): void => {
      try {
        new BpeModel(config);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidConfigError);
        expect((error as InvalidConfigError).details).toMatchObject({ field });
      }
    };
    refused(bpeModel(['a', 'b'], ['a b'], { dropout: 0.1 }), 'dropout');
    refused({ ...bpeModel(['a', 'b'], []), merges: ['a b c'] }, 'merges');
    refused({ ...bpeModel(['a', 'b'], []), merges: ['a x'] }, 'merges');
    refused({ ...bpeModel(['a', 'b'], []), merges: 'a b' }, 'merges');
    refused({ ...bpeModel(['a', 'b'], []), vocab: [['a', 0]] }, 'vocab');
    refused(bpeModel(['a', 'b'], [], { fuse_unk: 'yes' }), 'fuse_unk');
    expect(new BpeModel(bpeModel(['a', 'b'], ['a b'], { dropout: 0 })).tokenize('ab').ids).toHaveLength(1);
    // [a, b] pairs are read as "a b"
    expect(new BpeModel({ ...bpeModel(['a', 'b'], ['a b']), merges: [['a', 'b']] }).tokenize('ab').ids).toHaveLength(1);
  });

  it('raises InvalidConfigError on a character outside the vocab when there is no unk token', () => {
    const model = new BpeModel(bpeModel(['a'], []));
    expect(() => model.tokenize('ax')).toThrow(InvalidConfigError);
  });

  it('bounds its raw-word cache at BPE_CACHE_CAPACITY words, still tokenizing uncached words alike', () => {
    const model = new BpeModel(byteLevelModel());
    const words = Array.from({ length: BPE_CACHE_CAPACITY + 500 }, (_, k) => `w${k.toString(36)}`);
    const first = words.map((word) => Array.from(model.encodeRawWord(word, 0, word.length)));
    expect(model.cacheSize).toBe(BPE_CACHE_CAPACITY);
    const second = words.map((word) => Array.from(model.encodeRawWord(word, 0, word.length)));
    expect(second).toEqual(first);
    expect(model.cacheSize).toBe(BPE_CACHE_CAPACITY);
    // long words are never cached
    const long = 'x'.repeat(300);
    const fresh = new BpeModel(byteLevelModel());
    fresh.encodeRawWord(long, 0, long.length);
    expect(fresh.cacheSize).toBe(0);
  });
});

describe('byte-level BPE: same ids and offsets as the native tokenizers binding', () => {
  const json = tokenizerJson(byteLevelModel(), BYTE_LEVEL);
  const edgeCases = [
    '',
    ' ',
    'hello world',
    ' hello  world the thing',
    'aaaaaaa aaaaaaaaa',
    'Hello, World! 123 4567',
    "I'm you'll it's 'S 'LL",
    'café naïve é',
    '😀😀 🏳️‍🌈 👍🏽',
    'a\ud800b \udc00c \ud83d',
    '\udc00\ud800',
    'e' + '\u0301'.repeat(200),
    '\u200d'.repeat(300) + 'x' + '\ufe0f'.repeat(50),
    'zw\u200b\u200c\u200d\ufeff\u2060x',
    '\t\n\r\u000b\u000c\u0085\u00a0\u3000 end',
    '日本語のテキスト 中文 한국어',
    'ctrl \u0000\u0001\u007f',
  ];

  it('on edge cases (empty, lone surrogates, zero-width and combining runs, emoji, whitespace kinds)', async () => {
    await expectNativeParity(json, edgeCases);
  });

  it('on generated texts (fast-check)', async () => {
    const texts = fc.sample(
      fc.string({ unit: fc.oneof(fc.constantFrom('h', 'e', 'l', 'o', ' ', 'a', 'w', 'r', 'd', 't', "'", 'é', '\u0301', '\u200d', '😀', '\ud800', '1', '\n'), fc.constant('x')), maxLength: 40 }),
      { numRuns: 300, seed: 14 },
    );
    await expectNativeParity(json, texts);
  });

  it('the raw byte-level path and the general one (a no-op normaliser forces it) agree', () => {
    const raw = createTokenizer(json);
    const general = createTokenizer(tokenizerJson(byteLevelModel(), BYTE_LEVEL, { type: 'Sequence', normalizers: [] }));
    const texts = [...edgeCases, 'héllo '.repeat(3000), 'x'.repeat(20_000), `say ${'😀'.repeat(9_000)} now`];
    for (const text of texts) expect(raw.encode(text, NO_TRUNCATION), JSON.stringify(text.slice(0, 40))).toEqual(general.encode(text, NO_TRUNCATION));
  });

  it('completes on 10 MB texts (truncated) and 200 KB texts whole, with bounded results', () => {
    const tokenizer = createTokenizer(json);
    const shapes = ['hello world ', 'a', 'e\u0301', '\u200d', '😀', '\ud800', ' '];
    for (const unit of shapes) {
      const big = unit.repeat(Math.ceil(10_000_000 / unit.length));
      const encoding = tokenizer.encode(big, { maxLength: 64 });
      expect(encoding.ids.length).toBeLessThanOrEqual(64);
      expect(encoding.truncated).toBe(true);
      const whole = unit.repeat(Math.ceil(200_000 / unit.length));
      const ids = tokenizer.tokenizeToIds(whole);
      expect(ids.length).toBeGreaterThan(0);
      // at most one token per UTF-8 byte (a lone surrogate is U+FFFD's three)
      expect(ids.length).toBeLessThanOrEqual(new TextEncoder().encode(whole).length);
    }
  }, 120_000);
});

describe('BPE options: same ids (and offsets) as the native tokenizers binding', () => {
  const whitespace = { type: 'WhitespaceSplit' };
  const words = ['abc', 'ab', 'a', 'abcx', 'xxa', 'xyz', 'cab', 'ba', 'abab', 'bcbc', 'xax', 'é', 'aé€b', 'aab'];
  const text = words.join(' ');

  it('continuing_subword_prefix, end_of_word_suffix and unk_token, with and without fuse_unk', async () => {
    for (const fuse of [false, true]) {
      const model = bpeModel(
        ['<unk>', 'a', 'b', 'c', '##a', '##b', '##c', 'a</w>', 'b</w>', '##a</w>', '##b</w>'],
        ['a ##b', 'ab ##c', '##b ##c', 'a ##b</w>', '##a ##b'],
        { unk_token: '<unk>', continuing_subword_prefix: '##', end_of_word_suffix: '</w>', fuse_unk: fuse },
      );
      await expectNativeParity(tokenizerJson(model, whitespace), [text, ...words]);
    }
  });

  it('byte_fallback (a byte token spans its character; a missing byte token falls back to the unknown token)', async () => {
    const model = bpeModel(['<unk>', 'a', 'b', '<0xC3>', '<0xA9>', '<0xBC>', '<0xE2>', '<0x82>'], ['a b', '<0xC3> <0xA9>'], { unk_token: '<unk>', byte_fallback: true });
    await expectNativeParity(tokenizerJson(model, whitespace), [text, ...words, 'ééé aéb', 'ü aüb'], true);
    // as Llama-style files: Metaspace words (the raw Metaspace path), byte tokens for what the vocab lacks
    const metaspace = bpeModel(['<unk>', '▁', 'a', 'b', '<0xC3>', '<0xA9>', '<0xBC>', '<0xE2>', '<0x82>', '<0xAC>', '<0x20>'], ['▁ a', 'a b', '<0xC3> <0xA9>'], {
      unk_token: '<unk>',
      byte_fallback: true,
    });
    const metaspaceJson = tokenizerJson(metaspace, { type: 'Metaspace', replacement: '▁', prepend_scheme: 'first', split: true });
    await expectNativeParity(metaspaceJson, ['ab ü aüb', 'ü', '€ab é', 'x y', ' ab', 'ab  ü']);
  });

  it('ignore_merges: a word in the vocab is one token', async () => {
    for (const ignore of [false, true]) {
      const model = bpeModel(['a', 'b', 'c', 'abc'], ['a b', 'b c'], { ignore_merges: ignore });
      await expectNativeParity(tokenizerJson(model, whitespace), ['abc', 'abc bc ab cab', 'abcabc']);
      const byteLevel = bpeModel([...BYTE_TO_CHAR, 'hello', `${G}world`], ['h e', 'l l'], { ignore_merges: ignore });
      await expectNativeParity(tokenizerJson(byteLevel, BYTE_LEVEL), ['hello world', 'hello hello', 'hellohello']);
    }
  });
});
