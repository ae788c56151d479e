/**
 * Under right and head-tail truncation the tokenizer tokenises only a prefix (and, for head-tail, a suffix) of long
 * texts, cut at safe points: the kept ids and offsets must equal those of the full tokenisation (the whole text,
 * then cut), on the parity corpus (plus long texts made by joining it) for all three vocabularies at maxLength 16,
 * 128 and 512. Skips when ../shared/datasets is absent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTokenizer, tokenizerJsonFromSentencePiece } from '../src/index.js';
import { DATASETS, HAVE_DATASETS, rng, sampleTexts } from './sample-texts.js';

const TOKENIZERS = join(DATASETS, 'tokenizers');
const read = (path: string): object => JSON.parse(readFileSync(join(TOKENIZERS, path), 'utf8')) as object;

const cases = [
  { name: 'roberta-base', json: () => read('roberta-base/tokenizer.json'), config: () => read('roberta-base/tokenizer_config.json') },
  { name: 'bert-base-uncased', json: () => read('bert-base-uncased/derived/tokenizer.json'), config: () => ({ model_max_length: 512 }) },
  {
    name: 'deberta-v3-base',
    json: () => tokenizerJsonFromSentencePiece(readFileSync(join(TOKENIZERS, 'deberta-v3-base/spm.model')), { kind: 'deberta-v2' }),
    config: () => read('deberta-v3-base/tokenizer_config.json'),
  },
];

/** The parity corpus, plus long texts (joined with spaces / newlines) up to ~40,000 characters. */
function corpus(): string[] {
  const texts = sampleTexts();
  const random = rng(7);
  const long: string[] = [];
  for (let k = 0; k < 60; k++) {
    const parts: string[] = [];
    const target = [2_000, 6_000, 14_000, 40_000][k % 4] ?? 2_000;
    let size = 0;
    while (size < target) {
      const text = texts[Math.floor(random() * texts.length)] ?? '';
      parts.push(text);
      size += text.length + 1;
    }
    long.push(parts.join(k % 3 === 0 ? '\n' : ' '));
  }
  return [...texts, ...long];
}

describe.skipIf(!HAVE_DATASETS)('prefix tokenisation under truncation', () => {
  const texts = HAVE_DATASETS ? corpus() : [];

  for (const c of cases) {
    it(`${c.name}: right and head-tail truncation keep the ids and offsets of the full tokenisation`, () => {
      const tok = createTokenizer(c.json(), c.config());
      let checked = 0;
      let cut = 0;
      const failures: string[] = [];
      for (const text of texts) {
        const full = tok.encode(text, { truncation: { strategy: 'none' }, padding: 'none', addSpecialTokens: false });
        for (const maxLength of [16, 128, 512]) {
          const right = tok.encode(text, { maxLength, truncation: { strategy: 'right' }, padding: 'none', addSpecialTokens: false });
          const head = Math.floor(maxLength / 4);
          const tail = maxLength - head;
          const headTail = tok.encode(text, { maxLength, truncation: { strategy: 'head-tail', head, tail }, padding: 'none', addSpecialTokens: false });
          const over = full.ids.length > maxLength;
          const expectedRight = { ids: full.ids.slice(0, maxLength), offsets: full.offsets.slice(0, maxLength), truncated: over };
          const expectedHeadTail = over
            ? { ids: [...full.ids.slice(0, head), ...full.ids.slice(-tail)], offsets: [...full.offsets.slice(0, head), ...full.offsets.slice(-tail)], truncated: true }
            : { ids: full.ids, offsets: full.offsets, truncated: false };
          checked++;
          if (over) cut++;
          for (const [kind, actual, expected] of [
            ['right', right, expectedRight],
            ['head-tail', headTail, expectedHeadTail],
          ] as const) {
            const same =
              JSON.stringify(actual.ids) === JSON.stringify(expected.ids) &&
              JSON.stringify(actual.offsets) === JSON.stringify(expected.offsets) &&
              actual.truncated === expected.truncated;
            if (!same && failures.length < 5) {
              const at = expected.ids.findIndex((id, i) => id !== actual.ids[i] || JSON.stringify(expected.offsets[i]) !== JSON.stringify(actual.offsets[i]));
              failures.push(
                `${kind} ${maxLength}: ${JSON.stringify(text.slice(0, 80))} (${text.length} chars), at ${at}: expected ${JSON.stringify(expected.ids.slice(at, at + 3))} ${JSON.stringify(expected.offsets.slice(at, at + 3))}, got ${JSON.stringify(actual.ids.slice(at, at + 3))} ${JSON.stringify(actual.offsets.slice(at, at + 3))}, truncated ${actual.truncated}/${expected.truncated}`,
              );
            }
          }
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBeGreaterThanOrEqual(6_000);
      expect(cut).toBeGreaterThan(500);
    }, 600_000);
  }
});
