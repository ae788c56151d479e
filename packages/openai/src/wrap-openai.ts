import { resolveGuardOptions, type ShieldGuardOptions } from '@llm-shield/shield';
import { guardChatCompletion, type ChatCompletionBody, type RequestOptionsLike } from './chat-completions.js';
import { guardResponse, type ResponseBody } from './responses.js';

/** Options of {@link wrapOpenAI}: the same as the AI SDK middleware's (`@llm-shield/ai-sdk`). */
export type WrapOpenAIOptions = ShieldGuardOptions;

type Create = (body: never, requestOptions?: never) => unknown;

/** The part of the openai client the wrapper replaces. */
interface OpenAILike {
  chat: { completions: { create: Create } };
  responses: { create: Create };
}

function override<T extends object>(target: T, key: PropertyKey, value: unknown): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (property === key) return value;
      const found = Reflect.get(object, property, receiver) as unknown;
      return typeof found === 'function' ? (found as (...args: unknown[]) => unknown).bind(object) : found;
    },
  });
}

/**
 * Wraps an official `openai` client (`new OpenAI()`) so that `chat.completions.create` and `responses.create` scan
 * the input (the last user turn or every one, and tool/function results) before the request and the answer after
 * it, streamed (`stream: true`, scanned sentence by sentence) or not, with the middleware's options: a failure
 * throws `PromptRejectedError` / `OutputRejectedError`, answers with a refusal (`finish_reason: 'content_filter'`),
 * or only annotates (`llmShield` on the completion, or on the closing chunk/event). Every other method is the
 * client's own. The wrapped `create` returns a plain promise (not the client's `APIPromise`), and a stream is an
 * async iterable with `controller` (not the client's `Stream` class).
 *
 * ```ts
 * const client = wrapOpenAI(new OpenAI(), { shield: await createShield(), onViolation: 'refuse' });
 * const completion = await client.chat.completions.create({ model: 'gpt-4o-mini', messages });
 * ```
 *
 * @param client - an `openai` client (5, 6 or 7)
 * @param options - the shield and the policy (defaults: last user turn and new tool results, throw on a violation)
 */
export function wrapOpenAI<Client extends OpenAILike>(client: Client, options: WrapOpenAIOptions): Client {
  const resolved = resolveGuardOptions(options, 'wrapOpenAI');
  const completions = client.chat.completions as unknown as { create: (body: ChatCompletionBody, requestOptions?: RequestOptionsLike) => Promise<unknown> };
  const responses = client.responses as unknown as { create: (body: ResponseBody, requestOptions?: RequestOptionsLike) => Promise<unknown> };
  const createChat = (body: ChatCompletionBody, requestOptions?: RequestOptionsLike) => guardChatCompletion(resolved, (next, nextOptions) => Promise.resolve(completions.create(next, nextOptions)), body, requestOptions);
  const createResponse = (body: ResponseBody, requestOptions?: RequestOptionsLike) => guardResponse(resolved, (next, nextOptions) => Promise.resolve(responses.create(next, nextOptions)), body, requestOptions);
  const chat = override(client.chat, 'completions', override(client.chat.completions, 'create', createChat));
  return override(override(client, 'chat', chat), 'responses', override(client.responses, 'create', createResponse));
}
