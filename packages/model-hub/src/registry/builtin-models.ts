import type { ModelRegistryEntry } from './model-entry.js';

const HOW_TO_VERIFY =
  'Confirm with `GET https://huggingface.co/api/models/<repoId>/revision/main` (field `sha`) and the files with ' +
  '`POST /api/models/<repoId>/paths-info/<sha>`; then set status to "verified".';

/**
 * The models llm-shield's scanners use by default (registry format version 1), keyed by registry id.
 *
 * No value here could be checked against the Hub when it was written (no network): every pin is `unverified`, so
 * downloads resolve the branch head and warn until the pins are confirmed (see each entry's `revision.source`).
 * File layouts, labels, licenses and sizes come from the model cards and from public code that uses these repos;
 * `config.json` stays authoritative for labels at load time.
 */
export const BUILTIN_MODELS = {
  'protectai/deberta-v3-base-prompt-injection-v2': {
    registryVersion: 1,
    id: 'protectai/deberta-v3-base-prompt-injection-v2',
    task: 'prompt-injection',
    scanners: ['PromptInjection'],
    repoId: 'protectai/deberta-v3-base-prompt-injection-v2',
    revision: {
      commit: 'e6535ca4ce3ba852083e75ec585d7c8aeb4be4c5',
      branch: 'main',
      status: 'unverified',
      source:
        'Commit used as a pin by several public projects (not checked against the Hub from here); llm-guard pinned ' +
        `the older 89b085cd330414d3e7d9dd787870f315957e1e9f. ${HOW_TO_VERIFY}`,
    },
    files: {
      onnx: { fp32: 'onnx/model.onnx' },
      tokenizer: 'onnx/tokenizer.json',
      tokenizerConfig: 'onnx/tokenizer_config.json',
      config: 'onnx/config.json',
    },
    labels: ['SAFE', 'INJECTION'],
    defaults: { threshold: 0.92, maxLength: 512 },
    license: 'Apache-2.0',
    approxSizeBytes: { fp32: 750_000_000 },
    notes: 'The ONNX export, its tokenizer and config live under onnx/ of the model repo itself.',
  },
  'unitary/unbiased-toxic-roberta': {
    registryVersion: 1,
    id: 'unitary/unbiased-toxic-roberta',
    task: 'toxicity',
    scanners: ['Toxicity'],
    repoId: 'ProtectAI/unbiased-toxic-roberta-onnx',
    revision: {
      commit: '34480fa958f6657ad835c345808475755b6974a7',
      branch: 'main',
      status: 'unverified',
      source: `onnx_revision of llm-guard's toxicity scanner (read in llm-guard's public source, not checked against the Hub). ${HOW_TO_VERIFY}`,
    },
    files: {
      onnx: { fp32: 'model.onnx', quantized: 'model_quantized.onnx' },
      tokenizer: 'tokenizer.json',
      tokenizerConfig: 'tokenizer_config.json',
      config: 'config.json',
    },
    labels: [
      'toxicity',
      'severe_toxicity',
      'obscene',
      'identity_attack',
      'insult',
      'threat',
      'sexual_explicit',
      'male',
      'female',
      'homosexual_gay_or_lesbian',
      'christian',
      'jewish',
      'muslim',
      'black',
      'white',
      'psychiatric_or_mental_illness',
    ],
    defaults: { threshold: 0.5, maxLength: 512 },
    license: 'Apache-2.0',
    approxSizeBytes: { fp32: 500_000_000, quantized: 127_000_000 },
    notes:
      'ONNX export of unitary/unbiased-toxic-roberta (Detoxify) by ProtectAI, files at the repo root. Multi-label ' +
      '(sigmoid); llm-guard scores the first seven labels. Label order and the quantized file are unverified.',
  },
  'cardiffnlp/twitter-roberta-base-sentiment-latest': {
    registryVersion: 1,
    id: 'cardiffnlp/twitter-roberta-base-sentiment-latest',
    task: 'sentiment',
    scanners: ['Sentiment'],
    repoId: 'Xenova/twitter-roberta-base-sentiment-latest',
    revision: {
      commit: 'f3ec4d0925f90c3ca7ee7814f52d6ee7cf180445',
      branch: 'main',
      status: 'unverified',
      source: `Commit used as a pin by a public project (not checked against the Hub from here). ${HOW_TO_VERIFY}`,
    },
    files: {
      onnx: {
        fp32: 'onnx/model.onnx',
        fp16: 'onnx/model_fp16.onnx',
        int8: 'onnx/model_int8.onnx',
        quantized: 'onnx/model_quantized.onnx',
      },
      tokenizer: 'tokenizer.json',
      tokenizerConfig: 'tokenizer_config.json',
      config: 'config.json',
    },
    labels: ['negative', 'neutral', 'positive'],
    defaults: { threshold: -0.3, maxLength: 512 },
    license: 'CC-BY-4.0',
    approxSizeBytes: { fp32: 500_000_000, fp16: 250_000_000, int8: 126_000_000, quantized: 126_000_000 },
    notes:
      'transformers.js export (Xenova) of cardiffnlp/twitter-roberta-base-sentiment-latest. The threshold is on the ' +
      "Sentiment scanner's compound scale [-1, 1]. fp16/int8 files follow the transformers.js naming and are unverified.",
  },
} as const satisfies Record<string, ModelRegistryEntry>;

/** Registry ids of the built-in models. */
export type BuiltinModelId = keyof typeof BUILTIN_MODELS;

/** The default model of each scanner that can use one. */
export const DEFAULT_SCANNER_MODELS = {
  PromptInjection: 'protectai/deberta-v3-base-prompt-injection-v2',
  Toxicity: 'unitary/unbiased-toxic-roberta',
  Sentiment: 'cardiffnlp/twitter-roberta-base-sentiment-latest',
} as const satisfies Record<string, BuiltinModelId>;
