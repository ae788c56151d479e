import { InvalidConfigError, type ScannerDefinitionV1, type ScannerOptionAlias } from '@llm-shield/core';
import { PromptInjection, type PromptInjectionConfig } from './prompt-injection.js';
import { OutputSentiment, Sentiment, type SentimentConfig } from './sentiment.js';
import { OutputToxicity, Toxicity, type ToxicityConfig } from './toxicity.js';
import type { LongInputMode } from './long-input.js';

/** llm-guard's `MatchType` values and the long-input mode each means here. */
const MATCH_TYPES: Readonly<Record<string, LongInputMode>> = {
  full: 'full',
  sentence: 'sentence',
  truncate_token_head_tail: 'head-tail',
  truncate_head_tail: 'head-tail',
  chunks: 'chunks',
};

/** `match_type` → `longInput.mode`, refusing llm-guard values with no equivalent. */
const MATCH_TYPE_ALIAS: ScannerOptionAlias = {
  option: 'longInput.mode',
  value: (value) => {
    const mode = typeof value === 'string' ? MATCH_TYPES[value.toLowerCase()] : undefined;
    if (mode === undefined) {
      throw new InvalidConfigError(`match_type must be one of ${Object.keys(MATCH_TYPES).join(', ')}, got ${JSON.stringify(value)}.`, {
        details: { field: 'match_type', value },
      });
    }
    return mode;
  },
};

/** llm-guard parameter names shared by the model scanners (`match_type`, `model_max_length`). */
export const CLASSIFIER_ALIASES: Readonly<Record<string, ScannerOptionAlias>> = {
  match_type: MATCH_TYPE_ALIAS,
  model_max_length: { option: 'longInput.maxLength' },
};

/** llm-guard parameters that have no meaning here (`use_onnx`, `model`, `model_path`): the model comes from the shield's model policy. */
export const CLASSIFIER_IGNORED: Readonly<Record<string, string>> = {
  use_onnx: 'llm-shield always runs ONNX models; use_onnx is ignored.',
  model: 'the model comes from the model policy (model folder, Hugging Face cache, embedded model); use --model-dir or modelDirs instead.',
  model_path: 'the model comes from the model policy; use --model-dir or modelDirs instead.',
};

/**
 * The classifier scanners (PromptInjection, Toxicity, Sentiment) as config-file entries: llm-guard's
 * `match_type` and `model_max_length` map to `longInput`, `use_onnx` and `model` are accepted and ignored, and
 * each names the model task the shield's model policy resolves for it.
 */
export const CLASSIFIER_SCANNER_DEFINITIONS: readonly ScannerDefinitionV1[] = [
  {
    specificationVersion: 'v1',
    type: 'PromptInjection',
    input: (config) => new PromptInjection(config as PromptInjectionConfig),
    aliases: CLASSIFIER_ALIASES,
    ignored: CLASSIFIER_IGNORED,
    modelTask: 'prompt-injection',
  },
  {
    specificationVersion: 'v1',
    type: 'Toxicity',
    input: (config) => new Toxicity(config as ToxicityConfig),
    output: (config) => new OutputToxicity(config as ToxicityConfig),
    aliases: CLASSIFIER_ALIASES,
    ignored: CLASSIFIER_IGNORED,
    modelTask: 'toxicity',
  },
  {
    specificationVersion: 'v1',
    type: 'Sentiment',
    input: (config) => new Sentiment(config as SentimentConfig),
    output: (config) => new OutputSentiment(config as SentimentConfig),
    aliases: CLASSIFIER_ALIASES,
    ignored: { ...CLASSIFIER_IGNORED, lexicon: "the rule-based detector uses its own VADER-style lexicon; llm-guard's lexicon name is ignored." },
    modelTask: 'sentiment',
  },
];
