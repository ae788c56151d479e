import { IncrementalOutputScanner, type PipelineResult } from '@llm-shield/core';
import {
  inputRefusal,
  inputSummary,
  outputRejection,
  promptRejection,
  runInputStage,
  summarize,
  withInputStage,
  type InputStage,
  type InputText,
  type ResolvedGuardOptions,
} from '@llm-shield/shield';
import type { StreamLike } from './guarded-stream.js';

/** Request options of the client (`signal` is used). */
export interface RequestOptionsLike {
  signal?: AbortSignal | null;
  [key: string]: unknown;
}

/** The texts of a request the guard scans, with where each came from (an index into the API's own list). */
export interface CollectedTexts {
  texts: InputText[];
  /** Position per text in the request (message or item index; -1: the body's `input` string). */
  indexes: number[];
  /** Index into `texts` of the last user turn (-1: none). */
  lastUser: number;
}

/** The input verdict and how to scan the answer, handed to the API-specific output step. */
export interface GuardedCall {
  stage: InputStage;
  /** The input verdict summary attached to results as `llmShield.input`. */
  input: Record<string, unknown>;
  signal: AbortSignal | undefined;
  /** Scans one output text against the (sanitized) prompt with the request's vault. */
  scanOutput: (text: string) => Promise<PipelineResult>;
  /** A scanner for streamed output (prompt, vault and signal bound). */
  createStreamScanner: () => IncrementalOutputScanner;
}

/** What one API (chat completions, responses) supplies to {@link guardRequest}. */
export interface RequestAdapter<Body extends { stream?: boolean | null }, Result, Event> {
  collect: (body: Body, options: ResolvedGuardOptions) => CollectedTexts;
  sanitizedBody: (body: Body, collected: CollectedTexts, stage: InputStage) => Body;
  refusalResult: (body: Body, text: string, llmShield: Record<string, unknown>) => Result;
  refusalStream: (body: Body, text: string, llmShield: Record<string, unknown>) => StreamLike<Event>;
  /** Scans and rewrites a complete (non-streamed) result. */
  checkResult: (call: GuardedCall, result: Result) => Promise<Result>;
  /** Guards a streamed result. */
  guardStream: (call: GuardedCall, upstream: StreamLike<Event>) => StreamLike<Event>;
}

/**
 * Guards one API call: scans the request's texts, calls `create` (with the sanitized body where a scanner rewrote
 * text), then scans the answer through the adapter. A blocked input returns the adapter's refusal (or throws
 * `PromptRejectedError` with `onInputViolation: 'throw'`) without calling the model.
 */
export async function guardRequest<Body extends { stream?: boolean | null }, Result, Event>(
  options: ResolvedGuardOptions,
  adapter: RequestAdapter<Body, Result, Event>,
  create: (body: Body, requestOptions?: RequestOptionsLike) => Promise<unknown>,
  body: Body,
  requestOptions?: RequestOptionsLike,
): Promise<unknown> {
  const signal = requestOptions?.signal ?? undefined;
  const collected = adapter.collect(body, options);
  let stageSeen: InputStage | undefined;
  const { stage, value } = await withInputStage(
    options,
    async () => (stageSeen = await runInputStage(options, collected.texts, collected.lastUser, signal)),
    (sanitized, callSignal) => create(sanitized && stageSeen ? adapter.sanitizedBody(body, collected, stageSeen) : body, { ...(requestOptions ?? {}), ...(callSignal ? { signal: callSignal } : {}) }),
    signal,
    (result) => (result as Partial<StreamLike<unknown>>).controller?.abort(),
  );
  const input = inputSummary(stage.verdict);
  if (value === undefined) {
    if (options.onInputViolation === 'throw') throw promptRejection(stage.verdict);
    const text = inputRefusal(options, stage.verdict);
    return body.stream ? adapter.refusalStream(body, text, { input }) : adapter.refusalResult(body, text, { input });
  }
  const scanOutput = (text: string) => options.shield.scanOutput(stage.promptText, text, { vault: stage.vault, ...(signal ? { signal } : {}) });
  const call: GuardedCall = { stage, input, signal, scanOutput, createStreamScanner: () => new IncrementalOutputScanner(scanOutput, options.stream) };
  if (!body.stream) {
    if (!options.scanOutput) return Object.assign(value as object, { llmShield: { input } });
    return adapter.checkResult(call, value as Result);
  }
  if (!options.scanOutput) return value;
  return adapter.guardStream(call, value as StreamLike<Event>);
}

/** The verdict over the texts of a complete answer. */
export interface OutputCheck {
  /** The first failing scan, if any. */
  failed: PipelineResult | undefined;
  /** Sanitized text per input text (`undefined` where the text was not scanned or failed). */
  sanitized: Array<string | undefined>;
  /** `llmShield.output`: the failing verdict's summary, or `{ valid: true }`. */
  summary: Record<string, unknown>;
}

/**
 * Scans each text of a complete answer in order (`undefined` entries are skipped) and throws
 * `OutputRejectedError` on a violation when `onOutputViolation` is `'throw'`.
 */
export async function checkOutputTexts(options: ResolvedGuardOptions, call: GuardedCall, texts: ReadonlyArray<string | undefined>): Promise<OutputCheck> {
  let failed: PipelineResult | undefined;
  const sanitized: Array<string | undefined> = [];
  for (const text of texts) {
    if (text === undefined) {
      sanitized.push(undefined);
      continue;
    }
    const scanned = await call.scanOutput(text);
    if (!scanned.valid) failed ??= scanned;
    sanitized.push(scanned.valid ? scanned.sanitizedText : undefined);
  }
  if (failed && options.onOutputViolation === 'throw') throw outputRejection(failed);
  return { failed, sanitized, summary: failed ? summarize(failed) : { valid: true } };
}
