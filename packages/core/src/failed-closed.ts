import { ErrorCode, LlmShieldError } from './errors.js';
import { createScanResult, type ScanResultV1 } from './result.js';

/** What {@link createFailedClosedResult} needs. */
export interface FailedClosedInit {
  /** The text the scanner received (returned unchanged as `sanitizedText`). */
  text: string;
  /** The threshold the scanner would have compared its score with. */
  threshold: number;
  /** Why the detector could not answer: an llm-shield error gives its `code`, anything else `LLMS_SCANNER_FAILED`. */
  error: unknown;
  /** Who could not answer, for the explanation, e.g. `model tiny/pi` or `scanner Toxicity` (default `the detector`). */
  subject?: string;
  /** The model that was asked, when there was one. */
  model?: { id: string; variant?: string };
}

/**
 * The result of a scanner whose detector could not answer under the `block` failure policy: `valid: false`,
 * `score: 1`, `riskScore: 1` (severity `critical`), `method: 'failed-closed'`, `failure: { code, message }` from the error, and an explanation that says the
 * detector failed and why. Used by the ML scanners and by the pipeline for scanners that ran past `timeoutMs`.
 */
export function createFailedClosedResult(init: FailedClosedInit): ScanResultV1 {
  const { error } = init;
  const code = LlmShieldError.isInstance(error) ? error.code : ErrorCode.ScannerFailed;
  const message = error instanceof Error ? error.message : String(error);
  const subject = init.subject ?? 'the detector';
  const result = createScanResult({
    score: 1,
    threshold: init.threshold,
    method: 'failed-closed',
    valid: false,
    sanitizedText: init.text,
    failure: { code, message },
    explanation: `failed closed: ${subject} could not answer (${code}): ${message}`,
    ...(init.model ? { model: init.model } : {}),
  });
  // The worst risk whatever the threshold (a threshold of 1 would otherwise give risk 0).
  result.riskScore = 1;
  result.severity = 'critical';
  return result;
}
