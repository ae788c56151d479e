import type { PipelineResult } from '@llm-shield/core';

/** llm-guard-api's answer: `is_valid` and each scanner's risk score by name (plus the sanitized text for `analyze`). */
export interface ScanResponseBody {
  is_valid: boolean;
  scanners: Record<string, number>;
  sanitized_prompt?: string;
  sanitized_output?: string;
  /** With `?explain=1`: every scanner's full result. */
  results?: ExplainedRun[];
}

/** One scanner's full result, with `?explain=1`. */
export interface ExplainedRun {
  id: string;
  scanner: string;
  status: 'completed' | 'skipped';
  reason?: string;
  valid?: boolean;
  score?: number;
  threshold?: number;
  risk_score?: number;
  method?: string;
  severity?: string;
  explanation?: string;
  fallback_reason?: string;
  model?: unknown;
  findings?: unknown;
  duration_ms?: number;
}

/**
 * Turns a pipeline result into llm-guard-api's payload. `is_valid` is the pipeline's verdict (false as soon as
 * any scanner's result is invalid, including a scanner that failed closed); `scanners` maps each completed
 * scanner's id (its type name; `Name#2` for a second one of the same type) to its risk score; scanners skipped
 * by fail-fast are left out, as llm-guard-api does.
 *
 * @param result - the pipeline result
 * @param sanitized - `prompt` / `output` to add `sanitized_prompt` / `sanitized_output` (the `analyze` routes)
 * @param explain - add `results` with every run's full result
 */
export function formatScanResponse(result: PipelineResult, sanitized: 'prompt' | 'output' | undefined, explain: boolean): ScanResponseBody {
  const scanners: Record<string, number> = {};
  for (const run of result.runs) if (run.status === 'completed') scanners[run.id] = run.result.riskScore;
  const body: ScanResponseBody = { is_valid: result.valid && result.failedScanners.length === 0, scanners };
  if (sanitized === 'prompt') body.sanitized_prompt = result.sanitizedText;
  if (sanitized === 'output') body.sanitized_output = result.sanitizedText;
  if (explain) body.results = result.runs.map(explainRun);
  return body;
}

function explainRun(run: PipelineResult['runs'][number]): ExplainedRun {
  if (run.status === 'skipped') return { id: run.id, scanner: run.scanner, status: 'skipped', reason: run.reason };
  const { result } = run;
  return {
    id: run.id,
    scanner: run.scanner,
    status: 'completed',
    valid: result.valid,
    score: result.score,
    threshold: result.threshold,
    risk_score: result.riskScore,
    method: result.method,
    severity: result.severity,
    explanation: result.explanation,
    ...(result.fallbackReason === undefined ? {} : { fallback_reason: result.fallbackReason }),
    ...(result.model === undefined ? {} : { model: result.model }),
    findings: result.findings,
    duration_ms: Math.round(run.durationMs * 1000) / 1000,
  };
}
