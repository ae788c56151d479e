import {
  AbortedError,
  HubAuthRequiredError,
  HubNotFoundError,
  HubUnreachableError,
  LlmShieldError,
  type LlmShieldErrorOptions,
} from '@llm-shield/core';
import { normalizeHubUrl } from '../hub-environment.js';

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
}

/** What a request is about, for error messages. */
export interface HubRequestContext {
  repoId: string;
  revision?: string;
  file?: string;
}

/** Requests to the hub that retry transient failures and raise llm-shield's typed errors for the rest. */
export interface HubHttp {
  readonly hubUrl: string;
  readonly hasToken: boolean;
  /**
   * Fetches `url` with the token; retries network errors, 5xx and 429. Resolves with a 2xx response (or 416 when
   * `allow416`); raises {@link HubAuthRequiredError}, {@link HubNotFoundError}, {@link HubUnreachableError} or
   * {@link AbortedError}.
   */
  request(url: string, init: RequestInit & { allow416?: boolean }, context: HubRequestContext, signal?: AbortSignal): Promise<Response>;
  /** A `fetch` with the same behaviour, for `@huggingface/hub` functions. */
  asFetch(context: HubRequestContext, signal?: AbortSignal): typeof fetch;
}

/** Creates a {@link HubHttp}. */
export function createHubHttp(options: HubHttpOptions): HubHttp {
  const hubUrl = normalizeHubUrl(options.hubUrl);
  const doFetch = options.fetch ?? globalThis.fetch;
  const retries = options.retries ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 500;
  const hasToken = options.token !== undefined && options.token !== '';

  async function request(url: string, init: RequestInit & { allow416?: boolean }, context: HubRequestContext, signal?: AbortSignal) {
    const { allow416, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (hasToken && new URL(url).origin === new URL(hubUrl).origin) headers.set('Authorization', `Bearer ${options.token}`);
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal);
      let response: Response;
      try {
        response = await doFetch(url, { ...rest, headers, ...(signal ? { signal } : {}) });
      } catch (error) {
        if (LlmShieldError.isInstance(error)) throw error;
        if (signal?.aborted || (error as Error)?.name === 'AbortError') throw abortedError(signal, error);
        if (attempt < retries) {
          await pause(backoff(retryDelayMs, attempt), signal);
          continue;
        }
        throw unreachableError(hubUrl, context, { cause: error, details: { url, attempts: attempt + 1 } });
      }
      if (response.ok || (allow416 && response.status === 416)) return response;
      const transient = response.status >= 500 || response.status === 429;
      if (transient && attempt < retries) {
        await response.body?.cancel().catch(() => undefined);
        await pause(retryAfter(response) ?? backoff(retryDelayMs, attempt), signal);
        continue;
      }
      throw await errorFromResponse(response, hubUrl, hasToken, context, attempt + 1);
    }
  }

  return {
    hubUrl,
    hasToken,
    request,
    asFetch: (context, signal) => (input, init) =>
      request(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init ?? {}, context, signal),
  };
}

function describeTarget(context: HubRequestContext): string {
  const where = context.revision === undefined ? context.repoId : `${context.repoId}@${context.revision}`;
  return context.file === undefined ? where : `${context.file} of ${where}`;
}

function unreachableError(hubUrl: string, context: HubRequestContext, options: LlmShieldErrorOptions): HubUnreachableError {
  const status = options.details?.['status'];
  const why = status === undefined ? 'could not be reached' : `answered HTTP ${String(status)}`;
  return new HubUnreachableError(
    `The model hub at ${hubUrl} ${why} while fetching ${describeTarget(context)}. Check your network or proxy (HF_ENDPOINT ` +
      'selects a mirror) and try again; to use only what is already cached, set HF_HUB_OFFLINE=1.',
    { ...options, details: { hubUrl, ...context, ...options.details } },
  );
}

/** The typed error for a non-2xx hub answer (`X-Error-Code` distinguishes repo, revision, file and gating). */
export async function errorFromResponse(
  response: Response,
  hubUrl: string,
  hasToken: boolean,
  context: HubRequestContext,
  attempts = 1,
): Promise<LlmShieldError> {
  const errorCode = response.headers.get('x-error-code') ?? undefined;
  const serverMessage = response.headers.get('x-error-message') ?? undefined;
  await response.body?.cancel().catch(() => undefined);
  const details = { hubUrl, ...context, status: response.status, errorCode, serverMessage, attempts };
  const tokenHint = hasToken
    ? 'Your token (HF_TOKEN) has no access to it: accept the model terms on its Hub page or use a token of an account that has access.'
    : 'No token was sent: create one at https://huggingface.co/settings/tokens, accept the model terms on its Hub page, and set HF_TOKEN.';
  if (response.status === 404 || errorCode === 'RepoNotFound') {
    const what =
      errorCode === 'RevisionNotFound'
        ? `Revision ${JSON.stringify(context.revision)} does not exist in ${context.repoId}: check the commit or branch, or drop the pin to use the latest.`
        : errorCode === 'EntryNotFound' || (context.file !== undefined && errorCode === undefined)
          ? `File ${context.file ?? '?'} does not exist in ${context.repoId}@${context.revision ?? 'main'}: check the registry entry's paths or choose another variant.`
          : `Repository ${context.repoId} was not found on ${hubUrl}: check the id; if it is private or gated, ${hasToken ? 'check that your token has access' : 'set HF_TOKEN'}.`;
    return new HubNotFoundError(what, { details });
  }
  if (response.status === 401 || response.status === 403) {
    const gated = errorCode === 'GatedRepo' ? 'is gated' : 'requires authorisation';
    return new HubAuthRequiredError(`${context.repoId} ${gated} (HTTP ${response.status}). ${tokenHint}`, { details });
  }
  return unreachableError(hubUrl, context, { details });
}

function backoff(base: number, attempt: number): number {
  return Math.min(10_000, base * 2 ** attempt);
}

function retryAfter(response: Response): number | undefined {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? Math.min(10_000, value * 1000) : undefined;
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
