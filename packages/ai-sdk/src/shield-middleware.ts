import type { PipelineResult } from '@llm-shield/core';
import {
  inputRefusal,
  inputSummary,
  outputRejection,
  promptRejection,
  resolveGuardOptions,
  runInputStage,
  summarize,
  withInputStage,
  type InputStage,
  type ResolvedGuardOptions,
  type ShieldGuardOptions,
} from '@llm-shield/shield';
import type { LanguageModelMiddleware } from 'ai';
import { createOutputStreamGuard } from './output-stream-guard.js';
import { applySanitized, collectPromptTexts } from './prompt-texts.js';
import { emptyUsage, type CallOptions, type ContentPart, type GenerateResult, type StreamPart, type StreamResult } from './prompt-types.js';

/** Options of {@link shieldMiddleware} (the options shared by the llm-shield integrations). */
export type ShieldMiddlewareOptions = ShieldGuardOptions;

function refusalResult(text: string, metadata: Record<string, unknown>): GenerateResult {
  return {
    content: [{ type: 'text', text }],
    finishReason: { unified: 'content-filter', raw: 'llm-shield' },
    usage: emptyUsage(),
    providerMetadata: { llmShield: metadata },
    warnings: [],
  };
}

function refusalStream(text: string, metadata: Record<string, unknown>): StreamResult {
  const id = 'llm-shield-refusal';
  const parts: StreamPart[] = [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id },
    { type: 'text-delta', id, delta: text },
    { type: 'text-end', id },
    { type: 'finish', finishReason: { unified: 'content-filter', raw: 'llm-shield' }, usage: emptyUsage(), providerMetadata: { llmShield: metadata } },
  ];
  return {
    stream: new ReadableStream<StreamPart>({
      start(controller) {
        for (const part of parts) controller.enqueue(part);
        controller.close();
      },
    }),
  };
}

/** The input stage of a call and the call itself (with the sanitized prompt when a scanner changed it). */
async function guardedCall<T>(options: ResolvedGuardOptions, params: CallOptions, call: (params: CallOptions) => PromiseLike<T>, cancel: (value: T) => void) {
  const found = collectPromptTexts(params.prompt, options.messages, options.toolResults);
  const lastUser = found.texts.findLastIndex((text) => text.source === 'user');
  let seen: InputStage | undefined;
  const sanitizedParams = (): CallOptions => (seen && seen.verdict.changed ? { ...params, prompt: applySanitized(params.prompt, found, seen.verdict.sanitized) } : params);
  const outcome = await withInputStage(
    options,
    async () => (seen = await runInputStage(options, found.texts, lastUser, params.abortSignal)),
    (sanitized, signal) => Promise.resolve(call({ ...(sanitized ? sanitizedParams() : params), ...(signal ? { abortSignal: signal } : {}) })),
    params.abortSignal,
    cancel,
  );
  const promptText = outcome.stage.verdict.changed ? collectPromptTexts(sanitizedParams().prompt, options.messages, false).lastUserText : found.lastUserText;
  return { ...outcome, stage: { ...outcome.stage, promptText } };
}

function inputMetadata(stage: InputStage): Record<string, unknown> {
  return { input: inputSummary(stage.verdict) };
}

async function checkOutput(options: ResolvedGuardOptions, stage: InputStage, result: GenerateResult, signal?: AbortSignal): Promise<GenerateResult> {
  const metadata = inputMetadata(stage);
  if (!options.scanOutput) return { ...result, providerMetadata: { ...(result.providerMetadata ?? {}), llmShield: metadata } };
  const content: ContentPart[] = [];
  let failed: PipelineResult | undefined;
  for (const part of result.content) {
    if (part.type !== 'text' || typeof (part as { text?: unknown }).text !== 'string') {
      content.push(part);
      continue;
    }
    const text = (part as { text: string }).text;
    const scanned = await options.shield.scanOutput(stage.promptText, text, { vault: stage.vault, ...(signal ? { signal } : {}) });
    if (!scanned.valid) failed ??= scanned;
    content.push(scanned.valid ? { ...part, text: scanned.sanitizedText } : part);
  }
  const output = failed ? summarize(failed) : { valid: true };
  if (failed && options.onOutputViolation === 'throw') {
    throw outputRejection(failed);
  }
  if (failed && options.onOutputViolation === 'refuse') {
    return { ...result, content: [{ type: 'text', text: options.refusal({ stage: 'output', result: failed }) }], finishReason: { unified: 'content-filter', raw: 'llm-shield' }, providerMetadata: { ...(result.providerMetadata ?? {}), llmShield: { ...metadata, output } } };
  }
  return { ...result, content, providerMetadata: { ...(result.providerMetadata ?? {}), llmShield: { ...metadata, output } } };
}

/**
 * A middleware for the AI SDK's `wrapLanguageModel` that guards a model with a shield.
 *
 * Before the call it scans the last user turn (or every one: `messages: 'all'`) and the tool results in the prompt;
 * a failure throws `PromptRejectedError` (code `LLMS_PROMPT_REJECTED`), answers with a refusal (`content-filter`
 * finish), or only annotates `providerMetadata.llmShield`, by `onInputViolation`. Sanitizing input scanners (an
 * Anonymize) change what the model sees; the call's vault (one per call) goes on to the output scan, so a
 * Deanonymize restores the values. After `generate` the output scanners check each text part (they see the prompt);
 * a stream is scanned sentence by sentence as it flows and stopped at the first failing sentence (see
 * `IncrementalOutputScanner` for the guarantee). Output failures follow `onOutputViolation`
 * (`OutputRejectedError`, code `LLMS_OUTPUT_REJECTED`).
 *
 * ```ts
 * const model = wrapLanguageModel({ model: openai('gpt-4o'), middleware: shieldMiddleware({ shield: await createShield() }) });
 * ```
 *
 * @param options - the shield and the policy (defaults: last user turn and new tool results, throw on a violation)
 */
export function shieldMiddleware(options: ShieldMiddlewareOptions): LanguageModelMiddleware {
  const resolved = resolveGuardOptions(options, 'shieldMiddleware');
  const middleware = {
    specificationVersion: resolved.specificationVersion,
    async wrapGenerate({ params, model }: { params: CallOptions; model: { doGenerate(options: CallOptions): PromiseLike<GenerateResult> } }): Promise<GenerateResult> {
      const { stage, value } = await guardedCall(resolved, params, (next) => model.doGenerate(next), () => undefined);
      if (value === undefined) {
        if (resolved.onInputViolation === 'throw') throw promptRejection(stage.verdict);
        return refusalResult(inputRefusal(resolved, stage.verdict), inputMetadata(stage));
      }
      return checkOutput(resolved, stage, value, params.abortSignal);
    },
    async wrapStream({ params, model }: { params: CallOptions; model: { doStream(options: CallOptions): PromiseLike<StreamResult> } }): Promise<StreamResult> {
      const { stage, value } = await guardedCall(resolved, params, (next) => model.doStream(next), (result) => void result.stream.cancel().catch(() => undefined));
      if (value === undefined) {
        if (resolved.onInputViolation === 'throw') throw promptRejection(stage.verdict);
        return refusalStream(inputRefusal(resolved, stage.verdict), inputMetadata(stage));
      }
      if (!resolved.scanOutput) return value;
      const signal = params.abortSignal;
      const guard = createOutputStreamGuard(resolved, {
        scan: (text) => resolved.shield.scanOutput(stage.promptText, text, { vault: stage.vault, ...(signal ? { signal } : {}) }),
        inputMetadata: inputMetadata(stage),
      });
      return { ...value, stream: value.stream.pipeThrough(guard) };
    },
  };
  return middleware as unknown as LanguageModelMiddleware;
}
