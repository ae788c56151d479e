import { LlmShieldError, ErrorCode } from '@llm-shield/core';
import type { ModelFailurePolicy } from '@llm-shield/scanners';
import { detectWithNer, resolveNerDetection, type PiiRecognizerMode, type ResolvedNerDetection } from '../ner/pii-ner.js';
import { analyzePii, resolveOverlaps, type PiiEntity } from '../recognizers/analyzer.js';
import { createRegexPatternRecognizer } from '../recognizers/custom-patterns.js';
import { createDenyListRecognizer } from '../recognizers/deny-list.js';
import { createPhoneRecognizer } from '../recognizers/phone.js';
import { BUILTIN_RECOGNIZERS, DEFAULT_ENTITY_TYPES, PII_ENTITY_TYPES } from '../recognizers/registry.js';
import type { PiiRecognizer } from '../recognizers/types.js';
import { badValue, readStringList, readUnitNumber, readEnum } from './options.js';

/** The NER detector's options, shared by Anonymize and Sensitive. */
export interface PiiNerOptions {
  /**
   * `rules` (default: the offline recognisers), `ml` (the NER model, plus `hiddenNames` and `regexPatterns`) or
   * `hybrid` (both; overlaps resolved by score then span length). `ml` and `hybrid` need `model`.
   */
  recognizer?: PiiRecognizerMode;
  /**
   * The NER model (`{ source, runtime, id, variant?, sessionOptions?, retryAfterMs? }` as the classifier scanners),
   * e.g. `id: 'Isotonic/deberta-v3-base_finetuned_ai4privacy_v2'` (llm-guard's) from `@llm-shield/model-hub`. Loaded on
   * the first scan that needs it; unused with `recognizer: 'rules'`. Default none (a shield resolves it by its model
   * policy when `recognizer` is `ml` or `hybrid`).
   */
  model?: unknown;
  /** When the model cannot answer: `block` (default, invalid `failed-closed` result), `fallback` (the rules answer), `throw`. */
  onModelFailure?: ModelFailurePolicy;
  /** Tokens each NER window repeats from the previous one on long texts (default 64, at most half a window). */
  nerStride?: number;
  /** Model label → entity type, replacing the ai4privacy mapping (default `AI4PRIVACY_ENTITY_MAPPING`). */
  entityMapping?: Record<string, string>;
}

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
  /** `hiddenNames` and `regexPatterns` recognisers alone (they also run in `ml` mode, as in llm-guard). */
  customRecognizers: PiiRecognizer[];
  allowedNames: Set<string>;
  /** `recognizer`, `model`, `onModelFailure`, `nerStride`, `entityMapping`. */
  ner: ResolvedNerDetection;
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
  const ner = resolveNerDetection(scanner, config, new Set([...PII_ENTITY_TYPES, 'CUSTOM']));
  return { entityTypes, threshold, language, recognizers: [...builtins, ...custom], customRecognizers: custom, allowedNames, ner };
}

/** Option names {@link resolvePiiDetection} reads besides the scanner's own. */
export const PII_DETECTION_OPTIONS: readonly string[] = [
  'entityTypes',
  'hiddenNames',
  'allowedNames',
  'regexPatterns',
  'threshold',
  'language',
  'recognizer',
  'model',
  'onModelFailure',
  'nerStride',
  'entityMapping',
];

/** What {@link detectPiiWithPolicy} found, and how. */
export interface PiiDetectionOutcome {
  entities: PiiEntity[];
  /** `heuristic` (rules), `ml` (model only), `hybrid`, or `fallback` (the model failed and the rules answered). */
  method: 'heuristic' | 'ml' | 'hybrid' | 'fallback';
  /** Why the rules answered instead of the model (`fallback` only). */
  fallbackReason?: string;
  /** The model asked, when there was one. */
  model?: { id: string; variant?: string };
}

/** Raised for the `block` policy: the caller turns it into a failed-closed result. */
export class NerFailure {
  constructor(readonly error: unknown, readonly model: { id: string }) {}
}

/**
 * The detection of Anonymize and Sensitive under their `recognizer` mode: `rules` ({@link detectPii}); `ml` the NER
 * model plus `hiddenNames` / `regexPatterns` (as llm-guard, whose pattern recognisers always run beside its model);
 * `hybrid` the rules and the model, overlaps resolved by score then span length. When the model cannot answer,
 * `onModelFailure` decides: `block` throws a {@link NerFailure} (the scanner fails closed), `fallback` returns the
 * rules' answer with method `fallback`, `throw` rethrows the typed error. An abort always rejects with `AbortedError`.
 */
export async function detectPiiWithPolicy(
  text: string,
  detection: ResolvedPiiDetection,
  exclude: ReadonlyArray<{ start: number; end: number }> = [],
  signal?: AbortSignal,
): Promise<PiiDetectionOutcome> {
  const ner = detection.ner;
  if (ner.mode === 'rules' || ner.model === undefined) return { entities: detectPii(text, detection, exclude), method: 'heuristic' };
  const model = { id: ner.model.id, ...(ner.model.variant ? { variant: ner.model.variant } : {}) };
  let found;
  try {
    found = await detectWithNer(ner, text, signal);
  } catch (error) {
    if (LlmShieldError.isInstance(error) && error.code === ErrorCode.Aborted) throw error;
    if (ner.onModelFailure === 'throw') throw error;
    if (ner.onModelFailure === 'block') throw new NerFailure(error, model);
    const reason = error instanceof Error ? error.message : String(error);
    return { entities: detectPii(text, detection, exclude), method: 'fallback', fallbackReason: `the NER model could not answer: ${reason}`, model };
  }
  const wanted = new Set(detection.entityTypes);
  const fromModel: PiiEntity[] = found
    .filter((d) => d.score >= detection.threshold && wanted.has(d.entityType))
    .map((d) => ({ ...d, text: text.slice(d.start, d.end) }));
  const recognizers = ner.mode === 'hybrid' ? detection.recognizers : detection.customRecognizers;
  const fromRules = recognizers.length === 0 ? [] : analyzePii(text, { entityTypes: detection.entityTypes, threshold: detection.threshold, recognizers });
  const entities = resolveOverlaps([...fromRules, ...fromModel]).filter(
    (e) => !detection.allowedNames.has(e.text.trim().toLowerCase()) && !exclude.some((x) => x.start < e.end && e.start < x.end),
  );
  return { entities, method: ner.mode === 'hybrid' ? 'hybrid' : 'ml', model };
}

/** Runs the resolved detection on `text`, dropping allowed names and spans inside `exclude`. */
export function detectPii(text: string, detection: ResolvedPiiDetection, exclude: ReadonlyArray<{ start: number; end: number }> = []): PiiEntity[] {
  const found = analyzePii(text, { entityTypes: detection.entityTypes, threshold: detection.threshold, recognizers: detection.recognizers });
  return found.filter(
    (e) => !detection.allowedNames.has(e.text.trim().toLowerCase()) && !exclude.some((x) => x.start < e.end && e.start < x.end),
  );
}
