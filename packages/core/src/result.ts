import { InferenceFailedError } from './errors.js';
import { calculateRiskScore, severityFromRiskScore, type Severity } from './risk-score.js';

/**
 * A span of the scanned text. Offsets are **UTF-16 code units** (JavaScript string indices), `start`
 * inclusive and `end` exclusive, so `text.slice(start, end)` returns the matched text. They always refer to
 * the text the scanner received, never to a normalised copy.
 */
export interface TextSpan {
  /** Inclusive start offset in UTF-16 code units. */
  start: number;
  /** Exclusive end offset in UTF-16 code units. */
  end: number;
  /** The matched text, `text.slice(start, end)`. */
  text: string;
}

/** One thing a detector saw: a category (heuristics) or a label (models), its score and where. */
export interface Finding {
  /** Category or label, e.g. `instruction_override`, `toxic`, `negative`. */
  category: string;
  /** Score of this category in [0, 1]. */
  score: number;
  /** Rule or pattern ids that fired (heuristics); empty for models. */
  rules: string[];
  /** Matched spans, in UTF-16 code units of the scanned text; empty when the finding has no location. */
  spans: TextSpan[];
}

/** The model that answered a scan. */
export interface ResultModel {
  /** Model id, e.g. `protectai/deberta-v3-base-prompt-injection-v2` or `llm-shield/prompt-injection`. */
  id: string;
  /** Precision variant (`fp32`, `int8`…). */
  variant?: string;
  /**
   * Where the model came from, when a shield's model policy chose it: `explicit` (a folder or URL the caller named),
   * `cache` (the production model already cached), `download`, or `embedded` (shipped with llm-shield).
   */
  origin?: string;
}

/** How a result was reached. */
export type ScanMethod =
  /** rule-based detectors only */
  | 'heuristic'
  /** a model answered */
  | 'ml'
  /** heuristics decided whether the model ran, and both contributed */
  | 'hybrid'
  /** the model was wanted but could not run; the heuristics answered */
  | 'fallback'
  /**
   * the detector could not answer (model unavailable, invalid, failed, non-finite score, time limit) and the
   * scanner's failure policy is `block`: the result is invalid with score 1 and `failure` says why
   */
  | 'failed-closed';

/** Why a scanner could not answer, on a `failed-closed` result. */
export interface ScanFailure {
  /** The code of the typed error, e.g. `LLMS_MODEL_UNAVAILABLE`, `LLMS_INFERENCE_FAILED`, `LLMS_INVALID_MODEL`, `LLMS_TIMEOUT`. */
  code: string;
  /** The error's message. */
  message: string;
}

/** The result of one scanner on one text (contract version 1). */
export interface ScanResultV1 {
  /** True when the text passes this scanner. */
  valid: boolean;
  /** The detector's score in [0, 1]: higher means more of what the scanner looks for. */
  score: number;
  /** The threshold the score was compared with; `valid` is `score <= threshold`, unless the scanner documents otherwise. */
  threshold: number;
  /** llm-guard-compatible risk score in [-1, 1], see {@link calculateRiskScore}. */
  riskScore: number;
  /** Bucket of `riskScore`. */
  severity: Severity;
  /** How the result was reached. */
  method: ScanMethod;
  /** The text after the scanner's changes; equal to the input for detectors that change nothing. */
  sanitizedText: string;
  /** What fired, strongest first. Empty when nothing did. */
  findings: Finding[];
  /** A one-line human explanation of the verdict. */
  explanation: string;
  /** Why the scanner fell back, when `method` is `fallback`. */
  fallbackReason?: string;
  /** Why the detector could not answer, when `method` is `failed-closed` (always set then). */
  failure?: ScanFailure;
  /** Which model answered, when a model did. */
  model?: ResultModel;
  /** For long input split into parts: which part decided the verdict, as a span of the input. */
  decidingPart?: TextSpan;
  /**
   * What the rule-based detector saw, reported beside a model's verdict (`ml` and `hybrid`) as its explanation:
   * its score and findings with matched spans. It does not change `valid`.
   */
  heuristic?: { score: number; findings: Finding[] };
}

/** Fields a scanner supplies; {@link createScanResult} derives the rest. */
export interface ScanResultInit {
  score: number;
  threshold: number;
  method: ScanMethod;
  sanitizedText: string;
  findings?: Finding[];
  explanation?: string;
  fallbackReason?: string;
  failure?: ScanFailure;
  model?: ResultModel;
  decidingPart?: TextSpan;
  heuristic?: { score: number; findings: Finding[] };
  /** Override the validity rule (default: `score <= threshold`). */
  valid?: boolean;
}

/**
 * Builds a {@link ScanResultV1}: validity from score and threshold, risk score, severity, sorted findings. A score
 * outside [0, 1] is clamped; a score that is not a finite number (NaN, ±Infinity, not a number at all) is refused
 * with `InferenceFailedError` (code `LLMS_INFERENCE_FAILED`), never read as 0, so that a broken detector cannot pass
 * a text. The ML scanners catch it and apply their failure policy.
 */
export function createScanResult(init: ScanResultInit): ScanResultV1 {
  if (typeof init.score !== 'number' || !Number.isFinite(init.score)) {
    throw new InferenceFailedError(`The detector returned a non-finite score (${String(init.score)}).`, {
      details: { score: String(init.score), method: init.method },
    });
  }
  const score = Math.min(1, Math.max(0, init.score));
  const valid = init.valid ?? !(score > init.threshold);
  const riskScore = calculateRiskScore(score, init.threshold);
  const findings = [...(init.findings ?? [])].sort((a, b) => b.score - a.score);
  const result: ScanResultV1 = {
    valid,
    score,
    threshold: init.threshold,
    riskScore,
    severity: valid ? 'none' : severityFromRiskScore(riskScore),
    method: init.method,
    sanitizedText: init.sanitizedText,
    findings,
    explanation: init.explanation ?? defaultExplanation(valid, score, init.threshold, findings),
  };
  if (init.fallbackReason !== undefined) result.fallbackReason = init.fallbackReason;
  if (init.failure !== undefined) result.failure = { code: init.failure.code, message: init.failure.message };
  if (init.model !== undefined) result.model = init.model;
  if (init.decidingPart !== undefined) result.decidingPart = init.decidingPart;
  if (init.heuristic !== undefined) result.heuristic = init.heuristic;
  return result;
}

function defaultExplanation(valid: boolean, score: number, threshold: number, findings: Finding[]): string {
  const top = findings.slice(0, 3).map((f) => `${f.category} ${f.score.toFixed(2)}`).join(', ');
  const verdict = valid ? 'passed' : 'flagged';
  return `${verdict}: score ${score.toFixed(2)} vs threshold ${threshold.toFixed(2)}${top ? ` (${top})` : ''}`;
}
