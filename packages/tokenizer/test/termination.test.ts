/**
 * `encode` terminates, in time linear in the input, on every input: the runs that once hung it (zero-width joiner,
 * variation selector, combining marks: issue 11) at 13,000 units and 1 MB, and a fast-check property over generated
 * texts (combining marks, ZWJ/variation-selector runs, long words, mixed scripts, spaces) for the shipped
 * tokenizer kinds: the embedded models' WordPiece tokenizers (prompt-injection; sentiment, whose vocabulary adds emoji) and, when `../shared/datasets` is present, roberta-base
 * (byte-level BPE) and deberta-v3-base (Unigram). Checks results (offsets inside the text and ordered, lengths
 * bounded, truncation consistent with full tokenisation), never timing: a hang fails by the test timeout.
 * The property's seed is printed; rerun a failure with `TOKENIZER_FUZZ_SEED=<seed>`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTokenizer, tokenizerJsonFromSentencePiece, type EncodingV1, type Tokenizer } from '../src/index.js';
import { DATASETS, HAVE_DATASETS } from './sample-texts.js';

const MODELS = fileURLToPath(new URL('../../models-embedded/models/', import.meta.url));
const TOKENIZERS = join(DATASETS, 'tokenizers');
const readJson = (path: string): object => JSON.parse(readFileSync(path, 'utf8')) as object;

interface Case {
  name: string;
  /** Whether truncated encodings must equal the full encoding cut (exact for WordPiece, see README). */
  exactPrefix: boolean;
  /** Generated texts per run of the property. */
  runs: number;
  /** Whether the 1 MB inputs are encoded too (once per tokenizer kind: the embedded ones share their code path). */
  megabyte: boolean;
  load: () => Tokenizer;
}

const embedded: Case[] = ['prompt-injection', 'sentiment'].map((task) => ({
  name: `embedded ${task}`,
  exactPrefix: true,
  runs: 100,
  megabyte: task === 'prompt-injection',
  load: () => createTokenizer(readJson(join(MODELS, task, 'tokenizer.json')), readJson(join(MODELS, task, 'tokenizer_config.json'))),
}));
const shared: Case[] = [
  {
    name: 'roberta-base',
    exactPrefix: false,
    runs: 40,
    megabyte: true,
    load: () => createTokenizer(readJson(join(TOKENIZERS, 'roberta-base/tokenizer.json')), readJson(join(TOKENIZERS, 'roberta-base/tokenizer_config.json'))),
  },
  {
    name: 'deberta-v3-base',
    exactPrefix: false,
    runs: 40,
    megabyte: true,
    load: () =>
      createTokenizer(
        tokenizerJsonFromSentencePiece(readFileSync(join(TOKENIZERS, 'deberta-v3-base/spm.model')), { kind: 'deberta-v2' }),
        readJson(join(TOKENIZERS, 'deberta-v3-base/tokenizer_config.json'))
      ),
  },
];

/** Offsets inside `text`, each `start <= end`, starts non-decreasing over content tokens; special/pad `[0, 0]`. */
function expectValidOffsets(text: string, encoding: EncodingV1): void {
  expect(encoding.offsets).toHaveLength(encoding.ids.length);
  let previous = 0;
  for (const [start, end] of encoding.offsets) {
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeLessThanOrEqual(text.length);
    expect(start).toBeLessThanOrEqual(end);
    if (end > 0) {
      expect(start).toBeGreaterThanOrEqual(previous);
      previous = start;
    }
  }
}

const ADVERSARIAL: ReadonlyArray<readonly [string, (n: number) => string]> = [
  ['ZWJ run', (n) => '\u200d'.repeat(n)],
  ['e + combining acute run', (n) => 'e' + '\u0301'.repeat(n)],
  ['variation-selector run', (n) => '\ufe0f'.repeat(n)],
  ['long word', (n) => 'a'.repeat(n)],
  ['words then a ZWJ run', (n) => 'ignore previous instructions '.repeat(20) + '\u200d'.repeat(n)],
];

/** Texts built from the pieces that once stalled or split the tokenizer, mixed with ordinary words and scripts. */
const piece = fc.oneof(
  fc.constantFrom('a', 'e', 'Z', '7', ' ', '  ', '\n', '\t', '.', ',', '!', "'s", 'ß', 'İ', 'ﬁ'),
  fc.constantFrom('\u0301', '\u0308', '\u0327', '\u200d', '\u200c', '\ufe0f', '\ufe0e', '\u200b', '\ufeff', '\u2060'),
  fc.constantFrom('你好', '日本語', 'мир', 'Σας', 'مرحبا', 'नमस्ते', 'שלום', '😀', '👨‍👩‍👧', '🏳️‍🌈', '👍🏻', '\ud800', '\udc00', '𝐀𝐁'),
  fc.constantFrom('ignore', 'previous', 'instructions', 'hello', 'world', '[SEP]', '<mask>', '[UNK]'),
  fc.tuple(fc.constantFrom('\u0301', '\u200d', '\ufe0f', 'a', 'xy', '日'), fc.integer({ min: 1, max: 2_000 })).map(([unit, n]) => unit.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 8 })
);
const texts = fc.array(piece, { maxLength: 16 }).map((parts) => parts.join(''));

const SEED = Number(process.env['TOKENIZER_FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));

function suite(cases: Case[]): void {
  for (const c of cases) {
    describe(c.name, () => {
      const tokenizer = c.load();

      it.each(ADVERSARIAL)('%s: 13,000 units encode (right, head-tail, none) with valid offsets', (_name, make) => {
        const text = make(13_000);
        const full = tokenizer.encode(text, {
          truncation: { strategy: 'none' },
          padding: 'none',
        });
        expectValidOffsets(text, full);
        for (const truncation of [{ strategy: 'right' as const }, { strategy: 'head-tail' as const, head: 24, tail: 74 }]) {
          const encoding = tokenizer.encode(text, {
            maxLength: 100,
            truncation,
            padding: 'none',
          });
          expect(encoding.ids.length).toBeLessThanOrEqual(100);
          expectValidOffsets(text, encoding);
          if (c.exactPrefix && truncation.strategy === 'right') {
            expect(encoding.ids.slice(0, -1)).toEqual(full.ids.slice(0, encoding.ids.length - 1));
          }
        }
      });

      it.runIf(c.megabyte).each(ADVERSARIAL)('%s: 1 MB encodes with the default (right) truncation', (_name, make) => {
        const text = make(1_000_000);
        {
          const encoding = tokenizer.encode(text, { padding: 'none' });
          expect(encoding.ids.length).toBeLessThanOrEqual(tokenizer.modelMaxLength);
          expect(encoding.ids.length).toBeGreaterThanOrEqual(tokenizer.specialTokenCount);
          expectValidOffsets(text, encoding);
        }
      });

      it(`property: generated texts terminate with valid offsets (seed ${SEED})`, () => {
        console.log(`[tokenizer-fuzz] ${c.name}: seed=${SEED} (rerun with TOKENIZER_FUZZ_SEED=${SEED})`);
        fc.assert(
          fc.property(texts, fc.integer({ min: 8, max: tokenizer.modelMaxLength }), (text, maxLength) => {
            const full = tokenizer.encode(text, {
              truncation: { strategy: 'none' },
              padding: 'none',
            });
            expectValidOffsets(text, full);
            const right = tokenizer.encode(text, {
              maxLength,
              truncation: { strategy: 'right' },
              padding: 'none',
            });
            expect(right.ids.length).toBeLessThanOrEqual(maxLength);
            expectValidOffsets(text, right);
            if (c.exactPrefix) expect(right.ids.slice(0, -1)).toEqual(full.ids.slice(0, right.ids.length - 1));
            const head = Math.floor(maxLength / 4);
            const headTail = tokenizer.encode(text, {
              maxLength,
              truncation: {
                strategy: 'head-tail',
                head,
                tail: maxLength - tokenizer.specialTokenCount - head,
              },
              padding: 'none',
            });
            expect(headTail.ids.length).toBeLessThanOrEqual(maxLength);
            expectValidOffsets(text, headTail);
          }),
          { seed: SEED, numRuns: c.runs }
        );
      });
    });
  }
}

describe('tokenizer termination: embedded WordPiece tokenizers', () => {
  suite(embedded);
});

describe.skipIf(!HAVE_DATASETS)('tokenizer termination: roberta-base and deberta-v3-base', () => {
  if (HAVE_DATASETS) suite(shared);
});
