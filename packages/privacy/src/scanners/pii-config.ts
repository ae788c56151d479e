import { analyzePii, type PiiEntity } from '../recognizers/analyzer.js';
import { createRegexPatternRecognizer } from '../recognizers/custom-patterns.js';
import { createDenyListRecognizer } from '../recognizers/deny-list.js';
import { createPhoneRecognizer } from '../recognizers/phone.js';
import { BUILTIN_RECOGNIZERS, DEFAULT_ENTITY_TYPES, PII_ENTITY_TYPES } from '../recognizers/registry.js';
import type { PiiRecognizer } from '../recognizers/types.js';
import { badValue, readStringList, readUnitNumber, readEnum } from './options.js';

/** Languages the PII scanners accept (llm-guard's `language`). */
export const PII_LANGUAGES = ['en', 'zh'] as const;
/** One of {@link PII_LANGUAGES}. */
export type PiiLanguage = (typeof PII_LANGUAGES)[number];

/** Recognisers that read English words around the match; `zh` leaves them out. */
const ENGLISH_ONLY = new Set(['person-name', 'date-of-birth', 'street-address']);

/** The detection part of Anonymize's and Sensitive's options, validated. */
export interface ResolvedPiiDetection {
  entityTypes: string[];
  threshold: number;
  language: PiiLanguage;
  recognizers: PiiRecognizer[];
  allowedNames: Set<string>;
}

/**
 * Validates `entityTypes` (default {@link DEFAULT_ENTITY_TYPES}; each must be a built-in type, `CUSTOM` or the name
 * of a `regexPatterns` group), `threshold` (default `defaultThreshold`), `language` (`en` default, or `zh`: no
 * English-context recognisers, Chinese national phone numbers), `hiddenNames` (reported as `CUSTOM`),
 * `regexPatterns` and `allowedNames`.
 */
export function resolvePiiDetection(scanner: string, config: Record<string, unknown>, defaultThreshold: number): ResolvedPiiDetection {
  const threshold = readUnitNumber(scanner, 'threshold', config.threshold, defaultThreshold);
  const language = readEnum(scanner, 'language', config.language, PII_LANGUAGES, 'en');
  const hiddenNames = readStringList(scanner, 'hiddenNames', config.hiddenNames) ?? [];
  const allowedNames = new Set((readStringList(scanner, 'allowedNames', config.allowedNames) ?? []).map((n) => n.trim().toLowerCase()));
  const custom: PiiRecognizer[] = [];
  if (hiddenNames.length > 0) custom.push(createDenyListRecognizer(hiddenNames));
  if (config.regexPatterns !== undefined && config.regexPatterns !== null) custom.push(createRegexPatternRecognizer(scanner, 'regexPatterns', config.regexPatterns));
  const customTypes = custom.flatMap((r) => r.entityTypes);
  const requested = readStringList(scanner, 'entityTypes', config.entityTypes);
  const known = new Set([...PII_ENTITY_TYPES, 'CUSTOM', ...customTypes]);
  if (requested) {
    for (const t of requested) {
      if (!known.has(t)) throw badValue(scanner, 'entityTypes', t, `entity types this package detects (${[...known].join(', ')})`);
    }
  }
  const entityTypes = [...new Set([...(requested ?? DEFAULT_ENTITY_TYPES), ...customTypes])];
  let builtins = BUILTIN_RECOGNIZERS.filter((r) => !(language === 'zh' && ENGLISH_ONLY.has(r.id)));
  if (language === 'zh') builtins = builtins.map((r) => (r.id === 'phone' ? createPhoneRecognizer(['CN', 'HK', 'TW', 'US']) : r));
  return { entityTypes, threshold, language, recognizers: [...builtins, ...custom], allowedNames };
}

/** Runs the resolved detection on `text`, dropping allowed names and spans inside `exclude`. */
export function detectPii(text: string, detection: ResolvedPiiDetection, exclude: ReadonlyArray<{ start: number; end: number }> = []): PiiEntity[] {
  const found = analyzePii(text, { entityTypes: detection.entityTypes, threshold: detection.threshold, recognizers: detection.recognizers });
  return found.filter(
    (e) => !detection.allowedNames.has(e.text.trim().toLowerCase()) && !exclude.some((x) => x.start < e.end && e.start < x.end),
  );
}
