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
const debertaJson = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { normalizer: NormalizerConfig; [key: string]: unknown };

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

describe('the raw Metaspace path after a normaliser that replaces units (deberta fixture)', () => {
  it('gives the ids and offsets of the general path', () => {
    const raw = createTokenizer(debertaJson);
    // NFC (no unit map) after nmt_nfkc changes nothing but sends every text down the general path
    const normalizers = (debertaJson.normalizer as unknown as { normalizers: NormalizerConfig[] }).normalizers;
    const general = createTokenizer({ ...debertaJson, normalizer: { type: 'Sequence', normalizers: [...normalizers, { type: 'NFC' }] } });
    const generated = fc.sample(fc.string({ unit: fc.constantFrom('ab', 'cd', ' ', '\n', '\t', 'Ａ', 'é', '▁', '😀', 'x', '.'), maxLength: 20 }), { numRuns: 300, seed: 7 });
    for (const text of [...edgeCases, 'line one\nline two\tand\tmore', 'ＡＢ full width\n', '  lead and trail  ', '\n\npara\n\n  two  ', '   ', ' \n ', ...generated]) {
      for (const option of [NO_TRUNCATION, { maxLength: 8 }] as const) expect(raw.encode(text, option), JSON.stringify(text)).toEqual(general.encode(text, option));
    }
  });
});

describe('normalizers: unitMap', () => {
  const configs: Array<[string, NormalizerConfig | null]> = [
    ['null', null],
    ['Strip', { type: 'Strip', strip_left: true, strip_right: true }],
    ['Strip right', { type: 'Strip', strip_left: false, strip_right: true }],
    ['Replace', { type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' }],
    ['Replace (deleting)', { type: 'Replace', pattern: { Regex: '\\s+' }, content: '' }],
    ['deberta (Strip, Precompiled, Replace)', debertaJson.normalizer],
  ];
  const samples = fc.sample(fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', '\n', 'é', 'e\u0301', 'ﬁ', 'Ａ', '😀', '\u200d', '\u3000', '\ud800', '1', '\r\n', '…'), maxLength: 16 }), {
    numRuns: 500,
    seed: 14,
  });

  it('gives the normalised text and the origin of each unit, as the normaliser aligns them, wherever it answers', () => {
    for (const [name, config] of configs) {
      const normalize = createNormalizer(config);
      const unitMap = normalize.unitMap;
      expect(unitMap, name).toBeDefined();
      let answered = 0;
      for (const text of samples) {
        const mapped = unitMap?.(text, 0, text.length);
        if (mapped === undefined) continue;
        answered++;
        const normalized = normalize(AlignedString.fromOriginal(text));
        expect(normalized.text, `${name} ${JSON.stringify(text)}`).toBe(mapped.text);
        const origin = Array.from({ length: mapped.text.length }, (_, i) => mapped.origin?.[i] ?? i);
        expect(Array.from(normalized.starts), `${name} ${JSON.stringify(text)}`).toEqual(origin);
        expect(Array.from(normalized.ends), `${name} ${JSON.stringify(text)}`).toEqual(origin.map((i) => i + 1));
      }
      expect(answered, name).toBeGreaterThan(0);
      if (name.includes('deleting')) continue;
      expect(unitMap?.('plain words here', 0, 16), name).toEqual({ text: 'plain words here', origin: undefined });
      // a stretch inside a longer text is mapped alone
      expect(unitMap?.('  plain  ', 2, 7), name).toEqual({ text: 'plain', origin: undefined });
    }
  });

  it('maps replaced units, collapsed runs and stripped ends to their origins, and refuses the rest', () => {
    const deberta = createNormalizer(debertaJson.normalizer).unitMap;
    expect(deberta?.('a\tb\nＡ', 0, 5)).toEqual({ text: 'a b A', origin: undefined });
    // Strip, then nmt_nfkc (newline → space), then "  " → " " aligned to the run's last space
    expect(deberta?.(' a\n\nb ', 0, 6)).toEqual({ text: 'a b', origin: Int32Array.of(1, 3, 4) });
    for (const text of ['ﬁ', '…', 'e\u0301', '😀']) expect(deberta?.(text, 0, text.length), JSON.stringify(text)).toBeUndefined();
    expect(createNormalizer({ type: 'Strip', strip_left: true, strip_right: true }).unitMap?.(' a\u3000', 0, 3)).toEqual({ text: 'a', origin: Int32Array.of(1) });
    expect(createNormalizer({ type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' }).unitMap?.('a  b', 0, 4)).toEqual({ text: 'a b', origin: Int32Array.of(0, 2, 3) });
    // a replacement longer than its match is aligned to the whole match: refused
    expect(createNormalizer({ type: 'Replace', pattern: { String: 'a' }, content: 'xy' }).unitMap?.('bab', 0, 3)).toBeUndefined();
    expect(createNormalizer({ type: 'Lowercase' }).unitMap).toBeUndefined();
    expect(createNormalizer({ type: 'Sequence', normalizers: [{ type: 'Strip' }, { type: 'Lowercase' }] }).unitMap).toBeUndefined();
  });
});
