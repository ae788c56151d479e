import { createScanResult, type Finding, type InputScannerV1, type OutputScannerV1, type ScanResultV1 } from '@llm-shield/core';
import { findCodeBlocks } from './code-blocks.js';
import { readOptions, readThreshold } from './content-options.js';
import { CONTENT_MAX_SPANS_PER_FINDING } from './language.js';

/** Options of the BanCode scanner (llm-guard's `BanCode`, input and output). */
export interface BanCodeScannerConfig {
  /** Code found with a confidence above this makes the text invalid. Default `0.97`, as llm-guard. */
  threshold?: number;
}

/** Option names the BanCode scanner accepts. */
export const BAN_CODE_SCANNER_KEYS = ['threshold'] as const;

/** llm-guard's default threshold of BanCode. */
export const DEFAULT_BAN_CODE_THRESHOLD = 0.97;

function scanBanCode(threshold: number, text: string): ScanResultV1 {
  if (text.trim() === '') {
    return createScanResult({ score: 0, threshold, method: 'heuristic', sanitizedText: text, explanation: 'passed: empty text' });
  }
  const blocks = findCodeBlocks(text);
  const score = Math.max(0, ...blocks.map((b) => b.confidence));
  const flagged = blocks.filter((b) => b.confidence > threshold);
  const findings: Finding[] =
    flagged.length === 0
      ? []
      : [{ category: 'code', score, rules: [...new Set(flagged.map((b) => `code:${b.kind}`))], spans: flagged.slice(0, CONTENT_MAX_SPANS_PER_FINDING).map((b) => b.span) }];
  const explanation = findings.length > 0
    ? `flagged: ${flagged.length} code block(s) (${[...new Set(flagged.map((b) => b.kind))].join(', ')}), confidence ${score.toFixed(2)}`
    : `passed: ${blocks.length === 0 ? 'no code' : `code confidence ${score.toFixed(2)}`} vs threshold ${threshold.toFixed(2)}`;
  return createScanResult({ score, threshold, method: 'heuristic', sanitizedText: text, findings, explanation });
}

/**
 * BanCode (input): flags a prompt that contains code, as llm-guard's `BanCode`. Code is found by
 * {@link findCodeBlocks} (Markdown fences, inline backtick spans that read as code, and runs of lines that read as
 * code); the score is the highest block confidence, and every block above `threshold` is a span of the finding
 * `code`. Rule-based and offline; measured in docs/code-detection.md.
 *
 * @throws InvalidConfigError for unknown options or a threshold outside [0, 1].
 */
export function createBanCodeScanner(config: BanCodeScannerConfig = {}): InputScannerV1 {
  const options = readOptions('BanCode', config, BAN_CODE_SCANNER_KEYS);
  const threshold = readThreshold('BanCode', options['threshold'], DEFAULT_BAN_CODE_THRESHOLD);
  return {
    specificationVersion: 'v1',
    name: 'BanCode',
    kind: 'input',
    scan: async (prompt: string) => scanBanCode(threshold, prompt),
  };
}

/** BanCode (output): as {@link createBanCodeScanner}, on the model's answer. */
export function createBanCodeOutputScanner(config: BanCodeScannerConfig = {}): OutputScannerV1 {
  const options = readOptions('BanCode', config, BAN_CODE_SCANNER_KEYS);
  const threshold = readThreshold('BanCode', options['threshold'], DEFAULT_BAN_CODE_THRESHOLD);
  return {
    specificationVersion: 'v1',
    name: 'BanCode',
    kind: 'output',
    scan: async (_prompt: string, output: string) => scanBanCode(threshold, output),
  };
}
