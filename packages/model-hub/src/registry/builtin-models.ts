import type { ModelRegistryEntry } from './model-entry.js';

const HOW_TO_VERIFY =
  'Confirm with `GET https://huggingface.co/api/models/<repoId>/revision/main` (field `sha`) and the files with ' +
  '`POST /api/models/<repoId>/paths-info/<sha>`; then set status to "verified".';

/** ai4privacy (pii-masking-200k) classes of Isotonic/deberta-v3-base_finetuned_ai4privacy_v2. */
const AI4PRIVACY_CLASSES = [
  'PREFIX', 'FIRSTNAME', 'MIDDLENAME', 'LASTNAME', 'DATE', 'TIME', 'DOB', 'AGE', 'SEX', 'GENDER', 'JOBTITLE', 'JOBAREA',
  'JOBTYPE', 'COMPANYNAME', 'STREET', 'BUILDINGNUMBER', 'SECONDARYADDRESS', 'CITY', 'STATE', 'COUNTY', 'ZIPCODE',
  'NEARBYGPSCOORDINATE', 'ORDINALDIRECTION', 'EMAIL', 'PHONENUMBER', 'PHONEIMEI', 'URL', 'IP', 'IPV4', 'IPV6', 'MAC',
  'USERNAME', 'PASSWORD', 'USERAGENT', 'ACCOUNTNAME', 'ACCOUNTNUMBER', 'IBAN', 'BIC', 'CREDITCARDNUMBER',
  'CREDITCARDISSUER', 'CREDITCARDCVV', 'MASKEDNUMBER', 'PIN', 'AMOUNT', 'CURRENCY', 'CURRENCYCODE', 'CURRENCYNAME',
  'CURRENCYSYMBOL', 'BITCOINADDRESS', 'ETHEREUMADDRESS', 'LITECOINADDRESS', 'SSN', 'VEHICLEVIN', 'VEHICLEVRM', 'HEIGHT',
  'EYECOLOR',
] as const;

/** Its expected labels: `O`, then `B-`/`I-` of each class (order unverified; `config.json` decides at load time). */
const AI4PRIVACY_LABELS: readonly string[] = ['O', ...AI4PRIVACY_CLASSES.flatMap((c) => [`B-${c}`, `I-${c}`])];

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
      commit: '89b085cd330414d3e7d9dd787870f315957e1e9f',
      branch: 'main',
      status: 'unverified',
      source:
        "llm-guard's llm_guard/input_scanners/prompt_injection.py V2_MODEL: path protectai/deberta-v3-base-prompt-injection-v2, " +
        'revision 89b085cd330414d3e7d9dd787870f315957e1e9f, onnx_path ProtectAI/deberta-v3-base-prompt-injection-v2 at the same ' +
        'revision, onnx_subfolder "onnx", onnx_filename "model.onnx" (read in llm-guard\'s public source, not checked against ' +
        'the Hub). The DeBERTa tokenizer files in shared/datasets/tokenizers/deberta-v3-base say they were copied at the later ' +
        `commit e6535ca4ce3ba852083e75ec585d7c8aeb4be4c5 (May 2024). ${HOW_TO_VERIFY}`,
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
    notes:
      'The ONNX export, its tokenizer and config live under onnx/ of the model repo itself (llm-guard spells the ONNX repo ' +
      '"ProtectAI/…": the same Hub repo, but Python names its cache folder after the spelling). llm-guard tokenizes with ' +
      'max_length 512, truncation, return_token_type_ids False. Threshold: llm-guard defaulted to 0.9 in the file version ' +
      'of that pin; newer llm-guard uses 0.92, kept here.',
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
      source:
        "llm-guard's llm_guard/input_scanners/toxicity.py DEFAULT_MODEL: onnx_path ProtectAI/unbiased-toxic-roberta-onnx, " +
        'onnx_revision 34480fa958f6657ad835c345808475755b6974a7 (PyTorch model unitary/unbiased-toxic-roberta at revision ' +
        '36295dd80b422dc49f40052021430dae76241adc); read in llm-guard\'s public source, not checked against the Hub. ' +
        HOW_TO_VERIFY,
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
      '(sigmoid); llm-guard scores toxicity, severe_toxicity, obscene, threat, insult, identity_attack and ' +
      'sexual_explicit and ignores the identity labels. Label order and the quantized file are unverified.',
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
      source:
        'Commit seen pinned for Xenova/twitter-roberta-base-sentiment-latest in a public project (not checked against the ' +
        `Hub from here); license CC-BY-4.0 from the cardiffnlp/twitter-roberta-base-sentiment-latest model card. ${HOW_TO_VERIFY}`,
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
  'Isotonic/deberta-v3-base_finetuned_ai4privacy_v2': {
    registryVersion: 1,
    id: 'Isotonic/deberta-v3-base_finetuned_ai4privacy_v2',
    task: 'pii-ner',
    scanners: ['Anonymize', 'Sensitive'],
    repoId: 'Isotonic/deberta-v3-base_finetuned_ai4privacy_v2',
    revision: {
      commit: '9ea992753ab2686be4a8f64605ccc7be197ad794',
      branch: 'main',
      status: 'unverified',
      source:
        "llm-guard's DEBERTA_AI4PRIVACY_v2_CONF (llm_guard/input_scanners/anonymize_helpers/ner_mapping.py, llm-guard 0.3.16): " +
        'path and onnx_path Isotonic/deberta-v3-base_finetuned_ai4privacy_v2, revision 9ea992753ab2686be4a8f64605ccc7be197ad794, ' +
        'onnx_subfolder "onnx", aggregation_strategy "simple". The revision was read in two public projects that pin ' +
        "llm-guard's model (llm-guard's own file at that version was not in the searchable index), not checked against the Hub. " +
        HOW_TO_VERIFY,
    },
    files: {
      onnx: { fp32: 'onnx/model.onnx' },
      tokenizer: 'tokenizer.json',
      tokenizerConfig: 'tokenizer_config.json',
      config: 'config.json',
    },
    labels: AI4PRIVACY_LABELS,
    defaults: { threshold: 0.5, maxLength: 512 },
    license: 'CC-BY-NC-4.0',
    approxSizeBytes: { fp32: 740_000_000 },
    notes:
      "DebertaV2ForTokenClassification fine-tuned on ai4privacy/pii-masking-200k: 113 IOB2 labels (O + B-/I- of 56 classes; " +
      "config.json's id2label is authoritative). llm-guard reads its ONNX export under onnx/ and the tokenizer at the repo " +
      'root (file layout unverified). Non-commercial licence (CC-BY-NC-4.0; the dataset asks organisations of more than 3 ' +
      "staff for a company licence): check it before production use. Used by @llm-shield/privacy's Anonymize and " +
      "Sensitive only with recognizer 'ml' or 'hybrid' (the default is the offline rules).",
  },
  'SamLowe/roberta-base-go_emotions': {
    registryVersion: 1,
    id: 'SamLowe/roberta-base-go_emotions',
    task: 'emotion',
    scanners: ['EmotionDetection'],
    repoId: 'SamLowe/roberta-base-go_emotions-onnx',
    revision: {
      commit: '90ee0c1c4796d370e68968687b8ba51fc11224f4',
      branch: 'main',
      status: 'unverified',
      source:
        "llm-guard's llm_guard/input_scanners/emotion_detection.py DEFAULT_MODEL: onnx_path SamLowe/roberta-base-go_emotions-onnx, " +
        'onnx_revision 90ee0c1c4796d370e68968687b8ba51fc11224f4 (PyTorch model SamLowe/roberta-base-go_emotions at revision ' +
        '58b6c5b44a7a12093f782442969019c7e2982299); read in llm-guard\'s public source, not checked against the Hub. The ONNX ' +
        'repo keeps its graphs, tokenizer and config under onnx/ (its model card: onnx/model.onnx, onnx/model_quantized.onnx). ' +
        HOW_TO_VERIFY,
    },
    files: {
      onnx: { fp32: 'onnx/model.onnx', quantized: 'onnx/model_quantized.onnx' },
      tokenizer: 'onnx/tokenizer.json',
      tokenizerConfig: 'onnx/tokenizer_config.json',
      config: 'onnx/config.json',
    },
    labels: [
      'admiration', 'amusement', 'anger', 'annoyance', 'approval', 'caring', 'confusion', 'curiosity', 'desire',
      'disappointment', 'disapproval', 'disgust', 'embarrassment', 'excitement', 'fear', 'gratitude', 'grief', 'joy',
      'love', 'nervousness', 'optimism', 'pride', 'realization', 'relief', 'remorse', 'sadness', 'surprise', 'neutral',
    ],
    defaults: { threshold: 0.5, maxLength: 512 },
    license: 'MIT',
    approxSizeBytes: { fp32: 499_000_000, quantized: 125_000_000 },
    notes:
      'ONNX export of SamLowe/roberta-base-go_emotions (RoBERTa-base fine-tuned on GoEmotions, 28 labels, multi-label ' +
      'sigmoid). llm-guard tokenizes with max_length 512, truncation, return_token_type_ids False, and blocks its eleven ' +
      'negative emotions above 0.5. The model card reports F1 0.450 at a fixed 0.5 threshold.',
  },
} as const satisfies Record<string, ModelRegistryEntry>;

/** Registry ids of the built-in models. */
export type BuiltinModelId = keyof typeof BUILTIN_MODELS;

/** The default model of each scanner that can use one. */
export const DEFAULT_SCANNER_MODELS = {
  PromptInjection: 'protectai/deberta-v3-base-prompt-injection-v2',
  Toxicity: 'unitary/unbiased-toxic-roberta',
  Sentiment: 'cardiffnlp/twitter-roberta-base-sentiment-latest',
  // the NER model of Anonymize and Sensitive, used only with recognizer 'ml' or 'hybrid'
  Anonymize: 'Isotonic/deberta-v3-base_finetuned_ai4privacy_v2',
  Sensitive: 'Isotonic/deberta-v3-base_finetuned_ai4privacy_v2',
  EmotionDetection: 'SamLowe/roberta-base-go_emotions',
} as const satisfies Record<string, BuiltinModelId>;
