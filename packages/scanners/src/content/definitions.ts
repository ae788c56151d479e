import type { ScannerDefinitionV1 } from '@llm-shield/core';
import { createBanCodeOutputScanner, createBanCodeScanner } from './ban-code.js';
import { createCodeOutputScanner, createCodeScanner } from './code.js';
import { createGibberishOutputScanner, createGibberishScanner } from './gibberish.js';
import { createLanguageOutputScanner, createLanguageScanner } from './language.js';
import { createLanguageSameScanner } from './language-same.js';

const MODEL_NOTE = 'llm-shield detects this offline without a model; the model setting is ignored';
const MODEL_IGNORED: Readonly<Record<string, string>> = {
  model: MODEL_NOTE,
  use_onnx: 'no model runs, so there is no ONNX choice; ignored',
  model_max_length: 'no model runs; long texts are read in parts; ignored',
};

/**
 * Content scanners by llm-guard type name, for configuration files and the shield's catalog: `Language` (input and
 * output), `LanguageSame` (output), `Code`, `BanCode` and `Gibberish` (input and output). Options arrive in camelCase
 * (`valid_languages` → `validLanguages`, `match_type` → `matchType`, `is_blocked` → `isBlocked`); llm-guard's model
 * settings (`model`, `use_onnx`, `model_max_length`) are accepted and ignored, since these detectors run offline.
 */
export const CONTENT_SCANNER_DEFINITIONS: readonly ScannerDefinitionV1[] = [
  {
    specificationVersion: 'v1',
    type: 'Language',
    input: (config) => createLanguageScanner(config as never),
    output: (config) => createLanguageOutputScanner(config as never),
    ignored: MODEL_IGNORED,
  },
  {
    specificationVersion: 'v1',
    type: 'LanguageSame',
    output: (config) => createLanguageSameScanner(config),
    ignored: MODEL_IGNORED,
  },
  {
    specificationVersion: 'v1',
    type: 'Code',
    input: (config) => createCodeScanner(config as never),
    output: (config) => createCodeOutputScanner(config as never),
    ignored: MODEL_IGNORED,
  },
  {
    specificationVersion: 'v1',
    type: 'BanCode',
    input: (config) => createBanCodeScanner(config),
    output: (config) => createBanCodeOutputScanner(config),
    ignored: MODEL_IGNORED,
  },
  {
    specificationVersion: 'v1',
    type: 'Gibberish',
    input: (config) => createGibberishScanner(config),
    output: (config) => createGibberishOutputScanner(config),
    ignored: MODEL_IGNORED,
  },
];
