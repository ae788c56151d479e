import { InvalidConfigError, type ScannerDefinitionV1 } from '@llm-shield/core';
import { BanCompetitors, OutputBanCompetitors, type BanCompetitorsConfig } from './ban-competitors.js';
import { BanSubstrings, OutputBanSubstrings, type BanSubstringsConfig } from './ban-substrings.js';
import { InvisibleText, type InvisibleTextConfig } from './invisible-text.js';
import { JSON as JSONScanner, type JSONConfig } from './json.js';
import { MALICIOUS_URLS_MODEL_ID, MaliciousURLs, type MaliciousURLsConfig } from './malicious-urls.js';
import { NoRefusalLight, type NoRefusalLightConfig } from './no-refusal-light.js';
import { ReadingTime, type ReadingTimeConfig } from './reading-time.js';
import { OutputRegex, Regex, type RegexConfig } from './regex.js';
import { TokenLimit, type TokenLimitConfig } from './token-limit.js';
import { URLReachability, type URLReachabilityConfig } from './url-reachability.js';

/** llm-guard writes `fullmatch` (its enum value); the issue and some configs write `full_match`. */
function regexMatchType(value: unknown): unknown {
  if (value === 'full_match') return 'fullmatch';
  if (value === 'search' || value === 'fullmatch' || value === 'all') return value;
  throw new InvalidConfigError(`Regex: match_type must be one of search, fullmatch (full_match), all, got ${JSON.stringify(value)}.`, {
    details: { scanner: 'Regex', field: 'matchType', value },
  });
}

/*
 * The rule scanners of this package by llm-guard type name, for config files and the shield's catalog. Options
 * arrive in camelCase; every llm-guard parameter of these scanners maps by the plain snake_case → camelCase
 * conversion except those in `aliases`; `ignored` lists parameters that only llm-guard's models used.
 */
const definitions: ScannerDefinitionV1[] = [
  {
    specificationVersion: 'v1',
    type: 'BanSubstrings',
    input: (config) => new BanSubstrings(config as unknown as BanSubstringsConfig),
    output: (config) => new OutputBanSubstrings(config as unknown as BanSubstringsConfig),
  },
  {
    specificationVersion: 'v1',
    type: 'BanCompetitors',
    input: (config) => new BanCompetitors(config as unknown as BanCompetitorsConfig),
    output: (config) => new OutputBanCompetitors(config as unknown as BanCompetitorsConfig),
    ignored: {
      threshold: "the confidence of llm-guard's NER model; names are matched by rule (exact, normalised) here",
      model: "llm-guard's NER model; names are matched by rule here",
    },
  },
  {
    specificationVersion: 'v1',
    type: 'Regex',
    input: (config) => new Regex(config as unknown as RegexConfig),
    output: (config) => new OutputRegex(config as unknown as RegexConfig),
    aliases: { match_type: { option: 'matchType', value: regexMatchType } },
  },
  {
    specificationVersion: 'v1',
    type: 'InvisibleText',
    input: (config) => new InvisibleText(config as unknown as InvisibleTextConfig),
  },
  {
    specificationVersion: 'v1',
    type: 'TokenLimit',
    input: (config) => new TokenLimit(config as unknown as TokenLimitConfig),
  },
  {
    specificationVersion: 'v1',
    type: 'JSON',
    output: (config) => new JSONScanner(config as unknown as JSONConfig),
  },
  {
    specificationVersion: 'v1',
    type: 'ReadingTime',
    output: (config) => new ReadingTime(config as unknown as ReadingTimeConfig),
  },
  {
    specificationVersion: 'v1',
    type: 'NoRefusalLight',
    output: (config) => new NoRefusalLight(config as unknown as NoRefusalLightConfig),
  },
  {
    specificationVersion: 'v1',
    type: 'URLReachability',
    output: (config) => new URLReachability(config as unknown as URLReachabilityConfig),
  },
  {
    specificationVersion: 'v1',
    type: 'MaliciousURLs',
    output: (config) => new MaliciousURLs(config as unknown as MaliciousURLsConfig),
    ignored: {
      model: `llm-guard's URL classifier (${MALICIOUS_URLS_MODEL_ID}) is not run yet; offline rules answer`,
      use_onnx: 'no model is run; offline rules answer',
    },
  },
];

/**
 * The rule scanners by llm-guard type name: BanSubstrings, BanCompetitors, Regex (input and output), InvisibleText,
 * TokenLimit (input), JSON, ReadingTime, NoRefusalLight, URLReachability, MaliciousURLs (output). Options arrive in
 * camelCase; `aliases` maps Regex's `match_type: full_match`; `ignored` drops the parameters of llm-guard's models
 * (BanCompetitors' `threshold`/`model`, MaliciousURLs' `model`/`use_onnx`). Each scanner documents its defaults.
 */
export const RULE_SCANNER_DEFINITIONS: readonly ScannerDefinitionV1[] = Object.freeze(definitions);
