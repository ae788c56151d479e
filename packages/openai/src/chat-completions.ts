import type { ResolvedGuardOptions, InputStage } from '@llm-shield/shield';
import { checkOutputTexts, guardRequest, type CollectedTexts, type GuardedCall, type RequestOptionsLike } from './guarded-request.js';
import { guardedStream, type StreamLike } from './guarded-stream.js';

export type { RequestOptionsLike } from './guarded-request.js';

/** A chat message (the fields the wrapper reads). */
interface ChatMessage {
  role: string;
  content?: string | Array<{ type: string; text?: string }> | null;
  [key: string]: unknown;
}

/** The body of `chat.completions.create` (the fields the wrapper reads). */
export interface ChatCompletionBody {
  messages: ChatMessage[];
  model?: string;
  stream?: boolean | null;
  [key: string]: unknown;
}

/** A chat completion (the fields the wrapper reads and writes). */
export interface ChatCompletionLike {
  choices: Array<{ index: number; message: { content?: string | null; [key: string]: unknown }; finish_reason: string | null; [key: string]: unknown }>;
  [key: string]: unknown;
}

/** A chunk of a streamed chat completion. */
export interface ChatCompletionChunkLike {
  choices: Array<{ index: number; delta: { content?: string | null; [key: string]: unknown }; finish_reason: string | null; [key: string]: unknown }>;
  [key: string]: unknown;
}

function messageText(message: ChatMessage): string | undefined {
  if (typeof message.content === 'string') return message.content;
  if (Array.isArray(message.content)) {
    const texts = message.content.filter((part) => part.type === 'text' && typeof part.text === 'string').map((part) => part.text!);
    return texts.length > 0 ? texts.join('\n') : undefined;
  }
  return undefined;
}

function collect(messages: readonly ChatMessage[], options: ResolvedGuardOptions): CollectedTexts {
  let lastUserMessage = -1;
  messages.forEach((message, index) => {
    if (message.role === 'user') lastUserMessage = index;
  });
  const collected: CollectedTexts = { texts: [], indexes: [], lastUser: -1 };
  messages.forEach((message, index) => {
    const inScope = options.messages === 'all' || index >= lastUserMessage;
    const text = messageText(message);
    if (text === undefined || !inScope) return;
    if (message.role === 'user' && (options.messages === 'all' || index === lastUserMessage)) {
      if (index === lastUserMessage) collected.lastUser = collected.texts.length;
      collected.texts.push({ text, source: 'user' });
      collected.indexes.push(index);
    } else if (message.role === 'tool' && options.toolResults) {
      collected.texts.push({ text, source: 'tool', toolName: typeof message['name'] === 'string' ? message['name'] : typeof message['tool_call_id'] === 'string' ? message['tool_call_id'] : 'tool' });
      collected.indexes.push(index);
    }
  });
  return collected;
}

function sanitizedBody(body: ChatCompletionBody, collected: CollectedTexts, stage: InputStage): ChatCompletionBody {
  const messages = [...body.messages];
  collected.indexes.forEach((messageIndex, index) => {
    const text = stage.verdict.sanitized[index]!;
    if (text === collected.texts[index]!.text) return;
    messages[messageIndex] = { ...messages[messageIndex]!, content: text };
  });
  return { ...body, messages };
}

function refusalCompletion(body: ChatCompletionBody, text: string, llmShield: Record<string, unknown>): ChatCompletionLike {
  return {
    id: 'llm-shield-refusal',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: body.model ?? '',
    choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null }, finish_reason: 'content_filter', logprobs: null }],
    llmShield,
  };
}

function refusalChunks(body: ChatCompletionBody, text: string, llmShield: Record<string, unknown>): StreamLike<ChatCompletionChunkLike> {
  const base = { id: 'llm-shield-refusal', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model ?? '' };
  const chunks: ChatCompletionChunkLike[] = [
    { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: text }, finish_reason: null }] },
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'content_filter' }], llmShield },
  ];
  const controller = new AbortController();
  return {
    controller,
    async *[Symbol.asyncIterator]() {
      yield* chunks;
    },
  };
}

async function checkCompletion(options: ResolvedGuardOptions, call: GuardedCall, completion: ChatCompletionLike): Promise<ChatCompletionLike> {
  const contents = completion.choices.map((choice) => (typeof choice.message.content === 'string' ? choice.message.content : undefined));
  const { failed, sanitized, summary } = await checkOutputTexts(options, call, contents);
  completion.choices.forEach((choice, index) => {
    if (failed && options.onOutputViolation === 'refuse') {
      choice.message.content = options.refusal({ stage: 'output', result: failed });
      choice.finish_reason = 'content_filter';
    } else if (sanitized[index] !== undefined) choice.message.content = sanitized[index]!;
  });
  return Object.assign(completion, { llmShield: { input: call.input, output: summary } });
}

function guardChunks(options: ResolvedGuardOptions, call: GuardedCall, upstream: StreamLike<ChatCompletionChunkLike>): StreamLike<ChatCompletionChunkLike> {
  return guardedStream<ChatCompletionChunkLike>(upstream, {
    options,
    createScanner: call.createStreamScanner,
    text: (chunk) => {
      const delta = chunk.choices[0]?.delta;
      return typeof delta?.content === 'string' ? delta.content : undefined;
    },
    ends: (chunk) => chunk.choices[0]?.finish_reason != null,
    withText: (chunk, text) => ({ ...chunk, choices: chunk.choices.map((choice, index) => (index === 0 ? { ...choice, delta: { ...choice.delta, content: text } } : choice)) }),
    textEvent: (template, text) => ({ ...template, choices: [{ index: 0, delta: { content: text }, finish_reason: null }], usage: null }),
    withoutText: (chunk) => {
      const [first, ...rest] = chunk.choices;
      if (!first) return chunk;
      const { content: _content, ...delta } = first.delta;
      const empty = Object.keys(delta).length === 0 && first.finish_reason == null && rest.length === 0 && chunk['usage'] == null;
      return empty ? undefined : { ...chunk, choices: [{ ...first, delta }, ...rest] };
    },
    refusal: (template, text) => [
      { ...template, choices: [{ index: 0, delta: { content: text }, finish_reason: null }] },
      { ...template, choices: [{ index: 0, delta: {}, finish_reason: 'content_filter' }] },
    ],
    annotate: (chunk, llmShield) => Object.assign(chunk, { llmShield: { input: call.input, ...llmShield } }),
  });
}

/**
 * Guards one `chat.completions.create` call: scans the messages, calls `create` (with the sanitized messages), and
 * scans the answer (streamed or not).
 */
export function guardChatCompletion(
  options: ResolvedGuardOptions,
  create: (body: ChatCompletionBody, requestOptions?: RequestOptionsLike) => Promise<unknown>,
  body: ChatCompletionBody,
  requestOptions?: RequestOptionsLike,
): Promise<unknown> {
  return guardRequest<ChatCompletionBody, ChatCompletionLike, ChatCompletionChunkLike>(
    options,
    {
      collect: (request, resolved) => collect(request.messages ?? [], resolved),
      sanitizedBody,
      refusalResult: refusalCompletion,
      refusalStream: refusalChunks,
      checkResult: (call, completion) => checkCompletion(options, call, completion),
      guardStream: (call, upstream) => guardChunks(options, call, upstream),
    },
    create,
    body,
    requestOptions,
  );
}
