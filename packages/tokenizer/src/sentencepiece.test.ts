import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64.js';
import { readProtobufFields } from './protobuf-reader.js';
import { tokenizerJsonFromSentencePiece } from './sentencepiece.js';
import { createTokenizer } from './tokenizer.js';

const utf8 = new TextEncoder();
const varint = (n: number): number[] => {
  const out: number[] = [];
  while (n > 127) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
};
const lengthDelimited = (field: number, bytes: number[]): number[] => [...varint(field * 8 + 2), ...varint(bytes.length), ...bytes];
const piece = (text: string, score: number, type = 1): number[] => {
  const f = new Uint8Array(new Float32Array([score]).buffer);
  return lengthDelimited(1, [...lengthDelimited(1, [...utf8.encode(text)]), 0x15, ...f, ...(type === 1 ? [] : [0x18, type])]);
};

/** A tiny Unigram ModelProto: [PAD] [CLS] [SEP] [UNK] ▁ ▁hello ▁world h e l o w r d. */
const model = new Uint8Array([
  ...piece('[PAD]', 0, 3),
  ...piece('[CLS]', 0, 3),
  ...piece('[SEP]', 0, 3),
  ...piece('[UNK]', 0, 2),
  ...['▁', '▁hello', '▁world', 'h', 'e', 'l', 'o', 'w', 'r', 'd'].flatMap((p, i) => piece(p, -1 - i)),
  ...lengthDelimited(2, [0x18, 1, ...varint(40 * 8), 3]),
]);

describe('tokenizerJsonFromSentencePiece', () => {
  it('reads pieces, scores, types and unk_id from the protobuf', () => {
    const json = tokenizerJsonFromSentencePiece(model, { kind: 'deberta-v2' });
    const vocab = (json.model as { vocab: Array<[string, number]> }).vocab;
    expect(vocab.length).toBe(14);
    expect(vocab[5]).toEqual(['▁hello', -2]);
    expect((json.model as { unk_id: number }).unk_id).toBe(3);
    expect(json.added_tokens?.map((t) => [t.content, t.id])).toEqual([['[PAD]', 0], ['[CLS]', 1], ['[SEP]', 2], ['[UNK]', 3], ['[MASK]', 14]]);
    const tok = createTokenizer(json, { model_max_length: 8 });
    expect(tok.encode('  hello   world ').ids).toEqual([1, 5, 6, 2]);
    // Strip applies to each stretch between added tokens, so the space before [MASK] disappears (as in Rust).
    expect(tok.encode('hello [MASK]').ids).toEqual([1, 5, 14, 2]);
  });

  it('rejects malformed input with a typed error', () => {
    expect(() => tokenizerJsonFromSentencePiece(new Uint8Array([0x0a, 0x05, 1]), { kind: 'deberta-v2' })).toThrow(InvalidConfigError);
    expect(() => tokenizerJsonFromSentencePiece(new Uint8Array(), { kind: 'deberta-v2' })).toThrow(InvalidConfigError);
  });
});

describe('helpers', () => {
  it('round-trips base64', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 255]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37) & 0xff);
      expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    }
    expect(encodeBase64(utf8.encode('hi!'))).toBe('aGkh');
  });

  it('reads negative varints as signed 64-bit', () => {
    const [field] = [...readProtobufFields(new Uint8Array([0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))];
    expect(field?.varint).toBe(-1);
  });
});
