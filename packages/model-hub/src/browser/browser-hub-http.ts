import {
  AbortedError,
  HubAuthRequiredError,
  HubNotFoundError,
  HubUnreachableError,
  LlmShieldError,
  type LlmShieldErrorOptions,
} from '@llm-shield/core';
import { normalizeHubUrl } from '../hub-environment.js';

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
}

/** What a request is about, for error messages. */
export interface BrowserHubRequestContext {
  repoId: string;
  revision?: string;
  file?: string;
}

/** Requests to the hub from a browser: transient failures retried, the rest raised as llm-shield's typed errors. */
export interface BrowserHubHttp {
  readonly hubUrl: string;
  readonly hasToken: boolean;
  /**
   * Fetches `url` (the token goes to the hub's origin only) and resolves with a 2xx response; retries network
   * errors, 5xx and 429; raises {@link HubAuthRequiredError}, {@link HubNotFoundError}, {@link HubUnreachableError}
   * or {@link AbortedError}.
   */
  request(url: string, init: RequestInit, context: BrowserHubRequestContext, signal?: AbortSignal): Promise<Response>;
}

/** Creates a {@link BrowserHubHttp}. */
export function createBrowserHubHttp(options: BrowserHubHttpOptions): BrowserHubHttp {
  const hubUrl = normalizeHubUrl(options.hubUrl);
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const hasToken = options.token !== undefined && options.token !== '';

  async function request(url: string, init: RequestInit, context: BrowserHubRequestContext, signal?: AbortSignal): Promise<Response> {
    const headers = new Headers(init.headers);
    if (hasToken && new URL(url).origin === new URL(hubUrl).origin) headers.set('Authorization', `Bearer ${options.token}`);
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal);
      let response: Response;
      try {
        response = await doFetch(url, { ...init, headers, ...(signal ? { signal } : {}) });
      } catch (error) {
        if (LlmShieldError.isInstance(error)) throw error;
        if (signal?.aborted || (error as Error)?.name === 'AbortError') throw abortedError(signal, error);
        if (attempt < retries) {
          await pause(Math.min(10_000, retryDelayMs * 2 ** attempt), signal);
          continue;
        }
        throw unreachable(hubUrl, context, { cause: error, details: { url, attempts: attempt + 1 } });
      }
      if (response.ok) return response;
      if ((response.status >= 500 || response.status === 429) && attempt < retries) {
        await response.body?.cancel().catch(() => undefined);
        await pause(Math.min(10_000, retryDelayMs * 2 ** attempt), signal);
        continue;
      }
      throw await browserErrorFromResponse(response, hubUrl, hasToken, context, attempt + 1);
    }
  }

  return { hubUrl, hasToken, request };
}

function describeTarget(context: BrowserHubRequestContext): string {
  const where = context.revision === undefined ? context.repoId : `${context.repoId}@${context.revision}`;
  return context.file === undefined ? where : `${context.file} of ${where}`;
}

function unreachable(hubUrl: string, context: BrowserHubRequestContext, options: LlmShieldErrorOptions): HubUnreachableError {
  const status = options.details?.['status'];
  const why = status === undefined ? 'could not be reached' : `answered HTTP ${String(status)}`;
  return new HubUnreachableError(
    `The model hub at ${hubUrl} ${why} while fetching ${describeTarget(context)}. Check the network, and that the hub (or ` +
      "mirror) allows this page's origin (CORS); to use only what is already cached, pass `offline: true`.",
    { ...options, details: { hubUrl, ...context, ...options.details } },
  );
}

/**
 * The typed error for a non-2xx hub answer. `X-Error-Code` tells repo, revision, file and gating apart where the
 * server exposes it to CORS requests (`Access-Control-Expose-Headers`); without it the status decides, and a 404 of a
 * file request is taken as a missing file.
 */
export async function browserErrorFromResponse(
  response: Response,
  hubUrl: string,
  hasToken: boolean,
  context: BrowserHubRequestContext,
  attempts = 1,
): Promise<LlmShieldError> {
  const errorCode = response.headers.get('x-error-code') ?? undefined;
  const serverMessage = response.headers.get('x-error-message') ?? undefined;
  await response.body?.cancel().catch(() => undefined);
  const details = { hubUrl, ...context, status: response.status, errorCode, serverMessage, attempts };
  const tokenHint = hasToken
    ? 'The token given has no access to it: accept the model terms on its Hub page or use a token of an account that has access.'
    : 'No token was given: create one at https://huggingface.co/settings/tokens, accept the model terms on its Hub page, and pass it as `token`.';
  if (response.status === 404 || errorCode === 'RepoNotFound') {
    const what =
      errorCode === 'RevisionNotFound'
        ? `Revision ${JSON.stringify(context.revision)} does not exist in ${context.repoId}: check the commit or branch of the registry entry.`
        : errorCode === 'EntryNotFound' || (context.file !== undefined && errorCode === undefined)
          ? `File ${context.file ?? '?'} does not exist in ${context.repoId}@${context.revision ?? 'main'}: check the registry entry's paths or choose another variant.`
          : `Repository ${context.repoId} was not found on ${hubUrl}: check the id; if it is private or gated, ${hasToken ? 'check that the token has access' : 'pass a `token`'}.`;
    return new HubNotFoundError(what, { details });
  }
  if (response.status === 401 || response.status === 403) {
    const gated = errorCode === 'GatedRepo' ? 'is gated' : 'requires authorisation';
    return new HubAuthRequiredError(`${context.repoId} ${gated} (HTTP ${response.status}). ${tokenHint}`, { details });
  }
  return unreachable(hubUrl, context, { details });
}

function abortedError(signal: AbortSignal | undefined, cause: unknown): AbortedError {
  return new AbortedError('The model download was aborted.', { cause: signal?.reason ?? cause });
}

/** Raises {@link AbortedError} when `signal` is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal, undefined);
}

/** Waits `ms`, or raises {@link AbortedError} when `signal` aborts first. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal, undefined));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal, undefined));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
