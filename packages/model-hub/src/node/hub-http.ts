import type { LlmShieldError } from '@llm-shield/core';
import { DEFAULT_ETAG_TIMEOUT_MS, normalizeHubUrl } from '../hub-environment.js';
import { hubErrorFromResponse, type HubErrorAdvice, type HubRequestContext } from '../shared/hub-errors.js';
import { createHubRequest, type HubRequestInit } from '../shared/hub-request.js';

export { pause, throwIfAborted } from '../shared/abort.js';
export type { HubRequestContext } from '../shared/hub-errors.js';

/** Options of {@link createHubHttp}. */
export interface HubHttpOptions {
  /** Hub base URL, e.g. `https://huggingface.co` or a mirror. */
  hubUrl: string;
  /** Bearer token sent to the hub (and to same-origin redirects). */
  token?: string;
  /** The fetch to use (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /** Extra attempts after a network error, a 5xx or a 429 (default 3). */
  retries?: number;
  /** First pause between attempts, doubled each time, at most 10 s (default 500 ms). */
  retryDelayMs?: number;
  /**
   * How long, in ms, an attempt waits for the answer (connect, status and headers) and for each piece of its body
   * (default 10 000 ms, Python's `HF_HUB_ETAG_TIMEOUT`); a request may pass its own `timeoutMs` (`null`: none).
   */
  timeoutMs?: number;
}

/** Requests to the hub that retry transient failures and raise llm-shield's typed errors for the rest. */
export interface HubHttp {
  readonly hubUrl: string;
  readonly hasToken: boolean;
  /**
   * Fetches `url` with the token; retries network errors, timeouts, 5xx and 429. Resolves with a 2xx response (or
   * 416 when `allow416`) whose body fails with `HubUnreachableError` when it pauses longer than the timeout; raises {@link HubAuthRequiredError}, {@link HubNotFoundError}, {@link HubUnreachableError} or
   * {@link AbortedError}.
   */
  request(url: string, init: HubRequestInit & { allow416?: boolean }, context: HubRequestContext, signal?: AbortSignal): Promise<Response>;
  /** A `fetch` with the same behaviour, for `@huggingface/hub` functions. */
  asFetch(context: HubRequestContext, signal?: AbortSignal): typeof fetch;
}

/** Node's advice in hub error messages: environment variables (`HF_TOKEN`, `HF_ENDPOINT`, `HF_HUB_OFFLINE`). */
const NODE_ADVICE: HubErrorAdvice = {
  unreachable:
    'your network or proxy (HF_ENDPOINT selects a mirror) and try again; to use only what is already cached, set HF_HUB_OFFLINE=1.',
  tokenDenied:
    'Your token (HF_TOKEN) has no access to it: accept the model terms on its Hub page or use a token of an account that has access.',
  tokenMissing:
    'No token was sent: create one at https://huggingface.co/settings/tokens, accept the model terms on its Hub page, and set HF_TOKEN.',
  revisionMissing: ', or drop the pin to use the latest.',
  repoWithToken: 'check that your token has access.',
  repoWithoutToken: 'set HF_TOKEN.',
};

/** Creates a {@link HubHttp}. */
export function createHubHttp(options: HubHttpOptions): HubHttp {
  const hubUrl = normalizeHubUrl(options.hubUrl);
  const hasToken = options.token !== undefined && options.token !== '';
  const send = createHubRequest({
    hubUrl,
    token: options.token,
    fetch: options.fetch ?? globalThis.fetch,
    retries: options.retries ?? 3,
    retryDelayMs: options.retryDelayMs ?? 500,
    honourRetryAfter: true,
    advice: NODE_ADVICE,
    timeoutMs: options.timeoutMs ?? DEFAULT_ETAG_TIMEOUT_MS,
    timeoutAdvice: 'allow more time with HF_HUB_ETAG_TIMEOUT=<seconds> (or `llm-shield models pull --timeout <seconds>`).',
  });

  function request(url: string, init: HubRequestInit & { allow416?: boolean }, context: HubRequestContext, signal?: AbortSignal): Promise<Response> {
    const { allow416, ...rest } = init;
    return send(url, rest, context, signal, allow416 ? (response) => response.status === 416 : undefined);
  }

  return {
    hubUrl,
    hasToken,
    request,
    asFetch: (context, signal) => (input, init) =>
      request(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init ?? {}, context, signal),
  };
}

/** The typed error for a non-2xx hub answer (`X-Error-Code` distinguishes repo, revision, file and gating). */
export function errorFromResponse(
  response: Response,
  hubUrl: string,
  hasToken: boolean,
  context: HubRequestContext,
  attempts = 1,
): Promise<LlmShieldError> {
  return hubErrorFromResponse(response, hubUrl, hasToken, context, attempts, NODE_ADVICE);
}
