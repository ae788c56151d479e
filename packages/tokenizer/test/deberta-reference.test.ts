/**
 * The JS-built DeBERTa-v3 tokenizer against the Python references recorded by tools/tokenizer/deberta_reference.py
 * (transformers' DebertaV2Converter run by Rust tokenizers; sentencepiece for information).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTokenizer, tokenizerJsonFromSentencePiece } from '../src/index.js';
import { EDGE_CASES, referenceTexts } from './reference-texts.mjs';
import { DATASETS, HAVE_DATASETS } from './sample-texts.js';

interface Entry {
  text?: string;
  index?: number;
  sha256?: string;
  transformers: number[];
  sentencepiece?: number[];
}
const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'deberta-v3-reference.json'), 'utf8')) as {
  structuralDifferences: string[];
  edgeCases: Entry[];
  sampled: Entry[];
};

describe.skipIf(!HAVE_DATASETS)('deberta-v3 from spm.model vs the Python reference', () => {
  const spm = HAVE_DATASETS ? readFileSync(join(DATASETS, 'tokenizers/deberta-v3-base/spm.model')) : new Uint8Array();
  const config = HAVE_DATASETS ? (JSON.parse(readFileSync(join(DATASETS, 'tokenizers/deberta-v3-base/tokenizer_config.json'), 'utf8')) as object) : {};
  const tokenizer = HAVE_DATASETS ? createTokenizer(tokenizerJsonFromSentencePiece(spm, { kind: 'deberta-v2' }), config) : undefined;
  const encode = (text: string): number[] => tokenizer?.encode(text, { truncation: { strategy: 'none' }, padding: 'none' }).ids ?? [];

  it('was recorded with a structurally identical tokenizer.json', () => {
    expect(fixture.structuralDifferences).toEqual([]);
  });

  it('matches transformers on every edge case', () => {
    expect(fixture.edgeCases.map((e) => e.text)).toEqual(EDGE_CASES);
    for (const entry of fixture.edgeCases) expect(encode(entry.text ?? ''), JSON.stringify(entry.text)).toEqual(entry.transformers);
  });

  it('segments ASCII text (CR LF, controls) exactly as the general grapheme path does', () => {
    // ASCII input skips Intl.Segmenter in the precompiled-charsmap normaliser; a trailing non-ASCII word forces the
    // general path, and the ids before it must be the same.
    for (const text of ['line one\r\nline two\rthree\n\r\nfour', 'tabs\tand  double  spaces, CR LF:\r\n\r\nend.', '\r\n\r\n', 'a\u0001b\u007fc ~!@#']) {
      const ascii = encode(text);
      const general = encode(`${text} é`);
      expect(general.slice(0, ascii.length - 1), JSON.stringify(text)).toEqual(ascii.slice(0, -1));
    }
  });

  it('matches transformers on every sampled text', () => {
    const texts = referenceTexts();
    expect(texts.length).toBe(fixture.sampled.length);
    let agreeWithSentencePiece = 0;
    for (const entry of fixture.sampled) {
      const text = texts[entry.index ?? -1] ?? '';
      expect(createHash('sha256').update(text).digest('hex')).toBe(entry.sha256);
      const ids = encode(text);
      expect(ids, text).toEqual(entry.transformers);
      if (!entry.sentencepiece) agreeWithSentencePiece++;
    }
    console.log(`[deberta-ref] ${fixture.sampled.length} sampled texts equal to transformers; sentencepiece agrees on ${agreeWithSentencePiece}`);
  });
});
