import { createScanResult, type Finding, type InputScannerV1, type OutputScannerV1, type ScanResultV1, type TextSpan } from '@llm-shield/core';
import { findCodeBlocks } from './code-blocks.js';
import { identifyCodeLanguageByRules, IDENTIFY_PREFIX, languageFromHint, type CodeLanguageGuess } from './code-language-identifier.js';
import { resolveCodeLanguages } from './code-languages.js';
import { readBoolean, readOptions, readStringList, readThreshold } from './content-options.js';
import { CONTENT_MAX_SPANS_PER_FINDING } from './language.js';

/** Options of the Code scanner (llm-guard's `Code`, input and output). */
export interface CodeScannerConfig {
  /**
   * Programming languages (`languages`), by llm-guard's names (`Python`, `C#`, `Visual Basic .NET`, …) or usual
   * aliases (`py`, `js`, `bash`), case-insensitive; see {@link CODE_LANGUAGES}. Required, non-empty.
   */
  languages: readonly string[];
  /** `true` (default): code in one of `languages` is flagged; `false`: code in any other language is (`is_blocked`). */
  isBlocked?: boolean;
  /** Code whose language confidence exceeds this decides. Default `0.5`, as llm-guard. */
  threshold?: number;
}

/** Option names the Code scanner accepts. */
export const CODE_SCANNER_KEYS = ['languages', 'isBlocked', 'threshold'] as const;

/** llm-guard's default threshold of Code. */
export const DEFAULT_CODE_THRESHOLD = 0.5;

/**
 * Characters of code one scan identifies by rules in total (the first {@link IDENTIFY_PREFIX} of each block, in
 * order); later blocks are named only by their fence's info string. Keeps a 10 MB input linear and bounded.
 */
export const CODE_IDENTIFY_BUDGET = 200_000;

interface ResolvedCodeConfig {
  languages: ReadonlySet<string>;
  isBlocked: boolean;
  threshold: number;
}

function resolveCodeConfig(config: unknown): ResolvedCodeConfig {
  const options = readOptions('Code', config, CODE_SCANNER_KEYS);
  const names = readStringList('Code', 'languages', options['languages']);
  return {
    languages: new Set(resolveCodeLanguages('Code', names)),
    isBlocked: readBoolean('Code', 'isBlocked', options['isBlocked'], true),
    threshold: readThreshold('Code', options['threshold'], DEFAULT_CODE_THRESHOLD),
  };
}

function scanCode(config: ResolvedCodeConfig, text: string): ScanResultV1 {
  const { languages, isBlocked, threshold } = config;
  if (text.trim() === '') {
    return createScanResult({ score: 0, threshold, method: 'heuristic', sanitizedText: text, explanation: 'passed: empty text' });
  }
  let budget = CODE_IDENTIFY_BUDGET;
  let score = 0;
  const byLanguage = new Map<string, { score: number; spans: TextSpan[]; rules: Set<string> }>();
  const seen = new Set<string>();
  for (const block of findCodeBlocks(text)) {
    let guess: CodeLanguageGuess | undefined = languageFromHint(block.hint);
    if (!guess && budget > 0) {
      guess = identifyCodeLanguageByRules(block.span.text);
      budget -= Math.min(block.span.text.length, IDENTIFY_PREFIX);
    }
    if (!guess) continue;
    const confidence = block.confidence * guess.confidence;
    seen.add(guess.language);
    const offending = isBlocked ? languages.has(guess.language) : !languages.has(guess.language);
    if (!offending) continue;
    score = Math.max(score, confidence);
    if (confidence <= threshold) continue;
    const entry = byLanguage.get(guess.language) ?? { score: 0, spans: [], rules: new Set<string>() };
    entry.score = Math.max(entry.score, confidence);
    if (entry.spans.length < CONTENT_MAX_SPANS_PER_FINDING) entry.spans.push(block.span);
    entry.rules.add(block.hint && languageFromHint(block.hint) ? `code:${block.kind}:fence-info` : `code:${block.kind}`);
    byLanguage.set(guess.language, entry);
  }
  const findings: Finding[] = [...byLanguage].map(([language, e]) => ({ category: language, score: e.score, rules: [...e.rules], spans: e.spans }));
  const listed = [...languages].join(', ');
  const explanation = findings.length > 0
    ? `flagged: ${findings.map((f) => `${f.category} ${f.score.toFixed(2)}`).join(', ')} ${isBlocked ? 'is blocked' : `is not among the allowed languages (${listed})`}`
    : `passed: ${seen.size === 0 ? 'no identified code' : `code in ${[...seen].join(', ')}`}; ${isBlocked ? 'blocked' : 'allowed'}: ${listed}`;
  return createScanResult({ score, threshold, method: 'heuristic', sanitizedText: text, findings, explanation });
}

/**
 * Code (input): flags code in given programming languages (`isBlocked: true`, default) or in any language but
 * those (`isBlocked: false`), as llm-guard's `Code`. Code blocks come from {@link findCodeBlocks} (fenced, inline
 * and unfenced); a fence's info string names the language (confidence 1), otherwise the signature rules do
 * ({@link identifyCodeLanguageByRules}). A block's score is its code confidence × its language confidence; the
 * result's score is the highest score of an offending block, invalid above `threshold`, one finding per offending
 * language (category = the language's name). Code whose language cannot be named is not flagged.
 *
 * @throws InvalidConfigError for unknown options, an empty `languages` or an unknown language in it (details name
 *   the value), a non-boolean `isBlocked` or a threshold outside [0, 1].
 */
export function createCodeScanner(config: CodeScannerConfig): InputScannerV1 {
  const resolved = resolveCodeConfig(config);
  return { specificationVersion: 'v1', name: 'Code', kind: 'input', scan: async (prompt: string) => scanCode(resolved, prompt) };
}

/** Code (output): as {@link createCodeScanner}, on the model's answer. */
export function createCodeOutputScanner(config: CodeScannerConfig): OutputScannerV1 {
  const resolved = resolveCodeConfig(config);
  return { specificationVersion: 'v1', name: 'Code', kind: 'output', scan: async (_prompt: string, output: string) => scanCode(resolved, output) };
}
