import type { ScannerDefinitionV1 } from '@llm-shield/core';
import { PRIVACY_SCANNER_DEFINITIONS } from '@llm-shield/privacy';
import { CLASSIFIER_SCANNER_DEFINITIONS, CONTENT_SCANNER_DEFINITIONS, EMOTION_SCANNER_DEFINITIONS, RULE_SCANNER_DEFINITIONS } from '@llm-shield/scanners';
import { ScannerCatalog } from './scanner-catalog.js';

/** Every scanner llm-shield ships, as configuration entries (llm-guard's type names). */
export const BUILTIN_SCANNER_DEFINITIONS: readonly ScannerDefinitionV1[] = [...CLASSIFIER_SCANNER_DEFINITIONS, ...EMOTION_SCANNER_DEFINITIONS, ...RULE_SCANNER_DEFINITIONS, ...CONTENT_SCANNER_DEFINITIONS, ...PRIVACY_SCANNER_DEFINITIONS];

/** A catalog of {@link BUILTIN_SCANNER_DEFINITIONS}; a new one per call, so registrations never leak between shields. */
export function builtinCatalog(): ScannerCatalog {
  return new ScannerCatalog(BUILTIN_SCANNER_DEFINITIONS);
}
