/**
 * The fixture models' tokenizer files: `@llm-shield/tokenizer` must give the token ids that Python's `tokenizers`
 * recorded in each `reference.json` (the ids every runtime test feeds), and the DeBERTa fixture's `tokenizer.json`
 * (converted in Python by transformers' DebertaV2Converter) must be what `tokenizerJsonFromSentencePiece` builds from
 * the shared `spm.model` (skipped where `../shared/datasets` is absent).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: checks the fixtures' tokenizer files the way the scanners read them
import { createTokenizer, tokenizerJsonFromSentencePiece } from '@llm-shield/tokenizer';
import { describe, expect, it } from 'vitest';
import { FIXTURE_NAMES, fixtureDir, loadReference } from './conformance.js';

const SPM_MODEL = fileURLToPath(new URL('../../../../shared/datasets/tokenizers/deberta-v3-base/spm.model', import.meta.url));
const HAVE_SPM = existsSync(SPM_MODEL);

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

describe('fixture tokenizers', () => {
  for (const fixture of FIXTURE_NAMES) {
    it(`${fixture}: @llm-shield/tokenizer gives reference.json's token ids`, () => {
      const dir = fixtureDir(fixture);
      const tokenizer = createTokenizer(readJson(join(dir, 'tokenizer.json')), readJson(join(dir, 'tokenizer_config.json')));
      for (const sample of loadReference(fixture).samples) {
        const encoding = tokenizer.encode(sample.text, { padding: 'none' });
        expect(encoding.ids, sample.text).toEqual(sample.input_ids);
        expect(encoding.attentionMask).toEqual(sample.attention_mask);
      }
    });
  }

  it.skipIf(!HAVE_SPM)(`tiny-deberta-injection: tokenizer.json equals tokenizerJsonFromSentencePiece(spm.model)${HAVE_SPM ? '' : ' (skipped: ../shared/datasets is absent)'}`, () => {
    const built = tokenizerJsonFromSentencePiece(new Uint8Array(readFileSync(SPM_MODEL)), { kind: 'deberta-v2' }) as Record<string, unknown>;
    const committed = readJson(join(fixtureDir('tiny-deberta-injection'), 'tokenizer.json'));
    // Only how Hugging Face serialises differs (version, the decoder it writes); what encodes must be equal.
    for (const key of ['added_tokens', 'normalizer', 'pre_tokenizer', 'post_processor', 'model']) {
      expect(JSON.parse(JSON.stringify(built[key])), key).toEqual(committed[key]);
    }
  });
});
