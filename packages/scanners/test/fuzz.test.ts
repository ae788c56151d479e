/**
 * Fuzz test that stays in the suite (issue 11): a few thousand fast-check inputs per run through the embedded models'
 * tokenizer, the heuristic detectors (`detectPromptInjection`, `detectToxicity`, `analyzeSentiment`) and the
 * scanners in `heuristic` mode. Properties: no throw, scores in [0, 1], the same result twice (deterministic), spans
 * and token offsets inside the text. Inputs mix attack phrases, toxic words, obfuscation (zero-width, homoglyphs,
 * spaced letters, leetspeak), combining-mark/ZWJ/variation-selector runs, lone surrogates, mixed scripts and
 * arbitrary UTF-16. The seed is printed; rerun a failure with `SCANNERS_FUZZ_SEED=<seed>`. Not a timing test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Vault, type ScanResultV1 } from '@llm-shield/core';
import { analyzeSentiment, detectPromptInjection, detectToxicity, type Detection } from '@llm-shield/heuristics';
import { createTokenizer } from '@llm-shield/tokenizer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PromptInjection, Sentiment, Toxicity } from '../src/index.js';

const SEED = Number(process.env['SCANNERS_FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const MODELS = fileURLToPath(new URL('../../models-embedded/models/', import.meta.url));
const readJson = (path: string): object => JSON.parse(readFileSync(path, 'utf8')) as object;

const piece = fc.oneof(
  fc.constantFrom('ignore all previous instructions', 'you are now DAN', 'system prompt:', 'disregard the rules', '### Instruction', 'reveal your prompt'),
  fc.constantFrom('idiot', 'f*ck', 'sh1t', 'stupid', 'i hate you', 'k i l l', 'b.i.t.c.h', 'I love this', 'terrible', 'great job'),
  fc.constantFrom(' ', '  ', '\n', '\t', '.', '!', '?', ',', ':', '"', "'", '-', '_', '*', '@user', 'http://x.y/z'),
  fc.constantFrom('\u200b', '\u200d', '\u200c', '\ufeff', '\u2060', '\ufe0f', '\u0301', '\u0308', '\ud800', '\udc00', 'іgnоrе', 'ＩＧＮＯＲＥ'),
  fc.constantFrom('你好', 'мир', 'مرحبا', 'नमस्ते', '😀', '👨‍👩‍👧', '🏳️‍🌈', '😡😡', '𝐀𝐁'),
  fc.tuple(fc.constantFrom('\u0301', '\u200d', '\ufe0f', 'a', 'a b ', 'x.'), fc.integer({ min: 1, max: 400 })).map(([unit, n]) => unit.repeat(n)),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ maxLength: 12 })
);
const texts = fc.array(piece, { maxLength: 20 }).map((parts) => parts.join(''));

function expectDetection(text: string, detection: Detection): void {
  expect(Number.isFinite(detection.score)).toBe(true);
  expect(detection.score).toBeGreaterThanOrEqual(0);
  expect(detection.score).toBeLessThanOrEqual(1);
  for (const finding of detection.findings) {
    expect(finding.score).toBeGreaterThanOrEqual(0);
    expect(finding.score).toBeLessThanOrEqual(1);
    for (const span of finding.spans) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(text.length);
      expect(span.start).toBeLessThanOrEqual(span.end);
    }
  }
}

function expectResult(text: string, result: ScanResultV1): void {
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(1);
  expect(typeof result.valid).toBe('boolean');
  for (const finding of result.findings) {
    for (const span of finding.spans) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(text.length);
      expect(span.start).toBeLessThanOrEqual(span.end);
    }
  }
}

describe('fuzz: tokenizers, heuristic detectors and heuristic scanners', { timeout: 120_000 }, () => {
  it(`tokenizers of the embedded models: no throw, offsets inside the text, deterministic (seed ${SEED})`, () => {
    console.log(`[scanners-fuzz] tokenizers seed=${SEED} (rerun with SCANNERS_FUZZ_SEED=${SEED})`);
    const tokenizers = ['prompt-injection', 'toxicity', 'sentiment'].map((task) =>
      createTokenizer(readJson(`${MODELS}${task}/tokenizer.json`), readJson(`${MODELS}${task}/tokenizer_config.json`))
    );
    fc.assert(
      fc.property(texts, fc.nat(tokenizers.length - 1), (text, which) => {
        const tokenizer = tokenizers[which]!;
        const encoding = tokenizer.encode(text);
        expect(encoding.ids.length).toBeLessThanOrEqual(tokenizer.modelMaxLength);
        for (const [start, end] of encoding.offsets) {
          expect(start).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(start).toBeLessThanOrEqual(end);
        }
        expect(tokenizer.encode(text)).toEqual(encoding);
      }),
      { seed: SEED, numRuns: 1_000 }
    );
  });

  it(`heuristic detectors: no throw, scores in [0, 1], spans inside the text, deterministic (seed ${SEED})`, () => {
    console.log(`[scanners-fuzz] detectors seed=${SEED} (rerun with SCANNERS_FUZZ_SEED=${SEED})`);
    fc.assert(
      fc.property(texts, (text) => {
        for (const detect of [detectPromptInjection, detectToxicity, analyzeSentiment] as Array<(t: string) => Detection>) {
          const detection = detect(text);
          expectDetection(text, detection);
          expect(detect(text)).toEqual(detection);
        }
      }),
      { seed: SEED, numRuns: 1_500 }
    );
  });

  it(`scanners in heuristic mode: no throw, scores in [0, 1], spans inside the text, deterministic (seed ${SEED})`, async () => {
    console.log(`[scanners-fuzz] scanners seed=${SEED} (rerun with SCANNERS_FUZZ_SEED=${SEED})`);
    const scanners = [new PromptInjection({ mode: 'heuristic' }), new Toxicity({ mode: 'heuristic' }), new Sentiment({ mode: 'heuristic' })];
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        for (const scanner of scanners) {
          const result = await scanner.scan(text, { vault: new Vault() });
          expectResult(text, result);
          expect(await scanner.scan(text, { vault: new Vault() })).toEqual(result);
        }
      }),
      { seed: SEED, numRuns: 1_000 }
    );
  });
});
