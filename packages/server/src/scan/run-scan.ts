import { AbortedError, LlmShieldError, scanOutput, scanPrompt, type InputScannerV1, type OutputScannerV1, type PipelineResult } from '@llm-shield/core';
import type { Shield } from '@llm-shield/shield';
import { HttpError, ServerErrorCode } from '../http/http-error.js';

/** Which scanners and how: `analyze` runs them in order (each sees the previous one's sanitized text), `scan` in parallel. */
export interface ScanRequest {
  kind: 'input' | 'output';
  style: 'analyze' | 'scan';
  prompt: string;
  output?: string;
  suppress: readonly string[];
  failFast: boolean;
  timeoutMs: number;
  /** Aborted when the client goes away. */
  signal?: AbortSignal;
}

/**
 * Checks `scanners_suppress` against the shield: every name must be a scanner of that kind the configuration
 * names (one llm-shield has, or one it skipped as missing, whose suppression changes nothing). Raises a 400
 * {@link HttpError} naming the unknown ones (llm-guard-api ignores them silently; a typo there leaves a scanner on).
 *
 * @returns the scanners left after suppression, in order
 */
export function selectScanners<S extends InputScannerV1 | OutputScannerV1>(shield: Shield, kind: 'input' | 'output', suppress: readonly string[]): S[] {
  const scanners = (kind === 'input' ? shield.inputScanners : shield.outputScanners) as readonly S[];
  if (suppress.length === 0) return [...scanners];
  const known = new Set<string>(scanners.map((scanner) => scanner.name));
  for (const skipped of shield.skipped) if (skipped.kind === kind) known.add(skipped.type);
  const unknown = [...new Set(suppress.filter((name) => !known.has(name)))];
  if (unknown.length > 0) {
    throw new HttpError(400, ServerErrorCode.UnknownScanner, `scanners_suppress names ${unknown.length === 1 ? 'a scanner' : 'scanners'} this server does not run: ${unknown.join(', ')}.`, {
      unknown,
      known: [...known].sort(),
    });
  }
  const drop = new Set(suppress);
  return scanners.filter((scanner) => !drop.has(scanner.name));
}

/**
 * Runs one scan under a deadline: the shield's scanners (minus the suppressed ones, never rebuilt) through the
 * core pipeline, with an `AbortSignal` that fires at `timeoutMs` or when the client leaves. A scan that does not
 * finish in time raises a 504 {@link HttpError} (`LLMS_SCAN_TIMEOUT`): no partial verdict is ever returned.
 */
export async function runScan(shield: Shield, request: ScanRequest): Promise<PipelineResult> {
  const scanners = selectScanners(shield, request.kind, request.suppress);
  const controller = new AbortController();
  const onClientAbort = () => controller.abort(new AbortedError('the client closed the connection'));
  request.signal?.addEventListener('abort', onClientAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new AbortedError('scan timeout'));
      reject(new HttpError(504, ServerErrorCode.ScanTimeout, `The scan did not finish within ${request.timeoutMs / 1000} s.`, { timeout_seconds: request.timeoutMs / 1000 }));
    }, request.timeoutMs);
  });
  const options = { mode: request.style === 'analyze' ? ('sequential' as const) : ('parallel' as const), failFast: request.failFast, signal: controller.signal };
  const scan =
    request.kind === 'input'
      ? scanPrompt(scanners as InputScannerV1[], request.prompt, options)
      : scanOutput(scanners as OutputScannerV1[], request.prompt, request.output ?? '', options);
  // The pipeline may settle after the deadline answered; its outcome is then dropped.
  scan.catch(() => undefined);
  try {
    const result = await Promise.race([scan, deadline]);
    if (controller.signal.aborted) throw deadlineError(controller.signal.reason, request.timeoutMs);
    return labelOrigins(shield, request.kind, result);
  } catch (error) {
    if (LlmShieldError.hasCode(error, 'LLMS_ABORTED')) throw deadlineError(error, request.timeoutMs);
    throw error;
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onClientAbort);
  }
}

function deadlineError(reason: unknown, timeoutMs: number): HttpError {
  const message = reason instanceof Error ? reason.message : '';
  if (message.includes('client closed')) return new HttpError(499, ServerErrorCode.BadRequest, 'The client closed the connection before the scan finished.');
  return new HttpError(504, ServerErrorCode.ScanTimeout, `The scan did not finish within ${timeoutMs / 1000} s.`, { timeout_seconds: timeoutMs / 1000 });
}

function labelOrigins(shield: Shield, kind: 'input' | 'output', result: PipelineResult): PipelineResult {
  for (const run of result.runs) {
    if (run.status !== 'completed' || run.result.model === undefined) continue;
    const info = shield.models.find((model) => model.kind === kind && model.scanner === run.scanner && model.id === run.result.model!.id);
    if (info) run.result.model.origin = info.origin;
  }
  return result;
}
