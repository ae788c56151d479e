import { createScanResult, type ScanResultV1 } from '@llm-shield/core';
import { assertKnownKeys } from '../scanner-config.js';
import { invalidOption, readBoolean, readNumber } from './rule-options.js';
import { RuleOutputScanner, RULE_THRESHOLD } from './rule-scanner.js';

/** Average reading speed llm-guard assumes, in words per minute. */
export const WORDS_PER_MINUTE = 200;

/** Options of {@link ReadingTime} (llm-guard's, in camelCase). */
export interface ReadingTimeConfig {
  /** Longest reading time allowed, in minutes (required, as in llm-guard). */
  maxTime: number;
  /** Cut the output to the words that fit, joined by single spaces as llm-guard does (default `false`). */
  truncate?: boolean;
}

/** Validated form of {@link ReadingTimeConfig}. */
export interface ResolvedReadingTimeConfig {
  readonly maxTime: number;
  readonly truncate: boolean;
}

/** Validates {@link ReadingTimeConfig}; raises `InvalidConfigError`. */
export function resolveReadingTimeConfig(scanner: string, config: ReadingTimeConfig): ResolvedReadingTimeConfig {
  assertKnownKeys(scanner, config, ['maxTime', 'truncate']);
  const c = (config ?? {}) as Partial<ReadingTimeConfig>;
  if (c.maxTime === undefined) throw invalidOption(scanner, 'maxTime', undefined, 'a number of minutes (required)');
  return Object.freeze({
    maxTime: readNumber(scanner, 'maxTime', c.maxTime, 0, 0, 1_000_000),
    truncate: readBoolean(scanner, 'truncate', c.truncate, false),
  });
}

const WORD = /\S+/g;

/**
 * llm-guard's ReadingTime (output): words (runs of non-whitespace, as Python's `str.split()`) at
 * {@link WORDS_PER_MINUTE}; an output that takes longer than `maxTime` minutes to read is invalid, and with
 * `truncate` its `sanitizedText` is its first `floor(maxTime × 200)` words joined by single spaces. Score 1 (risk 1)
 * when too long, else 0 (risk -1).
 */
export class ReadingTime extends RuleOutputScanner<ResolvedReadingTimeConfig> {
  private readonly maxWords: number;

  /** @param config - see {@link ReadingTimeConfig}; `maxTime` is required. */
  constructor(config: ReadingTimeConfig) {
    super('ReadingTime', resolveReadingTimeConfig('ReadingTime', config));
    this.maxWords = Math.floor(this.config.maxTime * WORDS_PER_MINUTE);
  }

  /** Checks one output. */
  check(output: string): ScanResultV1 {
    const kept: string[] = [];
    let count = 0;
    let cutAt = -1;
    WORD.lastIndex = 0;
    for (let m = WORD.exec(output); m !== null; m = WORD.exec(output)) {
      count++;
      if (count <= this.maxWords) kept.push(m[0]);
      else if (cutAt < 0) cutAt = m.index;
    }
    const minutes = count / WORDS_PER_MINUTE;
    if (minutes <= this.config.maxTime) {
      return createScanResult({ score: 0, threshold: RULE_THRESHOLD, method: 'heuristic', sanitizedText: output, explanation: `passed: ${minutes.toFixed(2)} min to read` });
    }
    return createScanResult({
      score: 1,
      threshold: RULE_THRESHOLD,
      method: 'heuristic',
      sanitizedText: this.config.truncate ? kept.join(' ') : output,
      findings: [
        {
          category: 'reading_time',
          score: 1,
          rules: [`max_time:${this.config.maxTime}`],
          spans: cutAt < 0 ? [] : [{ start: cutAt, end: output.length, text: output.slice(cutAt) }],
        },
      ],
      explanation: `flagged: ${minutes.toFixed(2)} min to read (${count} words), above ${this.config.maxTime}`,
    });
  }
}
