import { AbortedError, OutputRejectedError, PromptRejectedError, Vault, type PipelineResult } from '@llm-shield/core';
import { scanInputTexts, type InputText, type InputVerdict } from './input-texts.js';
import { summarize, type ResolvedGuardOptions } from './guard-options.js';

/** The input stage of one call. */
export interface InputStage {
  verdict: InputVerdict;
  vault: Vault;
  /** The user text the output scanners see as the prompt (the last user turn, sanitized). */
  promptText: string;
}

/** Scans a call's texts with a new vault. */
export async function runInputStage(options: ResolvedGuardOptions, texts: readonly InputText[], lastUserIndex: number, signal?: AbortSignal): Promise<InputStage> {
  const vault = new Vault();
  const verdict = await scanInputTexts(options.shield, texts, vault, signal);
  const promptText = lastUserIndex >= 0 ? (verdict.sanitized[lastUserIndex] ?? '') : '';
  return { verdict, vault, promptText };
}

/** The `llmShield` annotation of a call. */
export function inputSummary(verdict: InputVerdict): Record<string, unknown> {
  const failure = verdict.failure;
  return failure
    ? { ...summarize(failure.result), source: failure.input.source, ...(failure.input.toolName ? { toolName: failure.input.toolName } : {}) }
    : { valid: true, scanned: verdict.results.length };
}

/** The typed error of a failed input. */
export function promptRejection(verdict: InputVerdict): PromptRejectedError {
  const failure = verdict.failure!;
  const where = failure.input.source === 'tool' ? `The result of tool ${failure.input.toolName ?? '?'}` : 'The prompt';
  return new PromptRejectedError(`${where} failed the input scanners: ${failure.result.failedScanners.join(', ')}.`, {
    details: { failedScanners: [...failure.result.failedScanners], source: failure.input.source, ...(failure.input.toolName ? { toolName: failure.input.toolName } : {}) },
  });
}

/** The typed error of a failed output. */
export function outputRejection(result: PipelineResult, emittedChars?: number): OutputRejectedError {
  return new OutputRejectedError(`The model's output failed the output scanners: ${result.failedScanners.join(', ')}.`, {
    details: { failedScanners: [...result.failedScanners], ...(emittedChars === undefined ? {} : { emittedChars }) },
  });
}

/** The refusal text of a failed input. */
export function inputRefusal(options: ResolvedGuardOptions, verdict: InputVerdict): string {
  const failure = verdict.failure!;
  return options.refusal({ stage: 'input', source: failure.input.source, ...(failure.input.toolName ? { toolName: failure.input.toolName } : {}), result: failure.result });
}

function linkedAbort(signal: AbortSignal | undefined): AbortController {
  const controller = new AbortController();
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  return controller;
}

/**
 * Runs the input stage and the call: one after the other, or (`parallelInputScan`) at once, aborting the call when
 * the input fails or is sanitized (then made again with the sanitized request). `value` is absent when the input
 * failed and the policy is not `annotate`.
 */
export async function withInputStage<T>(
  options: ResolvedGuardOptions,
  scan: () => Promise<InputStage>,
  call: (sanitized: boolean, signal: AbortSignal | undefined) => Promise<T>,
  signal: AbortSignal | undefined,
  cancel: (value: T) => void,
): Promise<{ stage: InputStage; value?: T }> {
  if (!options.parallelInputScan) {
    const stage = await scan();
    if (!stage.verdict.valid && options.onInputViolation !== 'annotate') return { stage };
    return { stage, value: await call(stage.verdict.changed, signal) };
  }
  const abort = linkedAbort(signal);
  const started = call(false, abort.signal);
  started.catch(() => undefined);
  const stage = await scan();
  const blocked = !stage.verdict.valid && options.onInputViolation !== 'annotate';
  if (blocked || stage.verdict.changed) {
    abort.abort(blocked ? promptRejection(stage.verdict) : new AbortedError('llm-shield sanitized the prompt; the call is made again with the sanitized prompt.'));
    started.then(cancel, () => undefined);
    if (blocked) return { stage };
    return { stage, value: await call(true, signal) };
  }
  return { stage, value: await started };
}
