import { InvalidConfigError } from '@llm-shield/core';
import { acquireClassifier, resolveModelOptions, type ModelFailurePolicy, type ResolvedModelOptions } from '@llm-shield/scanners';
import type { PiiDetection } from '../recognizers/types.js';
import { classifyTokens } from './token-classifier.js';

/** llm-guard's NER model for Anonymize and Sensitive (`DEBERTA_AI4PRIVACY_v2_CONF`), the production `ml` detector. */
export const AI4PRIVACY_NER_MODEL_ID = 'Isotonic/deberta-v3-base_finetuned_ai4privacy_v2';

/** How Anonymize and Sensitive find PII: offline rules (default), the NER model only, or both. */
export const PII_RECOGNIZER_MODES = ['rules', 'ml', 'hybrid'] as const;
/** One of {@link PII_RECOGNIZER_MODES}. */
export type PiiRecognizerMode = (typeof PII_RECOGNIZER_MODES)[number];

/** What the PII scanners do when the NER model cannot answer (as the classifier scanners' `onModelFailure`). */
export const PII_MODEL_FAILURE_POLICIES: readonly ModelFailurePolicy[] = ['block', 'fallback', 'throw'];

/**
 * ai4privacy (pii-masking-200k) labels of the NER model → this package's entity types. Labels not listed (job
 * titles, amounts, currencies, eye colours, user agents, passwords, masked numbers, PINs, vehicle numbers…) are not
 * reported: they are either not personal data in llm-guard's sense or are covered by the Secrets scanner.
 * FIRSTNAME / MIDDLENAME / LASTNAME / PREFIX → PERSON, the address parts → STREET_ADDRESS, `DOB` → DATE_OF_BIRTH,
 * the three wallet kinds → CRYPTO, `IP`/`IPV4`/`IPV6` → IP_ADDRESS.
 */
export const AI4PRIVACY_ENTITY_MAPPING: Readonly<Record<string, string>> = Object.freeze({
  FIRSTNAME: 'PERSON',
  MIDDLENAME: 'PERSON',
  LASTNAME: 'PERSON',
  PREFIX: 'PERSON',
  EMAIL: 'EMAIL_ADDRESS',
  PHONENUMBER: 'PHONE_NUMBER',
  CREDITCARDNUMBER: 'CREDIT_CARD',
  IBAN: 'IBAN_CODE',
  IP: 'IP_ADDRESS',
  IPV4: 'IP_ADDRESS',
  IPV6: 'IP_ADDRESS',
  URL: 'URL',
  SSN: 'US_SSN',
  BITCOINADDRESS: 'CRYPTO',
  ETHEREUMADDRESS: 'CRYPTO',
  LITECOINADDRESS: 'CRYPTO',
  DOB: 'DATE_OF_BIRTH',
  STREET: 'STREET_ADDRESS',
  BUILDINGNUMBER: 'STREET_ADDRESS',
  SECONDARYADDRESS: 'STREET_ADDRESS',
  ZIPCODE: 'STREET_ADDRESS',
});

/** The NER part of Anonymize's and Sensitive's options, validated. */
export interface ResolvedNerDetection {
  /** `rules` (default), `ml` or `hybrid`. */
  mode: PiiRecognizerMode;
  /** The model, required for `ml` and `hybrid`. */
  model?: ResolvedModelOptions;
  /** Failure policy (default `block`: an invalid `failed-closed` result). */
  onModelFailure: ModelFailurePolicy;
  /** Window overlap in tokens (default: 64, at most half a window). */
  stride?: number;
  /** Model label → entity type. */
  mapping: ReadonlyMap<string, string>;
}

function bad(scanner: string, field: string, value: unknown, expected: string): InvalidConfigError {
  return new InvalidConfigError(`${scanner}: ${field} must be ${expected}; got ${JSON.stringify(value)}.`, { details: { scanner, field, value } });
}

/**
 * Validates `recognizer` (`rules` default, `ml`, `hybrid`), `model` (`{ source, runtime, id, variant?,
 * sessionOptions?, retryAfterMs? }` as the classifier scanners; required for `ml` and `hybrid`, accepted and unused
 * with `rules`), `onModelFailure` (`block` default, `fallback`, `throw`), `nerStride` (integer ≥ 0) and
 * `entityMapping` (model label → entity type, replacing {@link AI4PRIVACY_ENTITY_MAPPING}; each type must be one of
 * `knownTypes`).
 */
export function resolveNerDetection(scanner: string, config: Record<string, unknown>, knownTypes: ReadonlySet<string>): ResolvedNerDetection {
  const mode = config.recognizer ?? 'rules';
  if (typeof mode !== 'string' || !(PII_RECOGNIZER_MODES as readonly string[]).includes(mode)) {
    throw bad(scanner, 'recognizer', mode, `one of ${PII_RECOGNIZER_MODES.join(', ')}`);
  }
  const onModelFailure = config.onModelFailure ?? 'block';
  if (typeof onModelFailure !== 'string' || !PII_MODEL_FAILURE_POLICIES.includes(onModelFailure as ModelFailurePolicy)) {
    throw bad(scanner, 'onModelFailure', onModelFailure, `one of ${PII_MODEL_FAILURE_POLICIES.join(', ')}`);
  }
  const model = resolveModelOptions(scanner, config.model);
  if (mode !== 'rules' && model === undefined) {
    throw new InvalidConfigError(`${scanner}: recognizer '${mode}' needs a model ({ source, runtime, id: '${AI4PRIVACY_NER_MODEL_ID}' }).`, {
      details: { scanner, field: 'model', value: undefined },
    });
  }
  const stride = config.nerStride;
  if (stride !== undefined && (typeof stride !== 'number' || !Number.isInteger(stride) || stride < 0)) throw bad(scanner, 'nerStride', stride, 'an integer ≥ 0');
  let mapping = new Map(Object.entries(AI4PRIVACY_ENTITY_MAPPING));
  if (config.entityMapping !== undefined) {
    const given = config.entityMapping;
    if (typeof given !== 'object' || given === null || Array.isArray(given)) throw bad(scanner, 'entityMapping', given, 'an object of model label → entity type');
    mapping = new Map();
    for (const [label, type] of Object.entries(given)) {
      if (typeof type !== 'string' || !knownTypes.has(type)) throw bad(scanner, `entityMapping.${label}`, type, `an entity type (${[...knownTypes].join(', ')})`);
      mapping.set(label, type);
    }
  }
  return {
    mode: mode as PiiRecognizerMode,
    onModelFailure: onModelFailure as ModelFailurePolicy,
    mapping,
    ...(model === undefined ? {} : { model }),
    ...(stride === undefined ? {} : { stride: stride as number }),
  };
}

/**
 * PII found by the NER model in `text`, with UTF-16 spans of `text`: the pipeline's entity groups
 * ({@link classifyTokens}) mapped through `mapping` (unmapped labels dropped), their edges trimmed of white space
 * (DeBERTa-v3's offsets include the space before a word), and neighbours of the same entity type separated by white
 * space only joined into one entity (FIRSTNAME + LASTNAME → one PERSON, BUILDINGNUMBER + STREET → one address) with
 * the lower of their scores. Reason `library`, recogniser id `ner`. Rejects as the model does (see `classifyTokens`).
 */
export async function detectWithNer(ner: ResolvedNerDetection, text: string, signal?: AbortSignal): Promise<PiiDetection[]> {
  if (ner.model === undefined || text.trim() === '') return [];
  const model = await acquireClassifier(ner.model, signal);
  const groups = await classifyTokens(model, text, { ...(ner.stride === undefined ? {} : { stride: ner.stride }), ...(signal ? { signal } : {}) });
  const out: PiiDetection[] = [];
  for (const g of groups) {
    const entityType = ner.mapping.get(g.entityGroup);
    if (entityType === undefined) continue;
    let start = g.start;
    let end = g.end;
    while (start < end && /\s/u.test(text.charAt(start))) start++;
    while (end > start && /\s/u.test(text.charAt(end - 1))) end--;
    if (end <= start) continue;
    const last = out[out.length - 1];
    if (last && last.entityType === entityType && last.end <= start && /^\s*$/u.test(text.slice(last.end, start))) {
      last.end = end;
      last.score = Math.min(last.score, g.score);
      continue;
    }
    out.push({ entityType, start, end, score: g.score, reason: 'library', recognizer: 'ner' });
  }
  return out;
}
