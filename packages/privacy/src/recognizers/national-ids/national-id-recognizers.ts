import { hasContext } from '../context.js';
import type { PiiDetection, PiiRecognizer } from '../types.js';
import {
  bsnValid,
  finnishIdValid,
  frenchNirValid,
  germanTaxIdValid,
  isValidDate,
  italianFiscalCodeValid,
  luhnDigitsValid,
  mrzCheckDigit,
  nhsNumberValid,
  peselValid,
  spanishControlLetter,
  turkishIdValid,
  verhoeffValid,
} from './id-checksums.js';

/** One checksum-bearing identity number: a linear pattern (bounded quantifiers, no nesting), a validator, context words, scores. */
interface IdSpec {
  id: string;
  entityType: string;
  pattern: RegExp;
  /** `checksum` when the match carries a valid check, `weak` for the bare shape (scored `weakScore`), else `invalid`. */
  check: (match: string) => 'checksum' | 'weak' | 'invalid';
  context: RegExp;
  /** Score of a valid number without a context word. */
  score: number;
  /** Score with a context word nearby (48 characters before or after). */
  contextScore: number;
  /** Score of a `weak` match (default 0: not reported). */
  weakScore?: number;
  /** Whether the pattern needs a run of 3 digits (a text without one is skipped, see {@link hasDigitRun}). */
  needsDigits: boolean;
}

const DIGIT_RUN = /\d{3}/;

/**
 * Whether `text` holds 3 consecutive ASCII digits: the digit-based patterns (lookbehind first, so every position is
 * tried) are skipped on the many prompts without one. No text is kept between calls (it may hold personal data).
 */
function hasDigitRun(text: string): boolean {
  return DIGIT_RUN.test(text);
}

const compact = (s: string) => s.replace(/[\s.:-]/g, '');

/** Swedish personnummer (10 or 12 digits, `-`/`+` before the last four): real date (day + 60 for coordination numbers) and Luhn over the 10-digit form. */
function swedishValid(match: string): boolean {
  const digits = match.replace(/[-+]/, '');
  const ten = digits.length === 12 ? digits.slice(2) : digits;
  const month = Number(ten.slice(2, 4));
  let day = Number(ten.slice(4, 6));
  if (day > 60) day -= 60;
  const year = digits.length === 12 ? Number(digits.slice(0, 4)) : 2000 + Number(ten.slice(0, 2));
  return isValidDate(year, month, day) && luhnDigitsValid(ten);
}

/** ICAO 9303 TD3 (passport) MRZ line 2: document number, birth date, expiry and optional-data check digits and the composite check. */
function mrzLineValid(line: string): boolean {
  const digit = (i: number) => line.charCodeAt(i) - 48;
  if (mrzCheckDigit(line.slice(0, 9)) !== digit(9)) return false;
  if (mrzCheckDigit(line.slice(13, 19)) !== digit(19)) return false;
  if (mrzCheckDigit(line.slice(21, 27)) !== digit(27)) return false;
  const personal = line.slice(28, 42);
  const personalCheck = line.charAt(42);
  if (!(personalCheck === '<' ? /^<+$/.test(personal) : mrzCheckDigit(personal) === digit(42))) return false;
  return mrzCheckDigit(line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43)) === digit(43);
}

const SPECS: IdSpec[] = [
  {
    id: 'es-nif',
    entityType: 'ES_NIF',
    pattern: /(?<![A-Za-z0-9])\d{7,8}-?[A-Za-z](?![A-Za-z0-9])/g,
    check: (m) => {
      const digits = m.replace(/\D/g, '');
      return spanishControlLetter(Number(digits)) === m.charAt(m.length - 1).toUpperCase() ? 'checksum' : 'invalid';
    },
    context: /\b(?:dni|nif|documento|identidad|spanish\s+id)\b/i,
    score: 0.85,
    contextScore: 0.95,
    needsDigits: true,
  },
  {
    id: 'es-nie',
    entityType: 'ES_NIE',
    pattern: /(?<![A-Za-z0-9])[XYZxyz]\d{7}-?[A-Za-z](?![A-Za-z0-9])/g,
    check: (m) => {
      const prefix = 'XYZ'.indexOf(m.charAt(0).toUpperCase());
      const digits = `${prefix}${m.slice(1, 8)}`;
      return spanishControlLetter(Number(digits)) === m.charAt(m.length - 1).toUpperCase() ? 'checksum' : 'invalid';
    },
    context: /\b(?:nie|extranjero|foreigner)\b/i,
    score: 0.9,
    contextScore: 0.95,
    needsDigits: true,
  },
  {
    id: 'it-fiscal-code',
    entityType: 'IT_FISCAL_CODE',
    pattern:
      /(?<![A-Za-z0-9])[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[ABCDEHLMPRSTabcdehlmprst][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z](?![A-Za-z0-9])/g,
    check: (m) => (italianFiscalCodeValid(m.toUpperCase()) ? 'checksum' : 'weak'),
    context: /codice\s+fiscale|\bc\.?f\.?\b|fiscal\s+code/i,
    score: 0.85,
    contextScore: 0.95,
    weakScore: 0.4,
    needsDigits: false,
  },
  {
    id: 'in-aadhaar',
    entityType: 'IN_AADHAAR',
    pattern: /(?<![0-9])[2-9]\d{3}([ :-]?)\d{4}\1\d{4}(?![0-9])/g,
    check: (m) => (verhoeffValid(compact(m)) ? 'checksum' : 'invalid'),
    context: /aadhaa?r|\buidai\b|\buid\b|आधार/i,
    score: 0.5,
    contextScore: 0.9,
    needsDigits: true,
  },
  {
    id: 'pl-pesel',
    entityType: 'PL_PESEL',
    pattern: /(?<![0-9])\d{11}(?![0-9])/g,
    check: (m) => (peselValid(m) ? 'checksum' : 'invalid'),
    context: /\bpesel\b/i,
    score: 0.55,
    contextScore: 0.9,
    needsDigits: true,
  },
  {
    id: 'se-personnummer',
    entityType: 'SE_PERSONNUMMER',
    pattern: /(?<![0-9])(?:\d{2})?\d{6}[-+]?\d{4}(?![0-9])/g,
    check: (m) => (swedishValid(m) ? 'checksum' : 'invalid'),
    context: /personnummer|\bpnr\b|samordningsnummer|personal\s+identity|swedish\s+id/i,
    score: 0.6,
    contextScore: 0.9,
    needsDigits: true,
  },
  {
    id: 'fi-personal-identity-code',
    entityType: 'FI_PERSONAL_IDENTITY_CODE',
    pattern: /(?<![0-9])\d{6}[-+ABCDEFUVWXY]\d{3}[0-9A-Y](?![A-Za-z0-9])/g,
    check: (m) => (finnishIdValid(m) ? 'checksum' : 'invalid'),
    context: /henkilötunnus|\bhetu\b|personal\s+identity|finnish\s+id/i,
    score: 0.85,
    contextScore: 0.95,
    needsDigits: true,
  },
  {
    id: 'de-tax-id',
    entityType: 'DE_TAX_ID',
    pattern: /(?<![0-9])[1-9]\d{10}(?![0-9])/g,
    check: (m) => (germanTaxIdValid(m) ? 'checksum' : 'invalid'),
    context: /steuer-?\s?id|steuerliche|identifikationsnummer|\bidnr\b|\btin\b|tax\s+id/i,
    score: 0.5,
    contextScore: 0.9,
    needsDigits: true,
  },
  {
    id: 'nl-bsn',
    entityType: 'NL_BSN',
    pattern: /(?<![0-9])\d{9}(?![0-9])/g,
    check: (m) => (bsnValid(m) ? 'checksum' : 'invalid'),
    context: /\bbsn\b|burgerservicenummer|sofi-?nummer/i,
    score: 0.4,
    contextScore: 0.85,
    needsDigits: true,
  },
  {
    id: 'uk-nhs',
    entityType: 'UK_NHS',
    pattern: /(?<![0-9])\d{3}([ -]?)\d{3}\1\d{4}(?![0-9])/g,
    check: (m) => (nhsNumberValid(compact(m)) ? 'checksum' : 'invalid'),
    context: /\bnhs\b|national\s+health/i,
    score: 0.5,
    contextScore: 0.9,
    needsDigits: true,
  },
  {
    id: 'tr-national-id',
    entityType: 'TR_NATIONAL_ID',
    pattern: /(?<![0-9])[1-9]\d{10}(?![0-9])/g,
    check: (m) => (turkishIdValid(m) ? 'checksum' : 'invalid'),
    context: /kimlik|\btckn\b|\bt\.?c\.?\b|turkish\s+id/i,
    score: 0.6,
    contextScore: 0.9,
    needsDigits: true,
  },
  {
    id: 'fr-nir',
    entityType: 'FR_NIR',
    pattern: /(?<![0-9])[123478] ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2}(?![0-9])/g,
    check: (m) => (frenchNirValid(m.replace(/ /g, '')) ? 'checksum' : 'invalid'),
    context: /s[ée]curit[ée]\s+sociale|\bnir\b|\binsee\b|num[ée]ro\s+de\s+s[ée]cu|\bsecu\b|social\s+security/i,
    score: 0.85,
    contextScore: 0.95,
    needsDigits: true,
  },
  {
    id: 'mrz-passport',
    entityType: 'PASSPORT',
    pattern: /(?<![A-Z0-9<])[A-Z0-9<]{9}\d[A-Z<]{3}\d{7}[MFX<]\d{7}[A-Z0-9<]{14}[0-9<]\d(?![A-Z0-9<])/g,
    check: (m) => (mrzLineValid(m) ? 'checksum' : 'invalid'),
    context: /passport|mrz|machine[\s-]readable/i,
    score: 1,
    contextScore: 1,
    needsDigits: true,
  },
];

function recognizerFor(spec: IdSpec): PiiRecognizer {
  return {
    id: spec.id,
    entityTypes: [spec.entityType],
    detect(text: string): PiiDetection[] {
      const out: PiiDetection[] = [];
      if (spec.needsDigits && !hasDigitRun(text)) return out;
      const pattern = spec.pattern; // global and sticky-free: reset before each scan (detect is synchronous)
      pattern.lastIndex = 0;
      for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
        const verdict = spec.check(m[0]);
        if (verdict === 'invalid' || (verdict === 'weak' && !spec.weakScore)) continue;
        const end = m.index + m[0].length;
        if (verdict === 'weak') {
          out.push({ entityType: spec.entityType, start: m.index, end, score: spec.weakScore!, reason: 'pattern', recognizer: spec.id });
          continue;
        }
        const context = spec.contextScore > spec.score && hasContext(text, m.index, end, spec.context, 48, true);
        out.push({ entityType: spec.entityType, start: m.index, end, score: context ? spec.contextScore : spec.score, reason: context ? 'context' : 'checksum', recognizer: spec.id });
      }
      return out;
    },
  };
}

/**
 * Identity numbers whose format carries a check (entity types named as Presidio's recognisers):
 * - `ES_NIF` (DNI/NIF: 7–8 digits + mod-23 letter, 0.85) and `ES_NIE` (X/Y/Z + 7 digits + letter, 0.9);
 * - `IT_FISCAL_CODE` (codice fiscale, odd/even control character, 0.85; the shape with a wrong control character 0.4,
 *   below the default threshold);
 * - `FI_PERSONAL_IDENTITY_CODE` (henkilötunnus: date, century sign, mod-31 control character, 0.85);
 * - `SE_PERSONNUMMER` (10 or 12 digits, real date, Luhn, 0.6), `PL_PESEL` (11 digits, weights 1-3-7-9, real date,
 *   0.55), `IN_AADHAAR` (12 digits from 2, Verhoeff, 0.5), `DE_TAX_ID` (Steuer-ID: 11 digits, digit-repetition rule,
 *   ISO 7064 MOD 11,10, 0.5), `UK_NHS` (10 digits, mod 11, 0.5), `NL_BSN` (9 digits, 11-proof, 0.4: only with a
 *   context word is it above the default threshold), `TR_NATIONAL_ID` (T.C. Kimlik No: 11 digits, two check digits,
 *   0.6), `FR_NIR` (French social-security number, 15 digits in groups, mod-97 key, Corsica `2A`/`2B`, 0.85);
 * - `PASSPORT`: the second line of a passport's machine-readable zone (ICAO 9303 TD3, 44 characters), all four
 *   check digits and the composite check valid (1.0).
 * A context word within 48 characters (`DNI`, `codice fiscale`, `Aadhaar`, `PESEL`, `personnummer`, `hetu`,
 * `Steuer-ID`, `BSN`, `NHS`…) raises the score to 0.85–0.95 (reason `context`). Bare digit-only numbers are scored
 * low because about one random number in ten passes a single check digit. Misses: numbers written with other
 * separators or split across lines, MRZ line 1 (the name line) and ID-card MRZ formats (TD1/TD2).
 */
export const NATIONAL_ID_RECOGNIZERS: readonly PiiRecognizer[] = SPECS.map(recognizerFor);

/** The entity types of {@link NATIONAL_ID_RECOGNIZERS}. */
export const NATIONAL_ID_ENTITY_TYPES: readonly string[] = SPECS.map((s) => s.entityType);
