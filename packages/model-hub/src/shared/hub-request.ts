import { LlmShieldError } from '@llm-shield/core';
import { abortedError, pause, throwIfAborted } from './abort.js';
import { hubErrorFromResponse, unreachableError, type HubErrorAdvice, type HubRequestContext } from './hub-errors.js';

/** How {@link createHubRequest} reaches the hub and retries. */
export interface HubRequestConfig {
  /** Normalised hub base URL; the token goes to its origin only. */
  hubUrl: string;
  /** Bearer token (none when `undefined` or empty). */
  token: string | undefined;
  /** The fetch to use. */
  fetch: typeof fetch;
  /** Extra attempts after a network error, a 5xx or a 429. */
  retries: number;
  /** First pause between attempts, doubled each time, at most 10 s. */
  retryDelayMs: number;
  /** Whether a transient answer's `Retry-After` (seconds, at most 10 s) replaces the backoff. */
  honourRetryAfter: boolean;
  /** The platform's advice in error messages. */
  advice: HubErrorAdvice;
}

/**
 * Fetches `url` and resolves with a 2xx response, or with one that `accept` takes; retries network errors, 5xx and
 * 429; raises `HubAuthRequiredError`, `HubNotFoundError`, `HubUnreachableError` or `AbortedError`.
 */
export type HubRequest = (
  url: string,
  init: RequestInit,
  context: HubRequestContext,
  signal?: AbortSignal,
  accept?: (response: Response) => boolean,
) => Promise<Response>;

/**
 * The retrying hub request both platforms' hub clients share.
 *
 * @param config - hub, token, fetch, retry policy and error advice
 */
export function createHubRequest(config: HubRequestConfig): HubRequest {
  const { hubUrl, token, retries, retryDelayMs, advice } = config;
  const doFetch = config.fetch;
  const hasToken = token !== undefined && token !== '';

  return async function request(url, init, context, signal, accept) {
    const headers = new Headers(init.headers);
    if (hasToken && new URL(url).origin === new URL(hubUrl).origin) headers.set('Authorization', `Bearer ${token}`);
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal);
      let response: Response;
      try {
        response = await doFetch(url, { ...init, headers, ...(signal ? { signal } : {}) });
      } catch (error) {
        if (LlmShieldError.isInstance(error)) throw error;
        if (signal?.aborted || (error as Error)?.name === 'AbortError') throw abortedError(signal, error);
        if (attempt < retries) {
          await pause(backoff(retryDelayMs, attempt), signal);
          continue;
        }
        throw unreachableError(hubUrl, context, { cause: error, details: { url, attempts: attempt + 1 } }, advice);
      }
      if (response.ok || accept?.(response)) return response;
      const transient = response.status >= 500 || response.status === 429;
      if (transient && attempt < retries) {
        await response.body?.cancel().catch(() => undefined);
        await pause((config.honourRetryAfter ? retryAfter(response) : undefined) ?? backoff(retryDelayMs, attempt), signal);
        continue;
      }
      throw await hubErrorFromResponse(response, hubUrl, hasToken, context, attempt + 1, advice);
    }
  };
}

function backoff(base: number, attempt: number): number {
  return Math.min(10_000, base * 2 ** attempt);
}

function retryAfter(response: Response): number | undefined {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? Math.min(10_000, value * 1000) : undefined;
}
