import type { ScannerDefinitionV1 } from '@llm-shield/core';
import { createAnonymize } from './scanners/anonymize.js';
import { createDeanonymize } from './scanners/deanonymize.js';
import { createOutputSecrets, createSecrets } from './scanners/secrets.js';
import { createSensitive } from './scanners/sensitive.js';

const MODEL_NOTE =
  "llm-guard's Python model settings do not apply: llm-shield detects PII with offline rules by default; its NER detector (llm-guard's Isotonic/deberta-v3-base_finetuned_ai4privacy_v2) is opt-in with recognizer: ml or hybrid, the model found by the shield's model policy (cache, --download, or a folder via models.<Scanner>)";

/** Anonymize and Sensitive use the NER model only with `recognizer: 'ml' | 'hybrid'` (the default is the rules). */
const usesNerModel = (options: Readonly<Record<string, unknown>>) => options['recognizer'] === 'ml' || options['recognizer'] === 'hybrid';

/**
 * The privacy scanners by llm-guard type name, for config files (llm-guard-api's `scanners.yml`) and the library
 * entry. llm-guard's snake_case parameters map to the camelCase options by plain conversion (`use_faker` →
 * `useFaker`, `entity_types`, `hidden_names`, `allowed_names`, `preamble`, `regex_patterns`, `threshold`,
 * `language`, `redact`, `matching_strategy`, `redact_mode` with llm-guard's values; `recognizer`, `on_model_failure`,
 * `ner_stride`, `entity_mapping` are llm-shield's). `use_onnx`, `model` and `recognizer_conf` (llm-guard's Python
 * objects) are accepted and ignored with a note. With `recognizer: ml | hybrid` the shield resolves the NER model
 * (task `pii-ner`) by its model policy like any model scanner's; a library caller may also pass `model` directly.
 */
export const PRIVACY_SCANNER_DEFINITIONS: readonly ScannerDefinitionV1[] = [
  {
    specificationVersion: 'v1',
    type: 'Anonymize',
    input: (config) => createAnonymize(config),
    modelTask: 'pii-ner',
    usesModel: usesNerModel,
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
    modelTask: 'pii-ner',
    usesModel: usesNerModel,
    ignored: { use_onnx: MODEL_NOTE, model: MODEL_NOTE, recognizer_conf: MODEL_NOTE },
  },
  {
    specificationVersion: 'v1',
    type: 'Secrets',
    input: (config) => createSecrets(config),
    output: (config) => createOutputSecrets(config),
  },
];
