/**
 * Parity of the token-classification head with Python transformers' `pipeline("token-classification",
 * aggregation_strategy="simple", stride=16)`: models/fixtures/tiny-deberta-pii-ner is a random-weight DeBERTa-v3
 * token classifier with ai4privacy's 113 labels (tools/fixtures/build_ner_fixture.py), its `reference.json` the
 * pipeline's entity groups for 51 texts (accents, CJK, Arabic, emoji, zero-width and combining characters, texts of up
 * to 9 windows). Runs the ONNX graph on the Node runtime users get. Scores within 1e-4, spans exact (UTF-16).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the parity runs the graph on the Node runtime users get
import { createNodeRuntime } from '@llm-shield/runtime-node';
import { loadClassifier, resolveModelOptions, type LoadedClassifier } from '@llm-shield/scanners';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NER_FIXTURE as FIXTURE, nerFixtureSource } from '../../test/ner-fixture.js';
import { classifyTokens, encodeContent } from './token-classifier.js';

interface Reference {
  stride: number;
  cases: Array<{ text: string; tokens: number; ids: number[]; offsets16: Array<[number, number]>; entities: Array<{ entity_group: string; score: number; start16: number; end16: number }> }>;
}

describe('classifyTokens: parity with transformers TokenClassificationPipeline (simple aggregation, stride)', () => {
  let model: LoadedClassifier;
  let reference: Reference;

  beforeAll(async () => {
    reference = JSON.parse(await readFile(join(FIXTURE, 'reference.json'), 'utf8')) as Reference;
    const options = resolveModelOptions('test', { source: nerFixtureSource, runtime: createNodeRuntime(), id: 'tiny-deberta-pii-ner' })!;
    model = await loadClassifier(options);
  });
  afterAll(async () => {
    await model?.session.dispose();
  });

  it('reads the 113 ai4privacy-shaped labels and a 64-token window from the model files', () => {
    expect(model.labels).toHaveLength(113);
    expect(model.labels[0]).toBe('O');
    expect(model.labels).toContain('B-FIRSTNAME');
    expect(model.tokenizer.modelMaxLength).toBe(64);
  });

  it('gives the pipeline entity groups, scores (1e-4) and UTF-16 spans on every reference text', async () => {
    expect(reference.cases.length).toBeGreaterThanOrEqual(50);
    expect(reference.cases.some((c) => c.tokens > 62 * 4)).toBe(true); // several windows exercised
    let compared = 0;
    for (const c of reference.cases) {
      const got = await classifyTokens(model, c.text, { stride: reference.stride });
      expect(got.map((e) => e.entityGroup), JSON.stringify(c.text.slice(0, 60))).toEqual(c.entities.map((e) => e.entity_group));
      got.forEach((e, i) => {
        const want = c.entities[i]!;
        expect(Math.abs(e.score - want.score)).toBeLessThan(1e-4);
        expect(e.start).toBe(want.start16);
        // exact, combining marks included: a composed "e" + U+0301 spans the "e", as Rust's offsets do
        expect(e.end).toBe(want.end16);
      });
      compared += got.length;
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it('tokenises long texts in pieces cut at safe cuts with the ids and offsets of Rust tokenizers on the whole text', () => {
    let checked = 0;
    for (const c of reference.cases) {
      if (!/[\p{L}\p{N}] [\p{L}\p{N}]/u.test(c.text)) continue; // no safe cut: pieces end at best-effort cuts
      const pieces = encodeContent(model, c.text, 40);
      expect(pieces.ids).toEqual(c.ids);
      expect(pieces.offsets).toEqual(c.offsets16);
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('keeps spans inside the text and sorted on a long input of many windows', async () => {
    const text = 'Anna Schmidt, anna@example.org. '.repeat(200);
    const got = await classifyTokens(model, text);
    expect(got.length).toBeGreaterThan(100);
    for (let i = 0; i < got.length; i++) {
      expect(got[i]!.start).toBeGreaterThanOrEqual(0);
      expect(got[i]!.end).toBeLessThanOrEqual(text.length);
      if (i > 0) expect(got[i]!.start).toBeGreaterThanOrEqual(got[i - 1]!.end);
    }
  });

  it('refuses a stride that leaves a window no progress', async () => {
    await expect(classifyTokens(model, 'x '.repeat(100), { stride: 62 })).rejects.toMatchObject({ code: 'LLMS_INVALID_MODEL' });
  });

  it('stops at an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(classifyTokens(model, 'hello', { signal: controller.signal })).rejects.toMatchObject({ code: 'LLMS_ABORTED' });
  });
});
