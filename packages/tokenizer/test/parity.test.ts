/**
 * Parity with the native Rust `tokenizers` binding (test oracle only) on ≥ 2,000 real texts per vocabulary.
 * Skips when ../shared/datasets is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer as NativeTokenizer } from 'tokenizers';
import { describe, expect, it } from 'vitest';
import { createTokenizer, tokenizerJsonFromSentencePiece } from '../src/index.js';
import { DATASETS, HAVE_DATASETS, sampleTexts } from './sample-texts.js';

const TOKENIZERS = join(DATASETS, 'tokenizers');

interface Case {
  name: string;
  json: () => object;
  config: () => object;
}

const cases: Case[] = [
  {
    name: 'roberta-base',
    json: () => JSON.parse(readFileSync(join(TOKENIZERS, 'roberta-base/tokenizer.json'), 'utf8')) as object,
    config: () => JSON.parse(readFileSync(join(TOKENIZERS, 'roberta-base/tokenizer_config.json'), 'utf8')) as object,
  },
  {
    name: 'bert-base-uncased',
    json: () => JSON.parse(readFileSync(join(TOKENIZERS, 'bert-base-uncased/derived/tokenizer.json'), 'utf8')) as object,
    config: () => ({ model_max_length: 512 }),
  },
  {
    name: 'deberta-v3-base',
    json: () => tokenizerJsonFromSentencePiece(readFileSync(join(TOKENIZERS, 'deberta-v3-base/spm.model')), { kind: 'deberta-v2' }),
    config: () => JSON.parse(readFileSync(join(TOKENIZERS, 'deberta-v3-base/tokenizer_config.json'), 'utf8')) as object,
  },
];

/** Code-point offsets (what the native binding reports) from UTF-16 offsets. */
function toCodePointOffsets(text: string, offsets: Array<[number, number]>): Array<[number, number]> {
  const index = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    index[i] = cp;
    const code = text.charCodeAt(i);
    if (!(code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00)) cp++;
  }
  index[text.length] = cp;
  return offsets.map(([s, e]) => [index[s] ?? 0, index[e] ?? 0]);
}

describe.skipIf(!HAVE_DATASETS)('parity with the native tokenizers binding', () => {
  const edgeCases = ['', ' ', '\u200b', 'a\ud800b \udc00c', 'ctrl \u0000\u0001\u0007\u007f\u0085 end', 'zw\u200c\u200d\ufeff\u2060x', '\t\n\r\u000b\u000c', '     ', 'Σ ΣΑΣ ς', 'İstanbul ǅ ß ﬁ', '😀😀 🏳️‍🌈'];
  const texts = HAVE_DATASETS ? [...sampleTexts(), ...edgeCases] : [];

  it('samples at least 2,000 texts', () => {
    expect(texts.length).toBeGreaterThanOrEqual(2000);
  });

  for (const c of cases) {
    it(`${c.name}: identical ids on ≥ 99.9% of texts`, async () => {
      const json = c.json();
      const ours = createTokenizer(json, c.config());
      const native = NativeTokenizer.fromString(JSON.stringify(json));
      let same = 0;
      let sameOffsets = 0;
      const mismatches: string[] = [];
      for (const text of texts) {
        const expected = await native.encode(text);
        const actual = ours.encode(text, { truncation: { strategy: 'none' }, padding: 'none' });
        const ids = expected.getIds();
        if (JSON.stringify(ids) === JSON.stringify(actual.ids)) {
          same++;
          if (JSON.stringify(expected.getOffsets()) === JSON.stringify(toCodePointOffsets(text, actual.offsets))) sameOffsets++;
        } else if (mismatches.length < 5) {
          const at = ids.findIndex((id, i) => id !== actual.ids[i]);
          mismatches.push(
            `${JSON.stringify(text.slice(0, 160))}\n    at ${at}: native ${JSON.stringify(ids.slice(Math.max(0, at - 2), at + 6))} ${JSON.stringify(expected.getTokens().slice(Math.max(0, at - 2), at + 6))}\n           ours   ${JSON.stringify(actual.ids.slice(Math.max(0, at - 2), at + 6))}`,
          );
        }
      }
      const rate = same / texts.length;
      console.log(
        `[parity] ${c.name}: ids ${same}/${texts.length} = ${(rate * 100).toFixed(2)}%; offsets equal on ${((sameOffsets / texts.length) * 100).toFixed(2)}%` +
          (mismatches.length > 0 ? `\n  first mismatches:\n  - ${mismatches.join('\n  - ')}` : ''),
      );
      expect(rate).toBeGreaterThanOrEqual(0.999);
      // offsets too: a normaliser replacement aligns as Rust's (e + U+0301 → é spans the e), the Metaspace prefix takes
      // the first code point's span
      expect(sameOffsets / texts.length).toBeGreaterThanOrEqual(0.999);
    }, 120_000);
  }
});

/**
 * Long words and mark runs (issue 11: `'a'.repeat(12289)` gave two `[UNK]` where Rust gives one). Full encodings
 * must equal the native binding for every vocabulary up to 65,536-unit words (BPE/Unigram tokenize longer words in
 * segments, see README); with WordPiece, whatever the length, and under the default right truncation too (a long
 * word is read whole: one `[UNK]`).
 */
const LONG_WORDS: readonly string[] = [
  'a'.repeat(99),
  'a'.repeat(100),
  'a'.repeat(101),
  'a'.repeat(1_000),
  'a'.repeat(12_289),
  'a'.repeat(13_000),
  'ab1'.repeat(4_000),
  'é'.repeat(5_000),
  `hello ${'x'.repeat(12_289)} world`,
  `${'word '.repeat(700)}${'z'.repeat(9_000)} end`,
  'e' + '\u0301'.repeat(13_000),
  '\u200d'.repeat(13_000),
  '\ufe0f'.repeat(13_000),
];
const HUGE_WORDS: readonly string[] = ['a'.repeat(100_000), `say ${'b'.repeat(60_000)} now`, 'e' + '\u0301'.repeat(60_000)];

/** Native ids cut as `right` truncation to `maxLength` cuts (one special token on each side for these models). */
function nativeRight(ids: number[], maxLength: number): number[] {
  return ids.length <= maxLength ? ids : [...ids.slice(0, maxLength - 1), ids[ids.length - 1] ?? 0];
}

const EMBEDDED = join(process.cwd(), 'packages', 'models-embedded', 'models', 'prompt-injection');
const longWordCases: Array<Case & { wordPiece: boolean }> = [
  {
    name: 'embedded prompt-injection (WordPiece)',
    wordPiece: true,
    json: () => JSON.parse(readFileSync(join(EMBEDDED, 'tokenizer.json'), 'utf8')) as object,
    config: () => JSON.parse(readFileSync(join(EMBEDDED, 'tokenizer_config.json'), 'utf8')) as object,
  },
  ...(HAVE_DATASETS ? cases.map((c) => ({ ...c, wordPiece: c.name.startsWith('bert') })) : []),
];

describe('long words: ids equal to the native tokenizers binding', () => {
  for (const c of longWordCases) {
    it(`${c.name}`, async () => {
      const json = c.json();
      const ours = createTokenizer(json, c.config());
      const native = NativeTokenizer.fromString(JSON.stringify({ ...json, truncation: null, padding: null }));
      for (const text of c.wordPiece ? [...LONG_WORDS, ...HUGE_WORDS] : LONG_WORDS) {
        const expected = (await native.encode(text)).getIds();
        const label = `${JSON.stringify(text.slice(0, 12))}… (${text.length} units)`;
        expect(ours.encode(text, { truncation: { strategy: 'none' }, padding: 'none' }).ids, label).toEqual(expected);
        if (c.wordPiece) expect(ours.encode(text, { padding: 'none' }).ids, `${label}, right`).toEqual(nativeRight(expected, ours.modelMaxLength));
      }
    }, 300_000);
  }
});
