import type { ScannerDefinitionV1 } from '@llm-shield/core';
import { createAnonymize } from './scanners/anonymize.js';
import { createDeanonymize } from './scanners/deanonymize.js';
import { createOutputSecrets, createSecrets } from './scanners/secrets.js';
import { createSensitive } from './scanners/sensitive.js';

const MODEL_NOTE =
  "llm-guard's Python model settings do not apply: llm-shield detects PII with offline rules by default; its NER detector (llm-guard's Isotonic/deberta-v3-base_finetuned_ai4privacy_v2) is opt-in through the library options recognizer ('ml' or 'hybrid') and model";

/**
 * The privacy scanners by llm-guard type name, for config files (llm-guard-api's `scanners.yml`) and the library
 * entry. llm-guard's snake_case parameters map to the camelCase options by plain conversion (`use_faker` →
 * `useFaker`, `entity_types`, `hidden_names`, `allowed_names`, `preamble`, `regex_patterns`, `threshold`,
 * `language`, `redact`, `matching_strategy`, `redact_mode` with llm-guard's values; `recognizer`, `on_model_failure`,
 * `ner_stride`, `entity_mapping` are llm-shield's). `use_onnx`, `model` and `recognizer_conf` (llm-guard's Python
 * objects) are accepted and ignored with a note; the NER model is given through the library option `model`.
 */
export const PRIVACY_SCANNER_DEFINITIONS: readonly ScannerDefinitionV1[] = [
  {
    specificationVersion: 'v1',
    type: 'Anonymize',
    input: (config) => createAnonymize(config),
    ignored: { use_onnx: MODEL_NOTE, model: MODEL_NOTE, recognizer_conf: MODEL_NOTE },
  },
  {
    specificationVersion: 'v1',
    type: 'Deanonymize',
    output: (config) => createDeanonymize(config),
  },
  {
    specificationVersion: 'v1',
    type: 'Sensitive',
    output: (config) => createSensitive(config),
    ignored: { use_onnx: MODEL_NOTE, model: MODEL_NOTE, recognizer_conf: MODEL_NOTE },
  },
  {
    specificationVersion: 'v1',
    type: 'Secrets',
    input: (config) => createSecrets(config),
    output: (config) => createOutputSecrets(config),
  },
];
