import type { InputStage, ResolvedGuardOptions } from '@llm-shield/shield';
import { checkOutputTexts, guardRequest, type CollectedTexts, type GuardedCall, type RequestOptionsLike } from './guarded-request.js';
import { guardedStream, type StreamLike } from './guarded-stream.js';

/** An input item of the Responses API (the fields the wrapper reads). */
interface InputItem {
  type?: string;
  role?: string;
  content?: string | Array<{ type: string; text?: string }>;
  output?: string | Array<{ type: string; text?: string }>;
  call_id?: string;
  [key: string]: unknown;
}

/** The body of `responses.create` (the fields the wrapper reads). */
export interface ResponseBody {
  input?: string | InputItem[];
  model?: string;
  stream?: boolean | null;
  [key: string]: unknown;
}

/** An output item's content part. */
interface OutputPart {
  type: string;
  text?: string;
  [key: string]: unknown;
}

/** A response (the fields the wrapper reads and writes). */
export interface ResponseLike {
  output: Array<{ type: string; content?: OutputPart[]; [key: string]: unknown }>;
  output_text?: string;
  [key: string]: unknown;
}

/** A streamed event of the Responses API. */
export interface ResponseEventLike {
  type: string;
  delta?: string;
  text?: string;
  output_index?: number;
  content_index?: number;
  response?: ResponseLike;
  [key: string]: unknown;
}

function partsText(value: InputItem['content']): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    const texts = value.filter((part) => (part.type === 'input_text' || part.type === 'output_text' || part.type === 'text') && typeof part.text === 'string').map((part) => part.text!);
    return texts.length > 0 ? texts.join('\n') : undefined;
  }
  return undefined;
}

function collect(body: ResponseBody, options: ResolvedGuardOptions): CollectedTexts {
  const collected: CollectedTexts = { texts: [], indexes: [], lastUser: -1 };
  if (typeof body.input === 'string') {
    collected.texts.push({ text: body.input, source: 'user' });
    collected.indexes.push(-1);
    collected.lastUser = 0;
    return collected;
  }
  const items = Array.isArray(body.input) ? body.input : [];
  let lastUserItem = -1;
  items.forEach((item, index) => {
    if (item.role === 'user') lastUserItem = index;
  });
  items.forEach((item, index) => {
    const inScope = options.messages === 'all' || index >= lastUserItem;
    if (!inScope) return;
    if (item.role === 'user' && (options.messages === 'all' || index === lastUserItem)) {
      const text = partsText(item.content);
      if (text === undefined) return;
      if (index === lastUserItem) collected.lastUser = collected.texts.length;
      collected.texts.push({ text, source: 'user' });
      collected.indexes.push(index);
    } else if (item.type === 'function_call_output' && options.toolResults) {
      const text = partsText(item.output);
      if (text === undefined) return;
      collected.texts.push({ text, source: 'tool', toolName: typeof item['name'] === 'string' ? item['name'] : (item.call_id ?? 'function') });
      collected.indexes.push(index);
    }
  });
  return collected;
}

function sanitizedBody(body: ResponseBody, collected: CollectedTexts, stage: InputStage): ResponseBody {
  if (typeof body.input === 'string') return { ...body, input: stage.verdict.sanitized[0] ?? body.input };
  const items = [...(body.input ?? [])];
  collected.indexes.forEach((itemIndex, index) => {
    const text = stage.verdict.sanitized[index]!;
    if (text === collected.texts[index]!.text) return;
    const item = items[itemIndex]!;
    items[itemIndex] = item.type === 'function_call_output' ? { ...item, output: text } : { ...item, content: text };
  });
  return { ...body, input: items };
}

function outputText(response: ResponseLike): string {
  return response.output
    .flatMap((item) => (item.type === 'message' ? (item.content ?? []) : []))
    .filter((part) => part.type === 'output_text' && typeof part.text === 'string')
    .map((part) => part.text!)
    .join('');
}

function refusalResponse(body: ResponseBody, text: string, llmShield: Record<string, unknown>): ResponseLike {
  return {
    id: 'llm-shield-refusal',
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    model: body.model ?? '',
    status: 'completed',
    output: [{ type: 'message', id: 'msg_llm_shield_refusal', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] }],
    output_text: text,
    llmShield,
  };
}

function refusalEvents(text: string, llmShield: Record<string, unknown>): StreamLike<ResponseEventLike> {
  const response = refusalResponse({}, text, llmShield);
  const events: ResponseEventLike[] = [
    { type: 'response.output_text.delta', item_id: 'msg_llm_shield_refusal', output_index: 0, content_index: 0, delta: text, sequence_number: 0 },
    { type: 'response.output_text.done', item_id: 'msg_llm_shield_refusal', output_index: 0, content_index: 0, text, sequence_number: 1 },
    { type: 'response.completed', response, sequence_number: 2 },
  ];
  return {
    controller: new AbortController(),
    async *[Symbol.asyncIterator]() {
      yield* events;
    },
  };
}

async function checkResponse(options: ResolvedGuardOptions, call: GuardedCall, response: ResponseLike): Promise<ResponseLike> {
  const parts = response.output.flatMap((item) => (item.type === 'message' ? (item.content ?? []) : [])).filter((part) => part.type === 'output_text' && typeof part.text === 'string');
  const { failed, sanitized, summary } = await checkOutputTexts(
    options,
    call,
    parts.map((part) => part.text),
  );
  if (failed && options.onOutputViolation === 'refuse') {
    const text = options.refusal({ stage: 'output', result: failed });
    response.output = [{ type: 'message', id: 'msg_llm_shield_refusal', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text, annotations: [] }] }];
  } else
    parts.forEach((part, index) => {
      if (sanitized[index] !== undefined) part.text = sanitized[index];
    });
  response.output_text = outputText(response);
  return Object.assign(response, { llmShield: { input: call.input, output: summary } });
}

function guardEvents(options: ResolvedGuardOptions, call: GuardedCall, upstream: StreamLike<ResponseEventLike>): StreamLike<ResponseEventLike> {
  /** Released text per output part (`output_index:content_index`), to correct the `done` and `completed` events. */
  const released = new Map<string, string>();
  let current = '';
  const key = (event: ResponseEventLike) => `${event.output_index ?? 0}:${event.content_index ?? 0}`;
  const guarded = guardedStream<ResponseEventLike>(upstream, {
    options,
    createScanner: call.createStreamScanner,
    text: (event) => (event.type === 'response.output_text.delta' && typeof event.delta === 'string' ? event.delta : undefined),
    ends: (event) => event.type === 'response.output_text.done',
    withText: (event, text) => {
      current += text;
      return { ...event, delta: text };
    },
    textEvent: (template, text) => {
      current += text;
      const { text: _text, ...rest } = template;
      return { ...rest, type: 'response.output_text.delta', delta: text };
    },
    withoutText: () => undefined,
    refusal: (template, text) => {
      current += text;
      return [
        { type: 'response.output_text.delta', item_id: template['item_id'], output_index: template.output_index ?? 0, content_index: template.content_index ?? 0, delta: text },
        { type: 'response.output_text.done', item_id: template['item_id'], output_index: template.output_index ?? 0, content_index: template.content_index ?? 0, text },
      ];
    },
    annotate: (event, llmShield) => {
      released.set(key(event), current);
      current = '';
      return { ...event, text: released.get(key(event)), llmShield: { input: call.input, ...llmShield } };
    },
  });
  return {
    controller: guarded.controller,
    async *[Symbol.asyncIterator]() {
      for await (const event of guarded) {
        if (event.type === 'response.completed' && event.response) yield { ...event, response: correctedResponse(event.response, released) };
        else yield event;
      }
    },
  };
}

/**
 * Guards one `responses.create` call: scans the input (user items and function call outputs), calls `create` with
 * the sanitized input, and scans the answer (streamed or not). `instructions` are the developer's and not scanned.
 */
export function guardResponse(
  options: ResolvedGuardOptions,
  create: (body: ResponseBody, requestOptions?: RequestOptionsLike) => Promise<unknown>,
  body: ResponseBody,
  requestOptions?: RequestOptionsLike,
): Promise<unknown> {
  return guardRequest<ResponseBody, ResponseLike, ResponseEventLike>(
    options,
    {
      collect,
      sanitizedBody,
      refusalResult: refusalResponse,
      refusalStream: (_body, text, llmShield) => refusalEvents(text, llmShield),
      checkResult: (call, response) => checkResponse(options, call, response),
      guardStream: (call, upstream) => guardEvents(options, call, upstream),
    },
    create,
    body,
    requestOptions,
  );
}

/** The final response of a stream with each output part's text as released (sanitized) by the guard. */
function correctedResponse(response: ResponseLike, released: ReadonlyMap<string, string>): ResponseLike {
  const output = response.output.map((item, outputIndex) =>
    item.type === 'message' && item.content
      ? { ...item, content: item.content.map((part, contentIndex) => (part.type === 'output_text' && released.has(`${outputIndex}:${contentIndex}`) ? { ...part, text: released.get(`${outputIndex}:${contentIndex}`)! } : part)) }
      : item,
  );
  const corrected = { ...response, output };
  return { ...corrected, output_text: outputText(corrected) };
}
