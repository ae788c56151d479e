import { IncrementalOutputScanner, InvalidConfigError, type IncrementalOutputScannerOptions, type PipelineResult } from '@llm-shield/core';
import type { ShieldLike } from './shield-like.js';

/** What to do when a prompt or an output fails: throw a typed error, answer with a refusal, or only annotate. */
export type ViolationAction = 'throw' | 'refuse' | 'annotate';

/** Which user messages of the prompt are scanned. */
export type ScannedMessages = 'last' | 'all';

/** A failed check, as given to a refusal function. */
export interface ShieldViolation {
  /** `input`: a user turn or a tool result; `output`: the model's answer. */
  stage: 'input' | 'output';
  /** With `stage: 'input'`: where the failing text came from. */
  source?: 'user' | 'tool';
  /** The tool whose result failed. */
  toolName?: string;
  /** The pipeline result that failed. */
  result: PipelineResult;
}

/** The refusal message used when none is given. */
export const DEFAULT_REFUSAL_MESSAGE = "I can't help with that request.";

/** Options shared by the integrations (`@llm-shield/ai-sdk`'s middleware, `@llm-shield/openai`'s wrapper). */
export interface ShieldGuardOptions {
  /** The shield whose scanners run (e.g. `await createShield()` from `@llm-shield/node`). */
  shield: ShieldLike;
  /** User messages scanned before the call: `last` (default) the last user turn, `all` every user turn. */
  messages?: ScannedMessages;
  /**
   * Scan the tool results in the prompt, where indirect injection travels (default `true`): with `messages: 'last'`
   * those after the last user turn (the new ones), with `all` every one.
   */
  toolResults?: boolean;
  /** Scan the model's output (default `true`). */
  scanOutput?: boolean;
  /** Sets both {@link onInputViolation} and {@link onOutputViolation} (default `throw`). */
  onViolation?: ViolationAction;
  /** What a failing prompt or tool result does (default: {@link onViolation}, else `throw`: `PromptRejectedError`). */
  onInputViolation?: ViolationAction;
  /** What a failing output does (default: {@link onViolation}, else `throw`: `OutputRejectedError`). */
  onOutputViolation?: ViolationAction;
  /** The text of a refusal (default {@link DEFAULT_REFUSAL_MESSAGE}). */
  refusalMessage?: string | ((violation: ShieldViolation) => string);
  /**
   * Run the input scan while the model already works, and abort the model call (through its `abortSignal`) when
   * the input fails (default `false`). The model sees the prompt as given: when a sanitizing input scanner changes
   * it, the started call is aborted and made again with the sanitized prompt. Streams release nothing before the
   * input verdict.
   */
  parallelInputScan?: boolean;
  /** Sentence/window sizes of the streamed output scan (defaults: 400 context, 240 hold characters). */
  stream?: IncrementalOutputScannerOptions;
  /**
   * Called for each streamed text delta with the milliseconds the middleware spent on it (scanning included), to
   * measure the added latency per chunk.
   */
  onChunkLatency?: (milliseconds: number) => void;
  /** The middleware specification version reported (default `v3`: `ai` 6; `v4` for `ai` 7, which accepts both). */
  specificationVersion?: 'v3' | 'v4';
}

/** Options after defaults and checks. */
export interface ResolvedGuardOptions {
  shield: ShieldLike;
  messages: ScannedMessages;
  toolResults: boolean;
  scanOutput: boolean;
  onInputViolation: ViolationAction;
  onOutputViolation: ViolationAction;
  refusal: (violation: ShieldViolation) => string;
  parallelInputScan: boolean;
  stream: IncrementalOutputScannerOptions;
  onChunkLatency: ((milliseconds: number) => void) | undefined;
  specificationVersion: 'v3' | 'v4';
}

const KNOWN = new Set([
  'shield',
  'messages',
  'toolResults',
  'scanOutput',
  'onViolation',
  'onInputViolation',
  'onOutputViolation',
  'refusalMessage',
  'parallelInputScan',
  'stream',
  'onChunkLatency',
  'specificationVersion',
]);

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, fallback: T, scanner: string): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new InvalidConfigError(`${field} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}.`, { details: { scanner, field, value } });
  }
  return value as T;
}

function flag(value: unknown, field: string, fallback: boolean, scanner: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw new InvalidConfigError(`${field} must be a boolean, got ${JSON.stringify(value)}.`, { details: { scanner, field, value } });
  return value;
}

/**
 * Checks the options shared by the integrations (unknown keys and bad values raise `InvalidConfigError` naming the
 * option) and applies the defaults.
 *
 * @param options - the caller's options
 * @param scanner - the integration's name in error details
 * @param extra - option names the integration adds
 */
export function resolveGuardOptions(options: ShieldGuardOptions, scanner = 'llm-shield integration', extra: readonly string[] = []): ResolvedGuardOptions {
  if (typeof options !== 'object' || options === null) throw new InvalidConfigError(`${scanner} needs an options object with a shield.`, { details: { scanner, field: 'options' } });
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key) && !extra.includes(key)) throw new InvalidConfigError(`${scanner}: unknown option ${key}.`, { details: { scanner, option: key } });
  }
  const shield = options.shield as Partial<ShieldLike> | undefined;
  if (!shield || typeof shield.scanPrompt !== 'function' || typeof shield.scanOutput !== 'function') {
    throw new InvalidConfigError(`${scanner}: shield must have scanPrompt and scanOutput (e.g. await createShield()).`, { details: { scanner, field: 'shield' } });
  }
  const actions = ['throw', 'refuse', 'annotate'] as const;
  const both = oneOf(options.onViolation, actions, 'onViolation', 'throw', scanner);
  const message = options.refusalMessage ?? DEFAULT_REFUSAL_MESSAGE;
  if (typeof message !== 'string' && typeof message !== 'function') {
    throw new InvalidConfigError(`refusalMessage must be a string or a function.`, { details: { scanner, field: 'refusalMessage', value: message } });
  }
  if (options.onChunkLatency !== undefined && typeof options.onChunkLatency !== 'function') {
    throw new InvalidConfigError(`onChunkLatency must be a function.`, { details: { scanner, field: 'onChunkLatency', value: options.onChunkLatency } });
  }
  if (options.stream !== undefined && (typeof options.stream !== 'object' || options.stream === null)) {
    throw new InvalidConfigError(`stream must be an object ({ contextChars, maxHoldChars }).`, { details: { scanner, field: 'stream', value: options.stream } });
  }
  for (const key of Object.keys(options.stream ?? {})) {
    if (key !== 'contextChars' && key !== 'maxHoldChars') throw new InvalidConfigError(`${scanner}: unknown option stream.${key}.`, { details: { scanner, option: `stream.${key}` } });
  }
  // Checks the sizes now rather than at the first stream.
  new IncrementalOutputScanner(() => Promise.reject(new Error('unused')), options.stream);
  return {
    shield: options.shield,
    messages: oneOf(options.messages, ['last', 'all'] as const, 'messages', 'last', scanner),
    toolResults: flag(options.toolResults, 'toolResults', true, scanner),
    scanOutput: flag(options.scanOutput, 'scanOutput', true, scanner),
    onInputViolation: oneOf(options.onInputViolation, actions, 'onInputViolation', both, scanner),
    onOutputViolation: oneOf(options.onOutputViolation, actions, 'onOutputViolation', both, scanner),
    refusal: typeof message === 'string' ? () => message : message,
    parallelInputScan: flag(options.parallelInputScan, 'parallelInputScan', false, scanner),
    stream: { ...(options.stream ?? {}) },
    onChunkLatency: options.onChunkLatency,
    specificationVersion: oneOf(options.specificationVersion, ['v3', 'v4'] as const, 'specificationVersion', 'v3', scanner),
  };
}

/** JSON summary of a pipeline result for `providerMetadata.llmShield`. */
export function summarize(result: PipelineResult): { valid: boolean; riskScore: number; failedScanners: string[]; failedClosed: string[] } {
  return { valid: result.valid, riskScore: result.riskScore, failedScanners: [...result.failedScanners], failedClosed: [...result.failedClosed] };
}
