import { AbortedError, OutputRejectedError, PromptRejectedError, Vault, type PipelineResult } from '@llm-shield/core';
import { resolveGuardOptions, scanInputTexts, summarize, type InputVerdict, type ResolvedGuardOptions, type ShieldGuardOptions } from '@llm-shield/shield';
import type { LanguageModelMiddleware } from 'ai';
import { createOutputStreamGuard } from './output-stream-guard.js';
import { applySanitized, collectPromptTexts } from './prompt-texts.js';
import { emptyUsage, type CallOptions, type ContentPart, type GenerateResult, type StreamPart, type StreamResult, type WrappedModel } from './prompt-types.js';

/** Options of {@link shieldMiddleware} (the options shared by the llm-shield integrations). */
export type ShieldMiddlewareOptions = ShieldGuardOptions;

/** One call's input stage. */
interface InputStage {
  verdict: InputVerdict;
  params: CallOptions;
  promptText: string;
  vault: Vault;
}

async function scanInput(options: ResolvedGuardOptions, params: CallOptions): Promise<InputStage> {
  const vault = new Vault();
  const found = collectPromptTexts(params.prompt, options.messages, options.toolResults);
  const verdict = await scanInputTexts(options.shield, found.texts, vault, params.abortSignal);
  const prompt = verdict.changed ? applySanitized(params.prompt, found, verdict.sanitized) : params.prompt;
  const promptText = verdict.changed ? collectPromptTexts(prompt, options.messages, false).lastUserText : found.lastUserText;
  return { verdict, params: verdict.changed ? { ...params, prompt } : params, promptText, vault };
}

function inputMetadata(verdict: InputVerdict): Record<string, unknown> {
  return {
    input: verdict.failure
      ? { ...summarize(verdict.failure.result), source: verdict.failure.input.source, ...(verdict.failure.input.toolName ? { toolName: verdict.failure.input.toolName } : {}) }
      : { valid: true, scanned: verdict.results.length },
  };
}

function rejection(verdict: InputVerdict): PromptRejectedError {
  const failure = verdict.failure!;
  const where = failure.input.source === 'tool' ? `The result of tool ${failure.input.toolName ?? '?'}` : 'The prompt';
  return new PromptRejectedError(`${where} failed the input scanners: ${failure.result.failedScanners.join(', ')}.`, {
    details: { failedScanners: [...failure.result.failedScanners], source: failure.input.source, ...(failure.input.toolName ? { toolName: failure.input.toolName } : {}) },
  });
}

function refusalText(options: ResolvedGuardOptions, verdict: InputVerdict): string {
  const failure = verdict.failure!;
  return options.refusal({ stage: 'input', source: failure.input.source, ...(failure.input.toolName ? { toolName: failure.input.toolName } : {}), result: failure.result });
}

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

function linkedAbort(signal: AbortSignal | undefined): AbortController {
  const controller = new AbortController();
  if (signal?.aborted) controller.abort(signal.reason);
  else signal?.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  return controller;
}

/**
 * Runs the input stage and the model call: one after the other, or (with `parallelInputScan`) at once, aborting
 * the call when the input fails or is sanitized (then made again with the sanitized prompt).
 */
async function withInput<T>(
  options: ResolvedGuardOptions,
  params: CallOptions,
  call: (params: CallOptions) => PromiseLike<T>,
  cancel: (value: T) => void,
): Promise<{ stage: InputStage; value?: T }> {
  if (!options.parallelInputScan) {
    const stage = await scanInput(options, params);
    if (!stage.verdict.valid && options.onInputViolation !== 'annotate') return { stage };
    return { stage, value: await call(stage.params) };
  }
  const abort = linkedAbort(params.abortSignal);
  const started = Promise.resolve(call({ ...params, abortSignal: abort.signal }));
  started.catch(() => undefined);
  const stage = await scanInput(options, params);
  const blocked = !stage.verdict.valid && options.onInputViolation !== 'annotate';
  if (blocked || stage.verdict.changed) {
    abort.abort(blocked ? rejection(stage.verdict) : new AbortedError('llm-shield sanitized the prompt; the call is made again with the sanitized prompt.'));
    started.then(cancel, () => undefined);
    if (blocked) return { stage };
    return { stage, value: await call(stage.params) };
  }
  return { stage, value: await started };
}

async function checkOutput(options: ResolvedGuardOptions, stage: InputStage, result: GenerateResult, signal?: AbortSignal): Promise<GenerateResult> {
  const metadata = inputMetadata(stage.verdict);
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
    throw new OutputRejectedError(`The model's output failed the output scanners: ${failed.failedScanners.join(', ')}.`, { details: { failedScanners: [...failed.failedScanners] } });
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
    async wrapGenerate({ params, model }: { params: CallOptions; model: WrappedModel }): Promise<GenerateResult> {
      const { stage, value } = await withInput(resolved, params, (next) => model.doGenerate(next), () => undefined);
      if (value === undefined) {
        if (resolved.onInputViolation === 'throw') throw rejection(stage.verdict);
        return refusalResult(refusalText(resolved, stage.verdict), inputMetadata(stage.verdict));
      }
      return checkOutput(resolved, stage, value, params.abortSignal);
    },
    async wrapStream({ params, model }: { params: CallOptions; model: WrappedModel }): Promise<StreamResult> {
      const { stage, value } = await withInput(resolved, params, (next) => model.doStream(next), (result) => void result.stream.cancel().catch(() => undefined));
      if (value === undefined) {
        if (resolved.onInputViolation === 'throw') throw rejection(stage.verdict);
        return refusalStream(refusalText(resolved, stage.verdict), inputMetadata(stage.verdict));
      }
      const metadata = inputMetadata(stage.verdict);
      if (!resolved.scanOutput) return value;
      const signal = params.abortSignal;
      const guard = createOutputStreamGuard(resolved, {
        scan: (text) => resolved.shield.scanOutput(stage.promptText, text, { vault: stage.vault, ...(signal ? { signal } : {}) }),
        inputMetadata: metadata,
      });
      return { ...value, stream: value.stream.pipeThrough(guard) };
    },
  };
  return middleware as unknown as LanguageModelMiddleware;
}
