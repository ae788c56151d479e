import { IncrementalOutputScanner, type PipelineResult } from '@llm-shield/core';
import { outputRejection, summarize, type ResolvedGuardOptions, type ShieldViolation } from '@llm-shield/shield';
import { emptyUsage, type ProviderMetadata, type StreamPart } from './prompt-types.js';

/** What the stream guard needs of the call. */
export interface StreamGuardCall {
  /** Scans a piece of output (prompt, vault and signal bound). */
  scan: (text: string) => Promise<PipelineResult>;
  /** Metadata of the input stage to merge into the finish part (`annotate`). */
  inputMetadata?: Record<string, unknown>;
}

function now(): number {
  return performance.now();
}

function mergeMetadata(existing: ProviderMetadata | undefined, extra: Record<string, unknown>): ProviderMetadata {
  return { ...(existing ?? {}), llmShield: { ...(existing?.['llmShield'] ?? {}), ...extra } };
}

/**
 * A `TransformStream` over the model's stream parts that scans the text incrementally (see
 * `IncrementalOutputScanner`): text passes on sentence by sentence once scanned; on a violation the stream stops
 * (the model's stream is cancelled) and ends with an error part (`throw`) or a refusal and a `content-filter`
 * finish (`refuse`); with `annotate` the rest passes unscanned and the finish part carries the verdict.
 */
export function createOutputStreamGuard(options: ResolvedGuardOptions, call: StreamGuardCall): TransformStream<StreamPart, StreamPart> {
  const scanners = new Map<string, IncrementalOutputScanner>();
  let violation: PipelineResult | undefined;
  let annotatedOnly = false;
  let emitted = 0;

  const scannerFor = (id: string): IncrementalOutputScanner => {
    let scanner = scanners.get(id);
    if (!scanner) {
      scanner = new IncrementalOutputScanner(call.scan, options.stream);
      scanners.set(id, scanner);
    }
    return scanner;
  };

  const stop = (controller: TransformStreamDefaultController<StreamPart>, id: string, result: PipelineResult, withheld: string): boolean => {
    violation = result;
    const summary = summarize(result);
    if (options.onOutputViolation === 'annotate') {
      annotatedOnly = true;
      if (withheld.length > 0) controller.enqueue({ type: 'text-delta', id, delta: withheld });
      emitted += withheld.length;
      return false;
    }
    if (options.onOutputViolation === 'throw') {
      controller.enqueue({ type: 'error', error: outputRejection(result, emitted) });
    } else {
      const violationInfo: ShieldViolation = { stage: 'output', result };
      controller.enqueue({ type: 'text-delta', id, delta: options.refusal(violationInfo) });
      controller.enqueue({ type: 'text-end', id });
      controller.enqueue({
        type: 'finish',
        finishReason: { unified: 'content-filter', raw: 'llm-shield' },
        usage: emptyUsage(),
        providerMetadata: mergeMetadata(undefined, { ...(call.inputMetadata ?? {}), output: { ...summary, emittedChars: emitted } }),
      });
    }
    controller.terminate();
    return true;
  };

  const release = (controller: TransformStreamDefaultController<StreamPart>, id: string, text: string): void => {
    if (text.length === 0) return;
    emitted += text.length;
    controller.enqueue({ type: 'text-delta', id, delta: text });
  };

  /** Flushes the held text of one block; true when the stream was stopped. */
  const flushBlock = async (controller: TransformStreamDefaultController<StreamPart>, id: string): Promise<boolean> => {
    const scanner = scanners.get(id);
    if (!scanner) return false;
    scanners.delete(id);
    const step = await scanner.flush();
    release(controller, id, step.release);
    return step.violation ? stop(controller, id, step.violation, step.withheld ?? '') : false;
  };

  let stopped = false;
  return new TransformStream<StreamPart, StreamPart>({
    async transform(part, controller) {
      if (stopped) return;
      if (part.type === 'text-delta' && !annotatedOnly) {
        const started = now();
        const delta = part as Extract<StreamPart, { type: 'text-delta' }>;
        const step = await scannerFor(delta.id).push(delta.delta);
        release(controller, delta.id, step.release);
        if (step.violation) stopped = stop(controller, delta.id, step.violation, step.withheld ?? '');
        options.onChunkLatency?.(now() - started);
        return;
      }
      if (part.type === 'text-end' && !annotatedOnly) {
        stopped = await flushBlock(controller, (part as { id: string }).id);
        if (!stopped) controller.enqueue(part);
        return;
      }
      if (part.type === 'finish') {
        for (const id of [...scanners.keys()]) {
          stopped = await flushBlock(controller, id);
          if (stopped) return;
        }
        const finish = part as Extract<StreamPart, { type: 'finish' }>;
        const output = violation ? { ...summarize(violation), emittedChars: emitted } : { valid: true };
        controller.enqueue({ ...finish, providerMetadata: mergeMetadata(finish.providerMetadata, { ...(call.inputMetadata ?? {}), output }) });
        return;
      }
      controller.enqueue(part);
    },
    async flush(controller) {
      if (stopped) return;
      for (const id of [...scanners.keys()]) {
        stopped = await flushBlock(controller, id);
        if (stopped) return;
      }
    },
  });
}
