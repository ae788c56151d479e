import type { ScannerDefinitionV1 } from '@llm-shield/core';
import { ScannerCatalog, type LazyScannerFamily } from './scanner-catalog.js';

/**
 * Every scanner family llm-shield ships, one entry per family: its scanners (llm-guard's type names, the kinds each
 * has, the model task of model scanners) listed here, its definitions imported on first use, so that creating a
 * shield imports only the families it builds (a test checks these listings against the loaded definitions).
 */
export const BUILTIN_SCANNER_FAMILIES: readonly LazyScannerFamily[] = [
  {
    family: 'classifiers',
    scanners: [
      { type: 'PromptInjection', input: true, output: false, modelTask: 'prompt-injection' },
      { type: 'Toxicity', input: true, output: true, modelTask: 'toxicity' },
      { type: 'Sentiment', input: true, output: true, modelTask: 'sentiment' },
    ],
    load: async () => (await import('@llm-shield/scanners/classifier-definitions')).CLASSIFIER_SCANNER_DEFINITIONS,
  },
  {
    family: 'emotion',
    scanners: [{ type: 'EmotionDetection', input: true, output: true, modelTask: 'emotion' }],
    load: async () => (await import('@llm-shield/scanners/emotion-definitions')).EMOTION_SCANNER_DEFINITIONS,
  },
  {
    family: 'rules',
    scanners: [
      { type: 'BanSubstrings', input: true, output: true },
      { type: 'BanCompetitors', input: true, output: true },
      { type: 'Regex', input: true, output: true },
      { type: 'InvisibleText', input: true, output: false },
      { type: 'TokenLimit', input: true, output: false },
      { type: 'JSON', input: false, output: true },
      { type: 'ReadingTime', input: false, output: true },
      { type: 'NoRefusalLight', input: false, output: true },
      { type: 'URLReachability', input: false, output: true },
      { type: 'MaliciousURLs', input: false, output: true },
    ],
    load: async () => (await import('@llm-shield/scanners/rule-definitions')).RULE_SCANNER_DEFINITIONS,
  },
  {
    family: 'content',
    scanners: [
      { type: 'Language', input: true, output: true },
      { type: 'LanguageSame', input: false, output: true },
      { type: 'Code', input: true, output: true },
      { type: 'BanCode', input: true, output: true },
      { type: 'Gibberish', input: true, output: true },
    ],
    load: async () => (await import('@llm-shield/scanners/content-definitions')).CONTENT_SCANNER_DEFINITIONS,
  },
  {
    family: 'privacy',
    scanners: [
      { type: 'Anonymize', input: true, output: false, modelTask: 'pii-ner' },
      { type: 'Deanonymize', input: false, output: true },
      { type: 'Sensitive', input: false, output: true, modelTask: 'pii-ner' },
      { type: 'Secrets', input: true, output: true },
    ],
    load: async () => (await import('@llm-shield/privacy')).PRIVACY_SCANNER_DEFINITIONS,
  },
];

/** Every built-in scanner definition (imports every family: for tools and tests; shields load only what they build). */
export async function loadBuiltinScannerDefinitions(): Promise<ScannerDefinitionV1[]> {
  return (await Promise.all(BUILTIN_SCANNER_FAMILIES.map((family) => family.load()))).flat();
}

/** A catalog of {@link BUILTIN_SCANNER_FAMILIES}; a new one per call, so registrations never leak between shields. */
export function builtinCatalog(): ScannerCatalog {
  return new ScannerCatalog(BUILTIN_SCANNER_FAMILIES);
}
