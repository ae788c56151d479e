import { createFailedClosedResult, createScanResult, type InputScannerV1, type ScanContextV1, type ScanResultV1, type Vault } from '@llm-shield/core';
import type { RegexPatternGroup } from '../recognizers/custom-patterns.js';
import { DEFAULT_FAKER_SEED, fakerFor, fakeValue } from '../vault/fake-values.js';
import { findPlaceholderLike, parsePlaceholder, placeholderFor } from '../vault/placeholders.js';
import { entityFindings, summarizeEntities } from './findings.js';
import { checkKnownOptions, readBoolean, readString, badValue } from './options.js';
import { detectPiiWithPolicy, NerFailure, PII_DETECTION_OPTIONS, resolvePiiDetection, type PiiLanguage, type PiiNerOptions } from './pii-config.js';

/** Options of {@link createAnonymize} (llm-guard's Anonymize parameters in camelCase). */
export interface AnonymizeConfig extends PiiNerOptions {
  /** Entity types to replace (default: every built-in type, see `DEFAULT_ENTITY_TYPES`). */
  entityTypes?: string[];
  /** Names always replaced, as `CUSTOM` (default none). */
  hiddenNames?: string[];
  /** Values never replaced, compared case-insensitively (default none). */
  allowedNames?: string[];
  /** Text put before the sanitized prompt when something was replaced (default `''`). */
  preamble?: string;
  /** Extra pattern groups, each reported under its `name` (default none). */
  regexPatterns?: RegexPatternGroup[];
  /** Replace values by realistic fakes (`@faker-js/faker`, seeded per vault) instead of placeholders (default `false`). */
  useFaker?: boolean;
  /** Seed of each vault's fake generator (default 100, as llm-guard). */
  fakerSeed?: number;
  /** Minimum detection score (default 0.5). */
  threshold?: number;
  /** `en` (default) or `zh`. */
  language?: PiiLanguage;
}

const KNOWN = [...PII_DETECTION_OPTIONS, 'preamble', 'useFaker', 'fakerSeed'];
const NAME = 'Anonymize';

/**
 * Anonymize (input scanner): replaces PII in the prompt by `[REDACTED_<TYPE>_<n>]` placeholders (or fakes with
 * `useFaker`) and stores the originals in `context.vault`, so Deanonymize can restore them in the answer.
 * - The same value gets the same placeholder within one vault; numbers count per type from 1, in order of appearance.
 * - Overlapping detections: the higher score wins, then the longer span.
 * - Placeholder-like text the user typed (`[REDACTED_EMAIL_ADDRESS_1]`, any spelling) that this vault did not issue is
 *   blocked in the vault: it is never restored, and Anonymize never issues a colliding placeholder.
 * - Result: `valid` is false when something was replaced (as llm-guard), `score` the best detection score,
 *   `sanitizedText` the anonymised prompt (with `preamble`), one finding per entity type with spans in the prompt.
 */
export function createAnonymize(config: AnonymizeConfig = {}): InputScannerV1 {
  const raw = config as Record<string, unknown>;
  checkKnownOptions(NAME, raw, KNOWN);
  const detection = resolvePiiDetection(NAME, raw, 0.5);
  const preamble = readString(NAME, 'preamble', raw.preamble, '');
  const useFaker = readBoolean(NAME, 'useFaker', raw.useFaker, false);
  const fakerSeed = raw.fakerSeed === undefined ? DEFAULT_FAKER_SEED : raw.fakerSeed;
  if (typeof fakerSeed !== 'number' || !Number.isInteger(fakerSeed)) throw badValue(NAME, 'fakerSeed', fakerSeed, 'an integer');
  return {
    specificationVersion: 'v1',
    kind: 'input',
    name: NAME,
    async scan(prompt: string, context: ScanContextV1): Promise<ScanResultV1> {
      return anonymize(prompt, context.vault, { detection, preamble, useFaker, fakerSeed }, context.signal);
    },
  };
}

interface AnonymizeRun {
  detection: ReturnType<typeof resolvePiiDetection>;
  preamble: string;
  useFaker: boolean;
  fakerSeed: number;
}

async function anonymize(prompt: string, vault: Vault, run: AnonymizeRun, signal?: AbortSignal): Promise<ScanResultV1> {
  const threshold = run.detection.threshold;
  if (prompt.trim() === '') {
    return createScanResult({ score: 0, threshold, method: 'heuristic', sanitizedText: prompt, valid: true, explanation: 'passed: empty prompt' });
  }
  const typed = findPlaceholderLike(prompt);
  for (const t of typed) if (!vault.has(t.canonical)) vault.block(t.canonical);
  let outcome;
  try {
    outcome = await detectPiiWithPolicy(prompt, run.detection, typed, signal);
  } catch (error) {
    if (error instanceof NerFailure) return createFailedClosedResult({ text: prompt, threshold, error: error.error, subject: `NER model ${error.model.id}`, model: error.model });
    throw error;
  }
  const { entities, method } = outcome;
  const about = { ...(outcome.model ? { model: outcome.model } : {}), ...(outcome.fallbackReason ? { fallbackReason: outcome.fallbackReason } : {}) };
  if (entities.length === 0) {
    return createScanResult({ score: 0, threshold, method, sanitizedText: prompt, valid: true, explanation: 'passed: no personal data found', ...about });
  }
  const next = new Map<string, number>();
  const nextIndex = (type: string): number => {
    let n = next.get(type);
    if (n === undefined) {
      n = 1;
      for (const [placeholder] of vault.entries()) {
        const p = parsePlaceholder(placeholder);
        if (p && p.entityType === type) n = Math.max(n, p.index + 1);
      }
    }
    while (vault.isBlocked(placeholderFor(type, n)) || vault.has(placeholderFor(type, n))) n++;
    next.set(type, n + 1);
    return n;
  };
  const faker = run.useFaker ? await fakerFor(vault, run.fakerSeed) : undefined;
  const parts: string[] = [];
  let cursor = 0;
  for (const e of entities) {
    const value = e.text;
    const prefix = `[REDACTED_${e.entityType}_`;
    let replacement = vault.findPlaceholder(value, (p) => (p.startsWith(prefix) || (faker !== undefined && !p.startsWith('[REDACTED_'))) && !vault.isBlocked(p));
    if (replacement === undefined && faker) {
      for (let attempt = 0; attempt < 8 && replacement === undefined; attempt++) {
        const fake = fakeValue(faker, e.entityType);
        if (fake === undefined) break;
        if (!vault.has(fake) && !prompt.includes(fake) && fake !== value) replacement = fake;
      }
      if (replacement !== undefined) vault.set(replacement, value);
    }
    if (replacement === undefined) {
      replacement = placeholderFor(e.entityType, nextIndex(e.entityType));
      vault.set(replacement, value);
    }
    parts.push(prompt.slice(cursor, e.start), replacement);
    cursor = e.end;
  }
  parts.push(prompt.slice(cursor));
  const sanitizedText = run.preamble + parts.join('');
  const score = Math.max(...entities.map((e) => e.score));
  return createScanResult({
    score,
    threshold,
    method,
    sanitizedText,
    valid: false,
    findings: entityFindings(entities, prompt),
    ...about,
    explanation: `anonymized ${entities.length} value(s): ${summarizeEntities(entities)}`,
  });
}
