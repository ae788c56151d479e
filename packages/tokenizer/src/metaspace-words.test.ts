import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AlignedString } from './aligned-string.js';
import { rawMetaspaceOptions } from './metaspace-words.js';
import { createNormalizer, type NormalizerConfig } from './normalizer.js';
import { createTokenizer } from './tokenizer.js';

const NO_TRUNCATION = { truncation: { strategy: 'none' }, padding: 'none' } as const;
/** The embedded tiny deberta fixture: its Precompiled charsmap (nmt_nfkc) and 128,000-piece Unigram vocab. */
const FIXTURE = fileURLToPath(new URL('../../../models/fixtures/tiny-deberta-injection/tokenizer.json', import.meta.url));
const deberta = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { normalizer: NormalizerConfig; [key: string]: unknown };

/** A small Unigram tokenizer.json with a Metaspace pre-tokenizer. */
function unigramJson(metaspace: Record<string, unknown>, normalizer: object | null, trimOffsets: boolean): object {
  const pieces = ['<unk>', '▁', 'a', 'b', '▁a', '▁ab', 'ab', 'ba', '▁b', '😀', '▁😀', 'é', '\u0301', 'x'];
  return {
    added_tokens: [{ id: 0, content: '<unk>', special: true, normalized: false }],
    normalizer,
    pre_tokenizer: { type: 'Metaspace', replacement: '▁', split: true, ...metaspace },
    post_processor: trimOffsets ? { type: 'RobertaProcessing', sep: ['<unk>', 0], cls: ['<unk>', 0], trim_offsets: true, add_prefix_space: false } : null,
    model: { type: 'Unigram', unk_id: 0, vocab: pieces.map((piece, k) => [piece, -1 - k * 0.5]) },
  };
}

const texts = fc.sample(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '▁', '😀', 'é', '\u0301', 'x', '\n', '\ud800'), maxLength: 24 }), {
  numRuns: 400,
  seed: 1414,
});
const edgeCases = ['', ' ', '▁', 'a', ' a', 'a ', '▁a▁ b', 'x▁', 'ab  ba', '😀 a', 'a 😀', '😀', 'e\u0301 ab', '\ud800 a'];

describe('MetaspaceWords (the raw Metaspace path)', () => {
  it('is used only for a lone splitting Metaspace with a one-unit replacement', () => {
    expect(rawMetaspaceOptions({ type: 'Metaspace', replacement: '▁', prepend_scheme: 'first' })).toEqual({ replacement: '▁', scheme: 'first' });
    expect(rawMetaspaceOptions({ type: 'Sequence', pretokenizers: [{ type: 'Metaspace', add_prefix_space: false }] })).toEqual({ replacement: '▁', scheme: 'never' });
    expect(rawMetaspaceOptions({ type: 'Metaspace', split: false })).toBeUndefined();
    expect(rawMetaspaceOptions({ type: 'Metaspace', replacement: '😀' })).toBeUndefined();
    expect(rawMetaspaceOptions({ type: 'Sequence', pretokenizers: [{ type: 'WhitespaceSplit' }, { type: 'Metaspace' }] })).toBeUndefined();
    expect(rawMetaspaceOptions(null)).toBeUndefined();
  });

  it('gives the ids and offsets of the general path for every prepend scheme, with and without trimmed offsets', () => {
    for (const scheme of ['always', 'first', 'never']) {
      for (const trim of [false, true]) {
        // no normaliser: the raw path; NFC (no unchanged check): the general path, equal on these texts
        const raw = createTokenizer(unigramJson({ prepend_scheme: scheme }, null, trim));
        const general = createTokenizer(unigramJson({ prepend_scheme: scheme }, { type: 'NFC' }, trim));
        for (const text of [...edgeCases, ...texts]) {
          if (text.normalize('NFC') !== text) continue;
          const options = [NO_TRUNCATION, { maxLength: 6 }] as const;
          for (const option of options) expect(raw.encode(text, option), `${scheme} ${trim} ${JSON.stringify(text)}`).toEqual(general.encode(text, option));
        }
      }
    }
  });
});

describe('normalizers: leavesUnchanged', () => {
  const configs: Array<[string, NormalizerConfig | null]> = [
    ['null', null],
    ['Strip', { type: 'Strip', strip_left: true, strip_right: true }],
    ['Strip right', { type: 'Strip', strip_left: false, strip_right: true }],
    ['Replace', { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' }],
    ['deberta (Strip, Precompiled, Replace)', deberta.normalizer],
  ];
  const samples = fc.sample(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', '\n', 'é', 'e\u0301', 'ﬁ', 'Ａ', '😀', '\u200d', '\u3000', '\ud800', '1'), maxLength: 16 }), {
    numRuns: 500,
    seed: 14,
  });

  it('answers true only where the normaliser changes nothing, and for plain text', () => {
    for (const [name, config] of configs) {
      const normalize = createNormalizer(config);
      const check = normalize.leavesUnchanged;
      expect(check, name).toBeDefined();
      let unchanged = 0;
      for (const text of samples) {
        if (!check?.(text, 0, text.length)) continue;
        unchanged++;
        const normalized = normalize(AlignedString.fromOriginal(text));
        expect(normalized.text, `${name} ${JSON.stringify(text)}`).toBe(text);
        expect(normalized.originalRange(0, text.length), name).toEqual([0, text.length]);
      }
      expect(unchanged, name).toBeGreaterThan(0);
      expect(check?.('plain words here', 0, 16), name).toBe(true);
      // a stretch inside a longer text is checked alone
      expect(check?.('  plain  ', 2, 7), name).toBe(true);
    }
  });

  it('answers false where a normaliser acts', () => {
    expect(createNormalizer({ type: 'Strip', strip_left: true, strip_right: true }).leavesUnchanged?.(' a', 0, 2)).toBe(false);
    expect(createNormalizer({ type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' }).leavesUnchanged?.('a  b', 0, 4)).toBe(false);
    const precompiled = createNormalizer(deberta.normalizer).leavesUnchanged;
    for (const text of ['ﬁ', 'Ａ', 'e\u0301', 'a\tb', '😀']) expect(precompiled?.(text, 0, text.length), JSON.stringify(text)).toBe(false);
    expect(createNormalizer({ type: 'Lowercase' }).leavesUnchanged).toBeUndefined();
    expect(createNormalizer({ type: 'Sequence', normalizers: [{ type: 'Strip' }, { type: 'Lowercase' }] }).leavesUnchanged).toBeUndefined();
  });
});
