import { throwIfAborted as throwIfAbortedFor } from './abort.js';
import { AbortedError, InvalidConfigError, LlmShieldError, ScannerFailedError, TimeoutError } from './errors.js';
import { createFailedClosedResult } from './failed-closed.js';
import { RunLimits } from './pipeline-limits.js';
import { now, uniqueIds } from './scanner-run-ids.js';
import type { ScanResultV1 } from './result.js';
import type { InputScannerV1, OutputScannerV1, ScanContextV1 } from './scanner.js';
import { DEFAULT_MAX_INPUT_LENGTH, prepareText } from './text.js';
import { Vault } from './vault.js';

/** Options of {@link scanPrompt} and {@link scanOutput}. */
export interface PipelineOptions {
  /**
   * `sequential` (default): scanners run in order and each receives the previous one's sanitized text, as in
   * llm-guard. `parallel`: all scanners run at once on the original text; the pipeline's `sanitizedText` is the
   * original text and each run keeps its own `result.sanitizedText`.
   */
  mode?: 'sequential' | 'parallel';
  /** Stop at the first invalid result; the scanners not run (or not finished) are reported `skipped` (default `false`). */
  failFast?: boolean;
  /** State shared by the scanners (default: a new {@link Vault} per call). */
  vault?: Vault;
  /**
   * Aborts the whole scan: the pipeline rejects at once with `AbortedError` (both modes), even while a scanner has
   * not settled; the scanners get an aborted `context.signal`.
   */
  signal?: AbortSignal;
  /**
   * Time limit of the whole run in milliseconds (default: none; `0`: none). When it expires the pipeline settles at
   * once: every scanner that had not finished gets a `completed` run whose result is failed closed (`valid: false`,
   * `score: 1`, `method: 'failed-closed'`, `failure.code` `LLMS_TIMEOUT`), so the run is invalid; the scanners still
   * running get an aborted `context.signal` and their late results are dropped. Scanners also have their own
   * `timeoutMs` (the ML scanners: 30 s by default).
   */
  timeoutMs?: number;
  /** Maximum text length in UTF-16 code units (default 10 Mi, {@link DEFAULT_MAX_INPUT_LENGTH}). */
  maxInputLength?: number;
}

/** One scanner's part of a pipeline run. */
export type ScannerRun =
  | { id: string; scanner: string; status: 'completed'; result: ScanResultV1; durationMs: number }
  | { id: string; scanner: string; status: 'skipped'; reason: string };

/** The aggregate of a pipeline run. */
export interface PipelineResult {
  /** True when every completed scanner found the text valid. */
  valid: boolean;
  /** The text after sanitizing scanners (sequential mode), else the input. */
  sanitizedText: string;
  /** The highest risk score of the completed scanners; -1 when none completed. */
  riskScore: number;
  /**
   * One entry per scanner, in the order given. `id` is unique within the run: the scanner's name, and for the
   * second and later scanners of the same name `name#2`, `name#3`…, so none overwrites another.
   */
  runs: ScannerRun[];
  /** Ids of the scanners whose result was invalid. */
  failedScanners: string[];
  /**
   * Ids of the scanners whose result is failed closed (`result.method === 'failed-closed'`: the detector could not
   * answer, or the time limit expired). They are in {@link PipelineResult.failedScanners} too.
   */
  failedClosed: string[];
  /** Wall time of the whole run in milliseconds. */
  durationMs: number;
  /** Lone surrogates in the input that were replaced with U+FFFD before scanning. */
  repairedSurrogates: number;
}

type AnyScan = (text: string, context: ScanContextV1) => Promise<ScanResultV1>;

async function runOne(id: string, scan: AnyScan, text: string, context: ScanContextV1) {
  const started = now();
  try {
    const result = await scan(text, context);
    return { result, durationMs: now() - started };
  } catch (error) {
    if (LlmShieldError.isInstance(error) && error.code === 'LLMS_ABORTED') throw error;
    throw new ScannerFailedError(`Scanner ${id} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      details: { scanner: id },
    });
  }
}

type CompletedRun = Extract<ScannerRun, { status: 'completed' }>;

function timedOutRun(id: string, scanner: string, text: string, limits: RunLimits, durationMs: number): CompletedRun {
  const error = new TimeoutError(`Scanner ${id} did not finish within the pipeline's time limit of ${limits.timeoutMs} ms.`, {
    details: { scanner: id, timeoutMs: limits.timeoutMs },
  });
  const result = createFailedClosedResult({ text, threshold: 0, error, subject: `scanner ${id}` });
  return { id, scanner, status: 'completed', result, durationMs };
}

async function runPipeline(
  scanners: ReadonlyArray<{ name: string; scan: AnyScan }>,
  input: unknown,
  options: PipelineOptions,
): Promise<PipelineResult> {
  const mode = options.mode ?? 'sequential';
  if (mode !== 'sequential' && mode !== 'parallel') {
    throw new InvalidConfigError(`Pipeline mode must be "sequential" or "parallel", got ${JSON.stringify(mode)}.`);
  }
  const started = now();
  const prepared = prepareText(input, options.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH);
  const vault = options.vault ?? new Vault();
  const ids = uniqueIds(scanners.map((scanner) => scanner.name));
  const runs: ScannerRun[] = new Array(scanners.length);
  let sanitizedText = prepared.text;
  throwIfAbortedFor(options.signal, 'scan');
  const limits = new RunLimits(options.signal, options.timeoutMs);
  const limited = options.signal !== undefined || (options.timeoutMs ?? 0) > 0;
  const context: ScanContextV1 = limited ? { vault, signal: limits.signal } : { vault };

  try {
    if (mode === 'sequential') {
      let stopped = false;
      for (const [index, scanner] of scanners.entries()) {
        const id = ids[index]!;
        if (stopped) {
          runs[index] = { id, scanner: scanner.name, status: 'skipped', reason: 'fail-fast: an earlier scanner was invalid' };
          continue;
        }
        throwIfAbortedFor(options.signal, 'scan');
        const begun = now();
        const outcome = limits.timedOut ? undefined : await limits.wait(runOne(id, scanner.scan, sanitizedText, context));
        if (outcome === undefined) {
          runs[index] = timedOutRun(id, scanner.name, sanitizedText, limits, now() - begun);
          continue;
        }
        const { result, durationMs } = outcome.value;
        runs[index] = { id, scanner: scanner.name, status: 'completed', result, durationMs };
        sanitizedText = result.sanitizedText;
        if (!result.valid && options.failFast) stopped = true;
      }
    } else {
      let settled = false;
      const outcome = await limits
        .wait(
          new Promise<void>((resolve, reject) => {
            let pending = scanners.length;
            if (pending === 0) resolve();
            scanners.forEach((scanner, index) => {
              const id = ids[index]!;
              runOne(id, scanner.scan, prepared.text, context).then(
                ({ result, durationMs }) => {
                  if (settled) return;
                  runs[index] = { id, scanner: scanner.name, status: 'completed', result, durationMs };
                  if (!result.valid && options.failFast) {
                    settled = true;
                    limits.abortScanners(new AbortedError('fail-fast'));
                    resolve();
                  } else if (--pending === 0) resolve();
                },
                (error: unknown) => {
                  if (settled) return;
                  settled = true;
                  limits.abortScanners(error);
                  reject(error);
                },
              );
            });
          }),
        )
        .finally(() => {
          settled = true;
        });
      scanners.forEach((scanner, index) => {
        const id = ids[index]!;
        runs[index] ??=
          outcome === undefined
            ? timedOutRun(id, scanner.name, prepared.text, limits, now() - started)
            : { id, scanner: scanner.name, status: 'skipped', reason: 'fail-fast: another scanner was invalid' };
      });
    }
  } finally {
    limits.dispose();
    // Scanners still running (fail-fast, timeout, abort, error) are told to stop; their late results are dropped.
    limits.finish(() => new AbortedError('The pipeline run is over.'));
  }

  const completed = runs.filter((run): run is CompletedRun => run.status === 'completed');
  const failedScanners = completed.filter((run) => !run.result.valid).map((run) => run.id);
  return {
    valid: failedScanners.length === 0,
    sanitizedText,
    riskScore: completed.reduce((max, run) => Math.max(max, run.result.riskScore), -1),
    runs,
    failedScanners,
    failedClosed: completed.filter((run) => run.result.method === 'failed-closed').map((run) => run.id),
    durationMs: now() - started,
    repairedSurrogates: prepared.loneSurrogates,
  };
}

/**
 * Runs input scanners over a prompt, like llm-guard's `scan_prompt`. Rejects with `InvalidInputError` /
 * `InputTooLargeError` for bad input, `InvalidConfigError` for bad options, `ScannerFailedError` when a scanner
 * throws, `AbortedError` on abort. With `timeoutMs`, scanners that had not finished in time are failed closed.
 */
export async function scanPrompt(scanners: readonly InputScannerV1[], prompt: string, options: PipelineOptions = {}): Promise<PipelineResult> {
  assertKinds(scanners, 'input');
  return runPipeline(scanners.map((s) => ({ name: s.name, scan: (text, context) => s.scan(text, context) })), prompt, options);
}

/**
 * Runs output scanners over a model's output, like llm-guard's `scan_output`. Each scanner also sees the
 * prompt (after invalid-UTF-16 repair). Errors as {@link scanPrompt}.
 */
export async function scanOutput(
  scanners: readonly OutputScannerV1[],
  prompt: string,
  output: string,
  options: PipelineOptions = {},
): Promise<PipelineResult> {
  assertKinds(scanners, 'output');
  const preparedPrompt = prepareText(prompt, options.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH).text;
  return runPipeline(
    scanners.map((s) => ({ name: s.name, scan: (text, context) => s.scan(preparedPrompt, text, context) })),
    output,
    options,
  );
}

function assertKinds(scanners: ReadonlyArray<{ kind: string; name: string }>, kind: 'input' | 'output'): void {
  if (!Array.isArray(scanners)) throw new InvalidConfigError('scanners must be an array.');
  for (const scanner of scanners) {
    if (scanner?.kind !== kind) {
      throw new InvalidConfigError(`Scanner ${scanner?.name ?? '?'} is an ${scanner?.kind ?? 'unknown'} scanner; this pipeline takes ${kind} scanners.`);
    }
  }
}
