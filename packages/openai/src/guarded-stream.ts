import type { IncrementalOutputScanner, PipelineResult } from '@llm-shield/core';
import { outputRejection, summarize, type ResolvedGuardOptions } from '@llm-shield/shield';

/** A stream of the openai client: async-iterable, with the controller that aborts the request. */
export interface StreamLike<T> extends AsyncIterable<T> {
  controller: AbortController;
}

/** How {@link guardedStream} reads and writes the events of one API. */
export interface StreamAdapter<T> {
  options: ResolvedGuardOptions;
  /** A scanner for the streamed text (prompt, vault and signal bound). */
  createScanner: () => IncrementalOutputScanner;
  /** The output text an event adds, if any. */
  text: (event: T) => string | undefined;
  /** True for an event that closes the text (held text is scanned and released before it). */
  ends: (event: T) => boolean;
  /** The event carrying `text` instead of its own. */
  withText: (event: T, text: string) => T;
  /** An event carrying only `text`, modelled on `template`. */
  textEvent: (template: T, text: string) => T;
  /** The event without its text, or `undefined` when nothing else is in it. */
  withoutText: (event: T) => T | undefined;
  /** The events of a refusal, modelled on `template`. */
  refusal: (template: T, text: string) => T[];
  /** The closing event with the verdict attached (`llmShield`). */
  annotate: (event: T, llmShield: Record<string, unknown>) => T;
}

/**
 * Scans a streamed answer as it flows (see `IncrementalOutputScanner`): text events pass on sentence by sentence
 * once scanned; on a violation the request is aborted and the stream throws `OutputRejectedError` (`throw`), ends
 * with a refusal (`refuse`), or passes the rest unscanned and reports the verdict on its closing event (`annotate`).
 */
export function guardedStream<T>(upstream: StreamLike<T>, adapter: StreamAdapter<T>): StreamLike<T> {
  const { options } = adapter;
  async function* iterate(): AsyncGenerator<T, void, undefined> {
    let scanner = adapter.createScanner();
    let emitted = 0;
    let violation: PipelineResult | undefined;
    let passThrough = false;
    let template: T | undefined;

    /** Handles a violation; returns the events to emit and whether the stream stops. */
    const onViolation = (event: T, result: PipelineResult, withheld: string): { events: T[]; stop: boolean } => {
      violation = result;
      if (options.onOutputViolation === 'annotate') {
        passThrough = true;
        return { events: withheld.length > 0 ? [adapter.textEvent(event, withheld)] : [], stop: false };
      }
      upstream.controller.abort();
      if (options.onOutputViolation === 'throw') throw outputRejection(result, emitted);
      const refusal = adapter.refusal(event, options.refusal({ stage: 'output', result }));
      const last = refusal.length - 1;
      refusal[last] = adapter.annotate(refusal[last]!, { output: { ...summarize(result), emittedChars: emitted } });
      return { events: refusal, stop: true };
    };

    for await (const event of upstream) {
      template = event;
      const ends = adapter.ends(event);
      const text = passThrough ? undefined : adapter.text(event);
      let rest: T | undefined = event;
      if (text !== undefined && text.length > 0) {
        const started = performance.now();
        const step = await scanner.push(text);
        rest = adapter.withoutText(event);
        if (step.release.length > 0) {
          emitted += step.release.length;
          if (ends || step.violation) yield adapter.textEvent(event, step.release);
          else {
            yield adapter.withText(event, step.release);
            rest = undefined;
          }
        }
        options.onChunkLatency?.(performance.now() - started);
        if (step.violation) {
          const handled = onViolation(event, step.violation, step.withheld ?? '');
          yield* handled.events;
          if (handled.stop) return;
        }
      }
      if (rest === undefined) continue;
      if (ends && !passThrough) {
        const step = await scanner.flush();
        scanner = adapter.createScanner();
        if (step.release.length > 0) {
          emitted += step.release.length;
          yield adapter.textEvent(event, step.release);
        }
        if (step.violation) {
          const handled = onViolation(event, step.violation, step.withheld ?? '');
          yield* handled.events;
          if (handled.stop) return;
        }
      }
      yield ends ? adapter.annotate(rest, { output: violation ? { ...summarize(violation), emittedChars: emitted } : { valid: true } }) : rest;
    }
    if (passThrough || template === undefined) return;
    const step = await scanner.flush();
    if (step.release.length > 0) yield adapter.textEvent(template, step.release);
    if (step.violation) yield* onViolation(template, step.violation, step.withheld ?? '').events;
  }
  return { controller: upstream.controller, [Symbol.asyncIterator]: iterate };
}
