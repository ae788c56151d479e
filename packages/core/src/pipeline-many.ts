import { throwIfAborted as throwIfAbortedFor } from './abort.js';
import { AbortedError, InvalidConfigError, InvalidInputError, LlmShieldError, ScannerFailedError, TimeoutError } from './errors.js';
import { createFailedClosedResult } from './failed-closed.js';
import type { PipelineOptions, PipelineResult, ScannerRun } from './pipeline.js';
import { RunLimits } from './pipeline-limits.js';
import { now, uniqueIds } from './scanner-run-ids.js';
import type { ScanResultV1 } from './result.js';
import type { InputScannerV1, OutputScannerV1, ScanContextV1 } from './scanner.js';
import { DEFAULT_MAX_INPUT_LENGTH, prepareText } from './text.js';
import { Vault } from './vault.js';

/** Options a batch scanner's `scanMany` receives from {@link scanPromptMany} / {@link scanOutputMany}. */
export interface ScanManyContextV1 {
  /** Aborts the batch; the scanner should stop and reject with an `AbortedError`. */
  signal?: AbortSignal;
}

/**
 * An input scanner that can also scan many prompts in one call (optional; e.g. the ML scanners batch the model's
 * work across texts). {@link scanPromptMany} uses `scanMany` when a scanner has one, else `scan` per text.
 * `scanMany` must return one result per prompt, in order, each equal to what `scan` would return for that prompt.
 * It receives no vault: a scanner that uses the vault (Anonymize…) must not offer `scanMany`.
 */
export interface BatchInputScannerV1 extends InputScannerV1 {
  scanMany(prompts: readonly string[], context: ScanManyContextV1): Promise<ScanResultV1[]>;
}

/**
 * An output scanner that scores only the output and can scan many outputs in one call (optional, like
 * {@link BatchInputScannerV1}): `scanMany(outputs)` returns what `scan(prompt, output)` would, for any prompt.
 * An output scanner whose verdict depends on the prompt must not offer `scanMany`.
 */
export interface BatchOutputScannerV1 extends OutputScannerV1 {
  scanMany(outputs: readonly string[], context: ScanManyContextV1): Promise<ScanResultV1[]>;
}

type CompletedRun = Extract<ScannerRun, { status: 'completed' }>;

interface ManyScanner {
  name: string;
  /** Scans the texts at `indices` (positions into the batch) and returns one result per index, in order. */
  scanBatch(texts: readonly string[], indices: readonly number[], contexts: readonly ScanContextV1[], signal: AbortSignal | undefined): Promise<ScanResultV1[]>;
}

function hasScanMany(scanner: object): scanner is { scanMany: (texts: readonly string[], context: ScanManyContextV1) => Promise<ScanResultV1[]> } {
  return typeof (scanner as { scanMany?: unknown }).scanMany === 'function';
}

/** Scans the texts one after the other (in the batch's order), as a loop of single-text pipelines would. */
async function eachInTurn(indices: readonly number[], scan: (index: number) => Promise<ScanResultV1>): Promise<ScanResultV1[]> {
  const results: ScanResultV1[] = [];
  for (const index of indices) results.push(await scan(index));
  return results;
}

async function runBatch(id: string, scanner: ManyScanner, texts: readonly string[], indices: readonly number[], contexts: readonly ScanContextV1[], signal: AbortSignal | undefined) {
  const started = now();
  try {
    const results = await scanner.scanBatch(texts, indices, contexts, signal);
    if (!Array.isArray(results) || results.length !== indices.length) {
      throw new TypeError(`scanMany returned ${Array.isArray(results) ? results.length : typeof results} results for ${indices.length} texts`);
    }
    return { results, durationMs: now() - started };
  } catch (error) {
    if (LlmShieldError.isInstance(error) && error.code === 'LLMS_ABORTED') throw error;
    throw new ScannerFailedError(`Scanner ${id} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      details: { scanner: id },
    });
  }
}

function timedOutRun(id: string, scanner: string, text: string, limits: RunLimits, durationMs: number): CompletedRun {
  const error = new TimeoutError(`Scanner ${id} did not finish within the pipeline's time limit of ${limits.timeoutMs} ms.`, {
    details: { scanner: id, timeoutMs: limits.timeoutMs },
  });
  const result = createFailedClosedResult({ text, threshold: 0, error, subject: `scanner ${id}` });
  return { id, scanner, status: 'completed', result, durationMs };
}

async function runPipelineMany(scanners: readonly ManyScanner[], inputs: unknown, options: PipelineOptions): Promise<PipelineResult[]> {
  const mode = options.mode ?? 'sequential';
  if (mode !== 'sequential' && mode !== 'parallel') {
    throw new InvalidConfigError(`Pipeline mode must be "sequential" or "parallel", got ${JSON.stringify(mode)}.`);
  }
  if (!Array.isArray(inputs)) throw new InvalidInputError('The texts to scan must be an array of strings.');
  const started = now();
  const maxLength = options.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH;
  const prepared = inputs.map((input) => prepareText(input, maxLength));
  const count = prepared.length;
  const ids = uniqueIds(scanners.map((scanner) => scanner.name));
  const runs: ScannerRun[][] = prepared.map(() => new Array<ScannerRun>(scanners.length));
  const current = prepared.map((item) => item.text);
  throwIfAbortedFor(options.signal, 'scan');
  const limits = new RunLimits(options.signal, options.timeoutMs);
  const limited = options.signal !== undefined || (options.timeoutMs ?? 0) > 0;
  const signal = limited ? limits.signal : undefined;
  const contexts: ScanContextV1[] = prepared.map(() => {
    const vault = options.vault ?? new Vault();
    return limited ? { vault, signal: limits.signal } : { vault };
  });
  const all = prepared.map((_, index) => index);

  try {
    if (mode === 'sequential') {
      const stopped = new Array<boolean>(count).fill(false);
      for (const [k, scanner] of scanners.entries()) {
        const id = ids[k]!;
        const active: number[] = [];
        for (let index = 0; index < count; index++) {
          if (stopped[index]) runs[index]![k] = { id, scanner: scanner.name, status: 'skipped', reason: 'fail-fast: an earlier scanner was invalid' };
          else active.push(index);
        }
        if (active.length === 0) continue;
        throwIfAbortedFor(options.signal, 'scan');
        const begun = now();
        const outcome = limits.timedOut ? undefined : await limits.wait(runBatch(id, scanner, current, active, contexts, signal));
        if (outcome === undefined) {
          const elapsed = (now() - begun) / active.length;
          for (const index of active) runs[index]![k] = timedOutRun(id, scanner.name, current[index]!, limits, elapsed);
          continue;
        }
        const { results, durationMs } = outcome.value;
        const share = durationMs / active.length;
        active.forEach((index, position) => {
          const result = results[position]!;
          runs[index]![k] = { id, scanner: scanner.name, status: 'completed', result, durationMs: share };
          current[index] = result.sanitizedText;
          if (!result.valid && options.failFast) stopped[index] = true;
        });
      }
    } else {
      const originals = prepared.map((item) => item.text);
      const begun = now();
      const outcome = await limits.wait(
        Promise.all(scanners.map((scanner, k) => runBatch(ids[k]!, scanner, originals, all, contexts, signal))).catch((error: unknown) => {
          limits.abortScanners(error);
          throw error;
        }),
      );
      scanners.forEach((scanner, k) => {
        const id = ids[k]!;
        for (let index = 0; index < count; index++) {
          if (outcome === undefined) {
            runs[index]![k] = timedOutRun(id, scanner.name, originals[index]!, limits, (now() - begun) / Math.max(1, count));
            continue;
          }
          const { results, durationMs } = outcome.value[k]!;
          runs[index]![k] = { id, scanner: scanner.name, status: 'completed', result: results[index]!, durationMs: durationMs / Math.max(1, count) };
        }
      });
      if (outcome !== undefined && options.failFast) {
        // As a single-text parallel run with failFast: the runs after the first invalid one (in scanner order) are
        // reported skipped, so that the result does not depend on which scanner happened to finish first.
        for (const textRuns of runs) {
          const first = textRuns.findIndex((run) => run.status === 'completed' && !run.result.valid);
          if (first < 0) continue;
          for (let k = first + 1; k < textRuns.length; k++) {
            textRuns[k] = { id: ids[k]!, scanner: scanners[k]!.name, status: 'skipped', reason: 'fail-fast: another scanner was invalid' };
          }
        }
      }
      for (let index = 0; index < count; index++) current[index] = originals[index]!;
    }
  } finally {
    limits.dispose();
    limits.finish(() => new AbortedError('The pipeline run is over.'));
  }

  const durationMs = now() - started;
  return prepared.map((item, index) => {
    const textRuns = runs[index]!;
    const completed = textRuns.filter((run): run is CompletedRun => run.status === 'completed');
    const failedScanners = completed.filter((run) => !run.result.valid).map((run) => run.id);
    return {
      valid: failedScanners.length === 0,
      sanitizedText: current[index]!,
      riskScore: completed.reduce((max, run) => Math.max(max, run.result.riskScore), -1),
      runs: textRuns,
      failedScanners,
      failedClosed: completed.filter((run) => run.result.method === 'failed-closed').map((run) => run.id),
      durationMs: durationMs / Math.max(1, count),
      repairedSurrogates: item.loneSurrogates,
    };
  });
}

function assertKinds(scanners: ReadonlyArray<{ kind: string; name: string }>, kind: 'input' | 'output'): void {
  if (!Array.isArray(scanners)) throw new InvalidConfigError('scanners must be an array.');
  for (const scanner of scanners) {
    if (scanner?.kind !== kind) {
      throw new InvalidConfigError(`Scanner ${scanner?.name ?? '?'} is an ${scanner?.kind ?? 'unknown'} scanner; this pipeline takes ${kind} scanners.`);
    }
  }
}

/**
 * Runs input scanners over many prompts, each scanner once over all of them: a scanner with `scanMany`
 * ({@link BatchInputScannerV1}, e.g. the ML scanners, which batch their model's work) gets every prompt still in the
 * run in one call, the others `scan` each prompt. Returns one {@link PipelineResult} per prompt, in order, with the
 * same verdicts, scores and sanitized texts as `scanPrompt` per prompt: sequential mode keeps the chaining (scanner
 * k sees each prompt as scanner k-1 sanitized it), `failFast` stops per prompt. Differences: `timeoutMs` and
 * `signal` bound the whole batch; each run's `durationMs` (and the result's) is the batch's time shared evenly; one
 * {@link Vault} per prompt unless `options.vault` (then shared by all, and a vault-using scanner sees every prompt
 * before the next scanner runs). Rejects as `scanPrompt`, for the whole
 * batch: `InvalidInputError` (not an array, or a bad prompt), `InputTooLargeError`, `InvalidConfigError`,
 * `ScannerFailedError` when a scanner throws, `AbortedError` on abort.
 */
export async function scanPromptMany(scanners: readonly InputScannerV1[], prompts: readonly string[], options: PipelineOptions = {}): Promise<PipelineResult[]> {
  assertKinds(scanners, 'input');
  return runPipelineMany(
    scanners.map((s) => ({
      name: s.name,
      scanBatch: (texts, indices, contexts, signal) =>
        hasScanMany(s)
          ? s.scanMany(indices.map((index) => texts[index]!), signal ? { signal } : {})
          : eachInTurn(indices, (index) => s.scan(texts[index]!, contexts[index]!)),
    })),
    prompts,
    options,
  );
}

/**
 * Runs output scanners over many (prompt, output) pairs, as {@link scanPromptMany} does over prompts: `outputs[i]`
 * is the answer to `prompts[i]` (both arrays the same length, else `InvalidInputError`). Scanners with `scanMany`
 * ({@link BatchOutputScannerV1}) get the outputs in one call.
 */
export async function scanOutputMany(
  scanners: readonly OutputScannerV1[],
  prompts: readonly string[],
  outputs: readonly string[],
  options: PipelineOptions = {},
): Promise<PipelineResult[]> {
  assertKinds(scanners, 'output');
  if (!Array.isArray(prompts) || !Array.isArray(outputs) || prompts.length !== outputs.length) {
    throw new InvalidInputError('scanOutputMany takes two arrays of the same length: the prompts and their outputs.');
  }
  const maxLength = options.maxInputLength ?? DEFAULT_MAX_INPUT_LENGTH;
  const preparedPrompts = prompts.map((prompt) => prepareText(prompt, maxLength).text);
  return runPipelineMany(
    scanners.map((s) => ({
      name: s.name,
      scanBatch: (texts, indices, contexts, signal) =>
        hasScanMany(s)
          ? s.scanMany(indices.map((index) => texts[index]!), signal ? { signal } : {})
          : eachInTurn(indices, (index) => s.scan(preparedPrompts[index]!, texts[index]!, contexts[index]!)),
    })),
    outputs,
    options,
  );
}
