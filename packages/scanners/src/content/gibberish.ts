import { createScanResult, type Finding, type InputScannerV1, type OutputScannerV1, type ScanResultV1, type TextSpan } from '@llm-shield/core';
import { findCodeBlocks } from './code-blocks.js';
import { readMatchType, readOptions, readThreshold, type ContentMatchType } from './content-options.js';
import { gibberishFeatures, gibberishProbability } from './gibberish-features.js';
import { GIBBERISH_BIAS, GIBBERISH_WEIGHTS, gibberishTables } from './gibberish-model.js';
import { CONTENT_MAX_SPANS_PER_FINDING } from './language.js';
import { textParts } from './text-parts.js';

/** Options of the Gibberish scanner (llm-guard's `Gibberish`, input and output). */
export interface GibberishScannerConfig {
  /** A part whose gibberish probability exceeds this makes the text invalid. Default `0.97`, as llm-guard. */
  threshold?: number;
  /** `full` (default): the whole text (read in windows of 4,000 characters); `sentence`: every sentence. */
  matchType?: ContentMatchType;
}

/** Option names the Gibberish scanner accepts. */
export const GIBBERISH_SCANNER_KEYS = ['threshold', 'matchType'] as const;

/** llm-guard's default threshold of Gibberish. */
export const DEFAULT_GIBBERISH_THRESHOLD = 0.97;

/** Characters judged at once in `full` mode; longer texts are read in windows, the worst window deciding. */
export const GIBBERISH_WINDOW = 4000;

/** This many letters with diacritics (U+00C0–U+024F) mark a part as another Latin-script language: not judged. */
const ACCENTED_OTHER_LANGUAGE = 2;

/** Fewer ASCII letters than this and a part is not judged (`ok`, `42`, emoji). */
const MIN_LETTERS = 4;

function maskCode(text: string): string {
  const blocks = findCodeBlocks(text).filter((b) => b.confidence > 0.5);
  if (blocks.length === 0) return text;
  let out = '';
  let last = 0;
  for (const { span } of blocks) {
    out += text.slice(last, span.start) + ' '.repeat(span.end - span.start);
    last = span.end;
  }
  return out + text.slice(last);
}

/** The gibberish probability of one part, or 0 when the part is not English-script prose to judge. */
export function gibberishPartScore(part: string): number {
  let ascii = 0;
  let accented = 0;
  let other = 0;
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) ascii++;
    else if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) accented++;
    else if (c > 0x24f && !(c >= 0x2000 && c <= 0x206f)) other++;
  }
  // Too short to judge, mostly another script, or Latin letters with diacritics (French, German, Polish, ...).
  if (ascii < MIN_LETTERS || other > ascii || accented >= ACCENTED_OTHER_LANGUAGE) return 0;
  const features = gibberishFeatures(part, gibberishTables());
  if (features.letters < MIN_LETTERS) return 0;
  return gibberishProbability(features, GIBBERISH_WEIGHTS, GIBBERISH_BIAS);
}

function scanGibberish(threshold: number, matchType: ContentMatchType, text: string): ScanResultV1 {
  if (text.trim() === '') {
    return createScanResult({ score: 0, threshold, method: 'heuristic', sanitizedText: text, explanation: 'passed: empty text' });
  }
  const masked = maskCode(text);
  let score = 0;
  const spans: TextSpan[] = [];
  for (const part of textParts(masked, matchType, GIBBERISH_WINDOW)) {
    const probability = gibberishPartScore(part.text);
    score = Math.max(score, probability);
    if (probability > threshold && spans.length < CONTENT_MAX_SPANS_PER_FINDING) {
      spans.push({ start: part.start, end: part.end, text: text.slice(part.start, part.end) });
    }
  }
  const findings: Finding[] = spans.length > 0 ? [{ category: 'gibberish', score, rules: ['gibberish:char-word-model'], spans }] : [];
  return createScanResult({ score, threshold, method: 'heuristic', sanitizedText: text, findings });
}

/**
 * Gibberish (input): flags keyboard mashing, random strings and word salad, as llm-guard's `Gibberish`. A small
 * model trained on the project's permissively licensed prompts (tools/train/gibberish) reads character trigram
 * likelihood under an English and a pooled 28-language Latin-script model, the worst word, known-word and function-word shares and word-class order, and gives a
 * probability of gibberish per part (`full` text in 4,000-character windows, or each sentence); the worst part is
 * the score, invalid above `threshold`. Not judged (score 0): code (found by {@link findCodeBlocks} and masked),
 * URLs, e-mail addresses and paths (removed), parts with fewer than 4 ASCII letters, parts mostly in another
 * script or with two or more Latin letters with diacritics. Accuracy in
 * docs/gibberish.md.
 *
 * @throws InvalidConfigError for unknown options, a threshold outside [0, 1] or an unknown `matchType`.
 */
export function createGibberishScanner(config: GibberishScannerConfig = {}): InputScannerV1 {
  const options = readOptions('Gibberish', config, GIBBERISH_SCANNER_KEYS);
  const threshold = readThreshold('Gibberish', options['threshold'], DEFAULT_GIBBERISH_THRESHOLD);
  const matchType = readMatchType('Gibberish', options['matchType']);
  return { specificationVersion: 'v1', name: 'Gibberish', kind: 'input', scan: async (prompt: string) => scanGibberish(threshold, matchType, prompt) };
}

/** Gibberish (output): as {@link createGibberishScanner}, on the model's answer. */
export function createGibberishOutputScanner(config: GibberishScannerConfig = {}): OutputScannerV1 {
  const options = readOptions('Gibberish', config, GIBBERISH_SCANNER_KEYS);
  const threshold = readThreshold('Gibberish', options['threshold'], DEFAULT_GIBBERISH_THRESHOLD);
  const matchType = readMatchType('Gibberish', options['matchType']);
  return {
    specificationVersion: 'v1',
    name: 'Gibberish',
    kind: 'output',
    scan: async (_prompt: string, output: string) => scanGibberish(threshold, matchType, output),
  };
}
