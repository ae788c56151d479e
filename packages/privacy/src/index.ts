export * from './normalize/detection-text.js';
export * from './recognizers/types.js';
export * from './recognizers/analyzer.js';
export * from './recognizers/registry.js';
export { emailRecognizer } from './recognizers/email.js';
export { createPhoneRecognizer, DEFAULT_PHONE_REGIONS } from './recognizers/phone.js';
export { creditCardRecognizer } from './recognizers/credit-card.js';
export { CARD_ISSUERS, cardIssuer, type CardIssuer } from './recognizers/card-issuers.js';
export { luhnValid } from './recognizers/luhn.js';
export { ibanRecognizer } from './recognizers/iban.js';
export { ipAddressRecognizer, isValidIpv6 } from './recognizers/ip-address.js';
export { urlRecognizer } from './recognizers/url.js';
export { usSsnRecognizer, ssnValid } from './recognizers/us-ssn.js';
export { ukNinoRecognizer } from './recognizers/uk-nino.js';
export { uuidRecognizer } from './recognizers/uuid.js';
export { NATIONAL_ID_RECOGNIZERS, NATIONAL_ID_ENTITY_TYPES } from './recognizers/national-ids/national-id-recognizers.js';
export {
  bsnValid,
  finnishIdValid,
  frenchNirValid,
  germanTaxIdValid,
  italianFiscalCodeValid,
  mrzCheckDigit,
  nhsNumberValid,
  peselValid,
  spanishControlLetter,
  turkishIdValid,
  verhoeffValid,
} from './recognizers/national-ids/id-checksums.js';
export { cryptoWalletRecognizer, isValidBase58Check, isValidBech32, isValidEip55 } from './recognizers/crypto-wallet.js';
export { dateOfBirthRecognizer } from './recognizers/date-of-birth.js';
export { streetAddressRecognizer } from './recognizers/street-address.js';
export { personNameRecognizer } from './recognizers/person-name.js';
export { nameLexicon, type NameLexicon } from './recognizers/name-lexicon.js';
export { createRegexPatternRecognizer, type RegexPatternGroup } from './recognizers/custom-patterns.js';
export { createDenyListRecognizer } from './recognizers/deny-list.js';
export * from './vault/placeholders.js';
export { DEFAULT_FAKER_SEED, FAKEABLE_ENTITY_TYPES } from './vault/fake-values.js';
export { createAnonymize, type AnonymizeConfig } from './scanners/anonymize.js';
export { createDeanonymize, restoreFromVault, MATCHING_STRATEGIES, type DeanonymizeConfig, type MatchingStrategy } from './scanners/deanonymize.js';
export { createSensitive, type SensitiveConfig } from './scanners/sensitive.js';
export { PII_LANGUAGES, type PiiLanguage, type PiiNerOptions } from './scanners/pii-config.js';
export * from './ner/token-aggregation.js';
export { classifyTokens, DEFAULT_NER_STRIDE, NER_BATCH_SIZE, type ClassifyTokensOptions } from './ner/token-classifier.js';
export {
  AI4PRIVACY_NER_MODEL_ID,
  AI4PRIVACY_ENTITY_MAPPING,
  PII_RECOGNIZER_MODES,
  PII_MODEL_FAILURE_POLICIES,
  detectWithNer,
  resolveNerDetection,
  type PiiRecognizerMode,
  type ResolvedNerDetection,
} from './ner/pii-ner.js';
export { PRIVACY_SCANNER_DEFINITIONS } from './definitions.js';
export { SecretDetector, type SecretFinding, type SecretDetectorOptions } from './secrets/secret-detector.js';
export type { SecretRuleData, SecretAllowlistData } from './secrets/rule-types.js';
export { GITLEAKS_RULES, GITLEAKS_GLOBAL_ALLOWLIST } from './secrets/gitleaks-rules.generated.js';
export { EXTRA_SECRET_RULES } from './secrets/extra-rules.js';
export { shannonEntropy } from './secrets/entropy.js';
export { KeywordIndex } from './secrets/keyword-index.js';
export { redactSecret, REDACT_MODES, type RedactMode } from './secrets/redact.js';
export { createSecrets, createOutputSecrets, type SecretsConfig } from './scanners/secrets.js';
