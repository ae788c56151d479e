import {
  createScanResult,
  InvalidConfigError,
  type Finding,
  type InputScannerV1,
  type OutputScannerV1,
  type ScanResultV1,
  type TextSpan,
} from '@llm-shield/core';
import { readMatchType, readOptions, readStringList, readThreshold, type ContentMatchType } from './content-options.js';
import { loadLanguageDetector, type LanguageDetector } from './language-detector.js';
import { textParts } from './text-parts.js';

/** Options of the Language scanner (llm-guard's `Language`, input and output). */
export interface LanguageScannerConfig {
  /** Languages the text may be in, ISO 639-1 codes (`valid_languages`), e.g. `['en']`. Required. */
  validLanguages: readonly string[];
  /** A language detected with a confidence above this, and not valid, makes the text invalid. Default `0.6`. */
  threshold?: number;
  /** `full` (default): the whole text; `sentence`: every sentence on its own (`match_type`). */
  matchType?: ContentMatchType;
}

/** Option names the Language scanner accepts. */
export const LANGUAGE_SCANNER_KEYS = ['validLanguages', 'threshold', 'matchType'] as const;

/** llm-guard's default threshold of Language. */
export const DEFAULT_LANGUAGE_THRESHOLD = 0.6;

/** Characters handed to the detector at once (eld reads at most 1,000); longer parts are split into windows. */
export const LANGUAGE_WINDOW = 1000;

/** Spans kept per finding; a finding on a huge text stays bounded. */
export const CONTENT_MAX_SPANS_PER_FINDING = 100;

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

interface ResolvedLanguageConfig {
  validLanguages: ReadonlySet<string>;
  threshold: number;
  matchType: ContentMatchType;
}

function resolveLanguageConfig(scanner: string, config: unknown): ResolvedLanguageConfig {
  const options = readOptions(scanner, config, LANGUAGE_SCANNER_KEYS);
  const languages = readStringList(scanner, 'validLanguages', options['validLanguages']).map((l) => l.toLowerCase());
  for (const language of languages) {
    if (!LANGUAGE_CODE.test(language)) {
      throw new InvalidConfigError(`${scanner}: validLanguages holds ${JSON.stringify(language)}, not an ISO 639-1 code.`, {
        details: { scanner, field: 'validLanguages', value: language },
      });
    }
  }
  return {
    validLanguages: new Set(languages),
    threshold: readThreshold(scanner, options['threshold'], DEFAULT_LANGUAGE_THRESHOLD),
    matchType: readMatchType(scanner, options['matchType']),
  };
}

/**
 * Per language, the highest confidence over the parts of `text` (windows of {@link LANGUAGE_WINDOW}, or
 * sentences) and the parts where it exceeded `threshold`.
 */
export function languageConfidences(
  detector: LanguageDetector,
  text: string,
  matchType: ContentMatchType,
  threshold: number,
): Map<string, { confidence: number; spans: TextSpan[] }> {
  const byLanguage = new Map<string, { confidence: number; spans: TextSpan[] }>();
  for (const part of textParts(text, matchType, LANGUAGE_WINDOW)) {
    for (const { language, confidence } of detector.detect(part.text)) {
      const entry = byLanguage.get(language) ?? { confidence: 0, spans: [] };
      entry.confidence = Math.max(entry.confidence, confidence);
      if (confidence > threshold && entry.spans.length < CONTENT_MAX_SPANS_PER_FINDING) entry.spans.push(part);
      byLanguage.set(language, entry);
    }
  }
  return byLanguage;
}

function scanLanguage(detector: LanguageDetector, config: ResolvedLanguageConfig, text: string): ScanResultV1 {
  const { threshold, validLanguages, matchType } = config;
  if (text.trim() === '') {
    return createScanResult({ score: 0, threshold, method: 'heuristic', sanitizedText: text, explanation: 'passed: empty text' });
  }
  let score = 0;
  const findings: Finding[] = [];
  const seen: string[] = [];
  for (const [language, { confidence, spans }] of languageConfidences(detector, text, matchType, threshold)) {
    if (confidence > threshold) seen.push(`${language} ${confidence.toFixed(2)}`);
    if (validLanguages.has(language)) continue;
    score = Math.max(score, confidence);
    if (confidence > threshold) findings.push({ category: language, score: confidence, rules: ['language:eld'], spans });
  }
  const valid = !(score > threshold);
  const languages = seen.length > 0 ? seen.join(', ') : 'no language above the threshold';
  const explanation = valid
    ? `passed: ${languages}; valid languages ${[...validLanguages].join(', ')}`
    : `flagged: ${findings.map((f) => `${f.category} ${f.score.toFixed(2)}`).join(', ')} not among the valid languages (${[...validLanguages].join(', ')})`;
  return createScanResult({ score, threshold, method: 'heuristic', sanitizedText: text, findings, explanation, valid });
}

/**
 * Language (input): flags a prompt written in a language outside `validLanguages`, as llm-guard's `Language`. The
 * score is the highest confidence of a language that is not valid; above `threshold` the prompt is invalid, with
 * one finding per such language (category = its ISO 639-1 code, spans = the parts it was seen in). A text with no
 * language above the threshold (numbers, symbols, too short to tell) passes, as in llm-guard. Detector: eld
 * (n-grams, offline); see {@link loadLanguageDetector}.
 *
 * @throws InvalidConfigError for unknown options, an empty or malformed `validLanguages`, a threshold outside [0, 1]
 *   or an unknown `matchType`.
 */
export function createLanguageScanner(config: LanguageScannerConfig): InputScannerV1 {
  const resolved = resolveLanguageConfig('Language', config);
  return {
    specificationVersion: 'v1',
    name: 'Language',
    kind: 'input',
    async scan(prompt: string): Promise<ScanResultV1> {
      return scanLanguage(await loadLanguageDetector(), resolved, prompt);
    },
  };
}

/** Language (output): as {@link createLanguageScanner}, on the model's answer (the prompt is not read). */
export function createLanguageOutputScanner(config: LanguageScannerConfig): OutputScannerV1 {
  const resolved = resolveLanguageConfig('Language', config);
  return {
    specificationVersion: 'v1',
    name: 'Language',
    kind: 'output',
    async scan(_prompt: string, output: string): Promise<ScanResultV1> {
      return scanLanguage(await loadLanguageDetector(), resolved, output);
    },
  };
}
