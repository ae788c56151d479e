import {
  AbortedError,
  createScanResult,
  ModelUnavailableError,
  type Finding,
  type ScanContextV1,
  type ScanResultV1,
} from '@llm-shield/core';
import type { ResolvedClassifierConfig } from './scanner-config.js';

/** What a heuristic returns to {@link scanWithClassifier}. */
export interface HeuristicVerdict {
  score: number;
  findings: Finding[];
  /** Override of `score <= threshold` when the scanner decides validity differently (Sentiment's allowed labels). */
  valid?: (threshold: number) => boolean;
  /** Prefix for the human explanation. */
  summary?: string;
}

/** Why no model answered in this release: no model is configured for the scanner. */
export const NO_MODEL_REASON = 'no model is configured for this scanner, so the rule-based detector answered';

/**
 * Runs a classifier scanner on `text`: the heuristic in `heuristic` mode; in `ml` / `hybrid` mode the model,
 * which in this release is never configured, so the heuristic answers as `fallback` with the reason, or
 * `ModelUnavailableError` is raised when fallback is disabled.
 */
export function scanWithClassifier(
  scannerName: string,
  text: string,
  context: ScanContextV1,
  config: ResolvedClassifierConfig,
  heuristic: (text: string) => HeuristicVerdict,
  modelThresholdToScore: (threshold: number) => number = (threshold) => threshold,
): ScanResultV1 {
  if (context.signal?.aborted) throw new AbortedError('The scan was aborted.', { cause: context.signal.reason });
  let method: ScanResultV1['method'] = 'heuristic';
  let threshold = modelThresholdToScore(config.threshold);
  let fallbackReason: string | undefined;
  if (config.mode !== 'heuristic') {
    if (!config.useFallback) {
      throw new ModelUnavailableError(`${scannerName}: ${NO_MODEL_REASON.split(',')[0]} and useFallback is false.`, {
        details: { scanner: scannerName, mode: config.mode },
      });
    }
    method = 'fallback';
    fallbackReason = NO_MODEL_REASON;
    threshold = modelThresholdToScore(config.fallbackThreshold);
  }
  const verdict = heuristic(text);
  const init = {
    score: verdict.score,
    threshold,
    method,
    sanitizedText: text,
    findings: verdict.findings,
    ...(fallbackReason === undefined ? {} : { fallbackReason }),
    ...(verdict.valid ? { valid: verdict.valid(threshold) } : {}),
  };
  const result = createScanResult(init);
  if (verdict.summary) result.explanation = `${verdict.summary}; ${result.explanation}`;
  return result;
}
