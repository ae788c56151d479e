/**
 * The parts of the AI SDK's language-model specification (v3 in `ai` 6, v4 in `ai` 7: the same shapes here) that
 * the middleware reads and writes. Declared structurally so one build serves both majors.
 */

/** A tool result's output. */
export type ToolResultOutput =
  | { type: 'text' | 'error-text'; value: string; providerOptions?: unknown }
  | { type: 'json' | 'error-json'; value: unknown; providerOptions?: unknown }
  | { type: 'content'; value: Array<{ type: string; text?: string }>; providerOptions?: unknown }
  | { type: string; value?: unknown; providerOptions?: unknown };

/** A part of a prompt message. */
export type PromptPart =
  | { type: 'text'; text: string; providerOptions?: unknown }
  | { type: 'tool-result'; toolCallId: string; toolName: string; output: ToolResultOutput; providerOptions?: unknown }
  | { type: string; [key: string]: unknown };

/** A prompt message. */
export type PromptMessage = { role: 'system'; content: string; providerOptions?: unknown } | { role: 'user' | 'assistant' | 'tool'; content: PromptPart[]; providerOptions?: unknown };

/** Call options (only the fields the middleware uses). */
export interface CallOptions {
  prompt: PromptMessage[];
  abortSignal?: AbortSignal;
  [key: string]: unknown;
}

/** A finish reason of v3/v4. */
export interface FinishReason {
  unified: string;
  raw: string | undefined;
}

/** A content part of a generate result. */
export type ContentPart = { type: 'text'; text: string; providerMetadata?: unknown } | { type: string; [key: string]: unknown };

/** Provider metadata: provider name → JSON object. */
export type ProviderMetadata = Record<string, Record<string, unknown>>;

/** A generate result (the fields the middleware uses). */
export interface GenerateResult {
  content: ContentPart[];
  finishReason: FinishReason;
  usage: unknown;
  providerMetadata?: ProviderMetadata;
  warnings: unknown[];
  [key: string]: unknown;
}

/** A stream part (the kinds the middleware handles; others pass through). */
export type StreamPart =
  | { type: 'text-start' | 'text-end'; id: string; providerMetadata?: unknown }
  | { type: 'text-delta'; id: string; delta: string; providerMetadata?: unknown }
  | { type: 'finish'; finishReason: FinishReason; usage: unknown; providerMetadata?: ProviderMetadata }
  | { type: 'error'; error: unknown }
  | { type: string; [key: string]: unknown };

/** A stream result. */
export interface StreamResult {
  stream: ReadableStream<StreamPart>;
  [key: string]: unknown;
}

/** The wrapped model (the fields the middleware uses). */
export interface WrappedModel {
  doGenerate(options: CallOptions): PromiseLike<GenerateResult>;
  doStream(options: CallOptions): PromiseLike<StreamResult>;
}

/** Usage with every count unknown (a refusal made without a model call). */
export function emptyUsage(): unknown {
  return {
    inputTokens: { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: undefined, text: undefined, reasoning: undefined },
  };
}
