import { InvalidConfigError, Vault } from '@llm-shield/core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the scanners run the NER fixture on the Node runtime users get
import { createNodeRuntime } from '@llm-shield/runtime-node';
import { acquireClassifier, resolveModelOptions } from '@llm-shield/scanners';
import { describe, expect, it } from 'vitest';
import { nerFixtureSource, unavailableSource } from '../../test/ner-fixture.js';
import { createAnonymize } from '../scanners/anonymize.js';
import { createSensitive } from '../scanners/sensitive.js';
import { AI4PRIVACY_ENTITY_MAPPING, detectWithNer, resolveNerDetection } from './pii-ner.js';
import { classifyTokens } from './token-classifier.js';

const runtime = createNodeRuntime();
const model = { source: nerFixtureSource, runtime, id: 'tiny-deberta-pii-ner' };
const KNOWN = new Set(['PERSON', 'EMAIL_ADDRESS', 'STREET_ADDRESS', 'DATE_OF_BIRTH', 'IP_ADDRESS', 'CUSTOM']);
/** The random fixture labels most tokens FIRSTNAME, CITY, DOB or LASTNAME: map them so that something is found. */
const FIXTURE_MAPPING = { FIRSTNAME: 'PERSON', LASTNAME: 'PERSON', CITY: 'STREET_ADDRESS', DOB: 'DATE_OF_BIRTH' };
const TEXT = 'My name is John Smith and my email is john.smith@acme.com.';
const context = () => ({ vault: new Vault() });

describe('NER options', () => {
  it('defaults to the rules and refuses unknown values, a missing model and bad mappings', () => {
    expect(resolveNerDetection('Anonymize', {}, KNOWN)).toMatchObject({ mode: 'rules', onModelFailure: 'block' });
    expect(() => createAnonymize({ recognizer: 'spacy' as never })).toThrow(InvalidConfigError);
    try {
      createAnonymize({ recognizer: 'ml' });
      expect.unreachable();
    } catch (error) {
      expect((error as InvalidConfigError).details).toMatchObject({ scanner: 'Anonymize', field: 'model' });
    }
    expect(() => createSensitive({ recognizer: 'hybrid', model, onModelFailure: 'ignore' as never })).toThrow(InvalidConfigError);
    expect(() => createAnonymize({ recognizer: 'ml', model, nerStride: -1 })).toThrow(InvalidConfigError);
    expect(() => createAnonymize({ recognizer: 'ml', model, entityMapping: { FIRSTNAME: 'NAME' } })).toThrow(/entityMapping.FIRSTNAME/);
    expect(() => createAnonymize({ recognizer: 'ml', model: { ...model, id: '' } })).toThrow(InvalidConfigError);
    expect(AI4PRIVACY_ENTITY_MAPPING.FIRSTNAME).toBe('PERSON');
  });
});

describe('detectWithNer', () => {
  it('maps the pipeline groups, trims the space DeBERTa-v3 offsets include, and joins same-type neighbours', async () => {
    const ner = resolveNerDetection('t', { recognizer: 'ml', model, entityMapping: FIXTURE_MAPPING }, KNOWN);
    const found = await detectWithNer(ner, TEXT);
    const loaded = await acquireClassifier(resolveModelOptions('t', model)!);
    const groups = (await classifyTokens(loaded, TEXT)).filter((g) => g.entityGroup in FIXTURE_MAPPING);
    expect(found.length).toBeGreaterThan(0);
    expect(found.length).toBeLessThanOrEqual(groups.length);
    for (const d of found) {
      expect(TEXT.slice(d.start, d.end)).toBe(TEXT.slice(d.start, d.end).trim());
      expect(d).toMatchObject({ reason: 'library', recognizer: 'ner' });
      // every detection is made of whole groups of its type
      const inside = groups.filter((g) => g.start < d.end && d.start < g.end);
      expect(inside.length).toBeGreaterThan(0);
      expect(inside.every((g) => FIXTURE_MAPPING[g.entityGroup as keyof typeof FIXTURE_MAPPING] === d.entityType)).toBe(true);
      expect(d.score).toBeCloseTo(Math.min(...inside.map((g) => g.score)), 12);
    }
    for (let i = 1; i < found.length; i++) {
      const gap = TEXT.slice(found[i - 1]!.end, found[i]!.start);
      expect(found[i - 1]!.entityType !== found[i]!.entityType || gap.trim() !== '').toBe(true);
    }
    expect(await detectWithNer(ner, '   ')).toEqual([]);
  });
});

describe('Anonymize and Sensitive with the NER detector', () => {
  it('ml: replaces the model entities, reports method ml and the model, and restores through the vault', async () => {
    const scanner = createAnonymize({ recognizer: 'ml', model, entityMapping: FIXTURE_MAPPING, threshold: 0.1 });
    const ctx = context();
    const result = await scanner.scan(TEXT, ctx);
    expect(result.method).toBe('ml');
    expect(result.model).toMatchObject({ id: 'tiny-deberta-pii-ner' });
    expect(result.valid).toBe(false);
    expect(result.sanitizedText).toMatch(/\[REDACTED_(PERSON|STREET_ADDRESS|DATE_OF_BIRTH)_1\]/);
    let restored = result.sanitizedText!;
    for (const [placeholder, value] of ctx.vault.entries()) restored = restored.split(placeholder).join(value);
    expect(restored).toBe(TEXT);
    for (const f of result.findings) for (const s of f.spans ?? []) expect(s.end).toBeLessThanOrEqual(TEXT.length);
  });

  it('ml keeps hiddenNames (as llm-guard runs its pattern recognisers beside the model); rules ignore the model', async () => {
    const ml = await createAnonymize({ recognizer: 'ml', model, entityMapping: {}, hiddenNames: ['acme'] }).scan(TEXT, context());
    expect(ml.method).toBe('ml');
    expect(ml.sanitizedText).toContain('[REDACTED_CUSTOM_1]');
    expect(ml.sanitizedText).toContain('john.smith@'); // the email recogniser is a rule: not run in ml mode
    const rules = await createAnonymize({ model: { ...model, source: unavailableSource } }).scan(TEXT, context());
    expect(rules.method).toBe('heuristic');
    expect(rules.sanitizedText).toContain('[REDACTED_EMAIL_ADDRESS_1]');
  });

  it('hybrid: rules and model together, overlaps resolved', async () => {
    const result = await createSensitive({ recognizer: 'hybrid', model, entityMapping: FIXTURE_MAPPING, threshold: 0.1, redact: true }).scan('', TEXT, context());
    expect(result.method).toBe('hybrid');
    expect(result.sanitizedText).toContain('<EMAIL_ADDRESS>');
    const spans = result.findings.flatMap((f) => f.spans ?? []).sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
  });

  it('fails closed by default when the model cannot load; fallback lets the rules answer; throw raises', async () => {
    const broken = { ...model, source: unavailableSource, id: 'nowhere/ner', retryAfterMs: 0 };
    const blocked = await createAnonymize({ recognizer: 'ml', model: broken }).scan(TEXT, context());
    expect(blocked).toMatchObject({ valid: false, method: 'failed-closed', sanitizedText: TEXT, failure: { code: 'LLMS_MODEL_UNAVAILABLE' } });
    const fallback = await createSensitive({ recognizer: 'ml', model: broken, onModelFailure: 'fallback' }).scan('', TEXT, context());
    expect(fallback.method).toBe('fallback');
    expect(fallback.fallbackReason).toMatch(/NER model/);
    expect(fallback.valid).toBe(false); // the email rule still flags it
    await expect(createAnonymize({ recognizer: 'ml', model: broken, onModelFailure: 'throw' }).scan(TEXT, context())).rejects.toMatchObject({
      code: 'LLMS_MODEL_UNAVAILABLE',
    });
  });

  it('an aborted scan rejects with AbortedError whatever the policy', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(createAnonymize({ recognizer: 'ml', model, onModelFailure: 'fallback' }).scan(TEXT, { vault: new Vault(), signal: controller.signal })).rejects.toMatchObject({
      code: 'LLMS_ABORTED',
    });
  });

  it('reads a long adversarial input in windows with bounded results (60 KB of digits, @ and zero-width runs)', async () => {
    const text = ('1234567890'.repeat(3) + ' @@@@ \u200b\u200b\u200b John ').repeat(2000).slice(0, 60_000);
    const result = await createAnonymize({ recognizer: 'hybrid', model, entityMapping: FIXTURE_MAPPING, threshold: 0.3 }).scan(text, context());
    expect(['hybrid']).toContain(result.method);
    const spans = result.findings.flatMap((f) => f.spans ?? []);
    expect(spans.length).toBeLessThan(text.length);
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
    }
  });
});
