import { scanPrompt, type InputScannerV1, type ScanResultV1 } from '@llm-shield/core';
import { analyzeSentiment, DEFAULT_NEGATIVE_THRESHOLD, DEFAULT_POSITIVE_THRESHOLD } from '@llm-shield/heuristics';
import { createInputScanner, type DetectionMode } from '@llm-shield/scanners';
import type { EvalTask } from '../eval/task.js';
import { polarityToClass, type BinaryDetector, type SentimentDetector } from './detector.js';

/** Options of {@link createLlmShieldDetector}. */
export interface LlmShieldDetectorOptions {
  /**
   * Binary tasks: the scanner's threshold (default: the scanner's own). Sentiment: a symmetric neutral band B
   * on the compound scale (positive ≥ B, negative ≤ −B); default: the analyser's own label rule
   * (negative below `DEFAULT_NEGATIVE_THRESHOLD` 0, positive from `DEFAULT_POSITIVE_THRESHOLD` 0.25).
   */
  threshold?: number | undefined;
  /** Scanner mode (default: the scanner's, `heuristic` in this release). */
  mode?: DetectionMode | undefined;
}

async function scanOne(scanner: InputScannerV1, text: string): Promise<ScanResultV1> {
  const pipeline = await scanPrompt([scanner], text);
  const run = pipeline.runs[0];
  if (run?.status !== 'completed') throw new Error(`${scanner.name} did not complete.`);
  return run.result;
}

/**
 * Our detector for a task, through the same scanners and pipeline as `llm-shield scan`: PromptInjection and
 * Toxicity for the binary tasks (positive = the scanner finds the text invalid), Sentiment for sentiment
 * (class from the compound `1 - 2 × score` and the neutral band).
 *
 * @param task - the evaluation task
 * @param options - threshold and mode
 */
export function createLlmShieldDetector(task: EvalTask, options: LlmShieldDetectorOptions = {}): BinaryDetector | SentimentDetector {
  const mode = options.mode === undefined ? {} : { mode: options.mode };
  if (task === 'sentiment') {
    const scanner = createInputScanner('Sentiment', mode);
    const band = options.threshold;
    const rule =
      band === undefined
        ? `analyser's default labels (negative < ${DEFAULT_NEGATIVE_THRESHOLD}, positive ≥ ${DEFAULT_POSITIVE_THRESHOLD} compound)`
        : `neutral band |compound| < ${band}`;
    return {
      kind: 'sentiment',
      name: 'llm-shield',
      description: `@llm-shield/scanners Sentiment (${options.mode ?? 'heuristic'}), ${rule}`,
      threshold: band ?? null,
      async predict(text) {
        const result = await scanOne(scanner, text);
        const compound = 1 - 2 * result.score;
        if (band !== undefined) return { label: polarityToClass(compound, band), score: compound };
        const label =
          result.method === 'heuristic' || result.method === 'fallback'
            ? analyzeSentiment(text).label
            : (result.findings[0]?.category as 'negative' | 'neutral' | 'positive' | undefined) ?? polarityToClass(compound, DEFAULT_POSITIVE_THRESHOLD);
        return { label, score: compound };
      },
    };
  }
  const name = task === 'prompt-injection' ? 'PromptInjection' : 'Toxicity';
  const scanner = createInputScanner(name, { ...mode, ...(options.threshold === undefined ? {} : { threshold: options.threshold }) });
  const threshold = (scanner as { config?: { threshold?: number } }).config?.threshold ?? options.threshold ?? null;
  return {
    kind: 'binary',
    name: 'llm-shield',
    description: `@llm-shield/scanners ${name} (${options.mode ?? 'heuristic'})${threshold === null ? '' : `, threshold ${threshold}`}`,
    threshold,
    async predict(text) {
      const result = await scanOne(scanner, text);
      return { positive: !result.valid, score: result.score };
    },
  };
}
