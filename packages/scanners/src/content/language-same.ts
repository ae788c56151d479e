import { createScanResult, type OutputScannerV1, type ScanResultV1 } from '@llm-shield/core';
import { readOptions, readThreshold } from './content-options.js';
import { loadLanguageDetector } from './language-detector.js';
import { languageConfidences } from './language.js';

/** Options of the LanguageSame scanner (llm-guard's output `LanguageSame`). */
export interface LanguageSameScannerConfig {
  /** A language counts as present in a text when its confidence exceeds this. Default `0.1`. */
  threshold?: number;
}

/** Option names the LanguageSame scanner accepts. */
export const LANGUAGE_SAME_SCANNER_KEYS = ['threshold'] as const;

/** llm-guard's default threshold of LanguageSame. */
export const DEFAULT_LANGUAGE_SAME_THRESHOLD = 0.1;

function present(map: Map<string, { confidence: number }>, threshold: number): string[] {
  return [...map].filter(([, { confidence }]) => confidence > threshold).map(([language]) => language);
}

/**
 * LanguageSame (output): the answer must share a language with the prompt, as llm-guard's `LanguageSame`. The
 * languages of each text are those with a confidence above `threshold` (texts longer than 1,000 characters are read
 * in windows, a language counting with its best window). Invalid (score 1) when the prompt or the answer has no
 * language above the threshold, or when they share none; otherwise valid (score 0). An empty prompt or answer
 * passes. The finding `language_mismatch` spans the whole answer.
 *
 * @throws InvalidConfigError for unknown options or a threshold outside [0, 1].
 */
export function createLanguageSameScanner(config: LanguageSameScannerConfig = {}): OutputScannerV1 {
  const options = readOptions('LanguageSame', config, LANGUAGE_SAME_SCANNER_KEYS);
  const threshold = readThreshold('LanguageSame', options['threshold'], DEFAULT_LANGUAGE_SAME_THRESHOLD);
  return {
    specificationVersion: 'v1',
    name: 'LanguageSame',
    kind: 'output',
    async scan(prompt: string, output: string): Promise<ScanResultV1> {
      if (prompt.trim() === '' || output.trim() === '') {
        return createScanResult({ score: 0, threshold, method: 'heuristic', sanitizedText: output, explanation: 'passed: empty prompt or output' });
      }
      const detector = await loadLanguageDetector();
      const inPrompt = present(languageConfidences(detector, prompt, 'full', threshold), threshold);
      const inOutput = present(languageConfidences(detector, output, 'full', threshold), threshold);
      const common = inPrompt.filter((l) => inOutput.includes(l));
      let reason: string | undefined;
      if (inPrompt.length === 0) reason = 'no language above the threshold in the prompt';
      else if (inOutput.length === 0) reason = 'no language above the threshold in the output';
      else if (common.length === 0) reason = `prompt in ${inPrompt.join(', ')}, output in ${inOutput.join(', ')}`;
      if (reason === undefined) {
        return createScanResult({ score: 0, threshold, method: 'heuristic', sanitizedText: output, valid: true, explanation: `passed: common language ${common.join(', ')}` });
      }
      return createScanResult({
        score: 1,
        threshold,
        method: 'heuristic',
        sanitizedText: output,
        valid: false,
        explanation: `flagged: ${reason}`,
        findings: [{ category: 'language_mismatch', score: 1, rules: ['language:eld'], spans: [{ start: 0, end: output.length, text: output }] }],
      });
    },
  };
}
