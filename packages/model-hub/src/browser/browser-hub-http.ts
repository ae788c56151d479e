import type { LlmShieldError } from '@llm-shield/core';
import { DEFAULT_ETAG_TIMEOUT_MS, normalizeHubUrl } from '../hub-environment.js';
import { hubErrorFromResponse, type HubErrorAdvice, type HubRequestContext } from '../shared/hub-errors.js';
import { createHubRequest, type HubRequestInit } from '../shared/hub-request.js';

export { pause, throwIfAborted } from '../shared/abort.js';

/** Options of {@link createBrowserHubHttp}. */
export interface BrowserHubHttpOptions {
  /** Hub base URL, e.g. `https://huggingface.co` or a mirror; it must answer CORS requests from the page's origin. */
  hubUrl: string;
  /** Bearer token sent to the hub's origin only. */
  token?: string;
  /** The fetch to use (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /** Extra attempts after a network error, a 5xx or a 429 (default 2). */
  retries?: number;
  /** First pause between attempts, doubled each time, at most 10 s (default 500 ms). */
  retryDelayMs?: number;
  /**
   * How long, in ms, an attempt waits for its answer and for each piece of its body (default 10 000 ms, as Python's
   * `HF_HUB_ETAG_TIMEOUT`); a request may pass its own `timeoutMs` (`null`: none).
   */
  timeoutMs?: number;
}

/** What a request is about, for error messages. */
export type BrowserHubRequestContext = HubRequestContext;

/** Requests to the hub from a browser: transient failures retried, the rest raised as llm-shield's typed errors. */
export interface BrowserHubHttp {
  readonly hubUrl: string;
  readonly hasToken: boolean;
  /**
   * Fetches `url` (the token goes to the hub's origin only) and resolves with a 2xx response; retries network
   * errors, 5xx and 429; raises {@link HubAuthRequiredError}, {@link HubNotFoundError}, {@link HubUnreachableError}
   * or {@link AbortedError}.
   */
  request(url: string, init: HubRequestInit, context: BrowserHubRequestContext, signal?: AbortSignal): Promise<Response>;
}

/** The browser's advice in hub error messages: options (`token`, `offline`) and CORS. */
const BROWSER_ADVICE: HubErrorAdvice = {
  unreachable:
    "the network, and that the hub (or mirror) allows this page's origin (CORS); to use only what is already cached, pass `offline: true`.",
  tokenDenied:
    'The token given has no access to it: accept the model terms on its Hub page or use a token of an account that has access.',
  tokenMissing:
    'No token was given: create one at https://huggingface.co/settings/tokens, accept the model terms on its Hub page, and pass it as `token`.',
  revisionMissing: ' of the registry entry.',
  repoWithToken: 'check that the token has access.',
  repoWithoutToken: 'pass a `token`.',
};

/** Creates a {@link BrowserHubHttp}. */
export function createBrowserHubHttp(options: BrowserHubHttpOptions): BrowserHubHttp {
  const hubUrl = normalizeHubUrl(options.hubUrl);
  const hasToken = options.token !== undefined && options.token !== '';
  const request = createHubRequest({
    hubUrl,
    token: options.token,
    fetch: options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init)),
    retries: options.retries ?? 2,
    retryDelayMs: options.retryDelayMs ?? 500,
    honourRetryAfter: false,
    advice: BROWSER_ADVICE,
    timeoutMs: options.timeoutMs ?? DEFAULT_ETAG_TIMEOUT_MS,
    timeoutAdvice: 'allow more time with the `metadataTimeoutMs` option.',
  });
  return { hubUrl, hasToken, request: (url, init, context, signal) => request(url, init, context, signal) };
}

/**
 * The typed error for a non-2xx hub answer. `X-Error-Code` tells repo, revision, file and gating apart where the
 * server exposes it to CORS requests (`Access-Control-Expose-Headers`); without it the status decides, and a 404 of a
 * file request is taken as a missing file.
 */
export function browserErrorFromResponse(
  response: Response,
  hubUrl: string,
  hasToken: boolean,
  context: BrowserHubRequestContext,
  attempts = 1,
): Promise<LlmShieldError> {
  return hubErrorFromResponse(response, hubUrl, hasToken, context, attempts, BROWSER_ADVICE);
}
