import { InvalidConfigError, type InputScannerV1, type OutputScannerV1 } from '@llm-shield/core';
import { PromptInjection, type PromptInjectionConfig } from './prompt-injection.js';
import { OutputSentiment, Sentiment, type SentimentConfig } from './sentiment.js';
import { OutputToxicity, Toxicity, type ToxicityConfig } from './toxicity.js';

/** Names of the input scanners {@link createInputScanner} builds. */
export const INPUT_SCANNER_NAMES = ['PromptInjection', 'Toxicity', 'Sentiment'] as const;
/** Names of the output scanners {@link createOutputScanner} builds. */
export const OUTPUT_SCANNER_NAMES = ['Toxicity', 'Sentiment'] as const;

export type InputScannerName = (typeof INPUT_SCANNER_NAMES)[number];
export type OutputScannerName = (typeof OUTPUT_SCANNER_NAMES)[number];

/** Config type of each input scanner. */
export interface InputScannerConfigs {
  PromptInjection: PromptInjectionConfig;
  Toxicity: ToxicityConfig;
  Sentiment: SentimentConfig;
}

/** Builds an input scanner by name; raises `InvalidConfigError` for an unknown name or bad config. */
export function createInputScanner<Name extends InputScannerName>(name: Name, config?: InputScannerConfigs[Name]): InputScannerV1 {
  switch (name) {
    case 'PromptInjection':
      return new PromptInjection(config as PromptInjectionConfig);
    case 'Toxicity':
      return new Toxicity(config as ToxicityConfig);
    case 'Sentiment':
      return new Sentiment(config as SentimentConfig);
    default:
      throw new InvalidConfigError(`Unknown input scanner ${JSON.stringify(name)}; known: ${INPUT_SCANNER_NAMES.join(', ')}.`);
  }
}

/** Builds an output scanner by name; raises `InvalidConfigError` for an unknown name or bad config. */
export function createOutputScanner<Name extends OutputScannerName>(
  name: Name,
  config?: Name extends 'Toxicity' ? ToxicityConfig : SentimentConfig,
): OutputScannerV1 {
  switch (name) {
    case 'Toxicity':
      return new OutputToxicity(config as ToxicityConfig);
    case 'Sentiment':
      return new OutputSentiment(config as SentimentConfig);
    default:
      throw new InvalidConfigError(`Unknown output scanner ${JSON.stringify(name)}; known: ${OUTPUT_SCANNER_NAMES.join(', ')}.`);
  }
}
