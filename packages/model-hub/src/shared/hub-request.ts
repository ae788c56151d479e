import { HubUnreachableError, LlmShieldError } from '@llm-shield/core';
import { abortedError, pause, throwIfAborted } from './abort.js';
import { describeTarget, hubErrorFromResponse, unreachableError, type HubErrorAdvice, type HubRequestContext } from './hub-errors.js';

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
  /**
   * Default time, in ms, an attempt may wait for the answer's status and headers (connect included), and for each
   * piece of its body once it answered; `undefined`: no limit. A request may override it ({@link HubRequestInit}).
   */
  timeoutMs?: number;
  /** Ends a timeout's message: how to allow more time (e.g. `raise HF_HUB_ETAG_TIMEOUT`). */
  timeoutAdvice?: string;
}

/** `RequestInit` plus the request's own timeout: a number of ms, or `null` for none (default: the config's). */
export type HubRequestInit = RequestInit & { timeoutMs?: number | null };

/**
 * Fetches `url` and resolves with a 2xx response, or with one that `accept` takes; retries network errors, timeouts,
 * 5xx and 429; raises `HubAuthRequiredError`, `HubNotFoundError`, `HubUnreachableError` (also when the hub does not
 * answer within the timeout, or its body pauses longer than it: `details.timedOut` is `answer` or `body`) or
 * `AbortedError`.
 */
export type HubRequest = (
  url: string,
  init: HubRequestInit,
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
    const { timeoutMs: own, ...rest } = init;
    const timeoutMs = own === null ? undefined : (own ?? config.timeoutMs);
    const headers = new Headers(rest.headers);
    if (hasToken && new URL(url).origin === new URL(hubUrl).origin) headers.set('Authorization', `Bearer ${token}`);
    const timeoutError = (timedOut: 'answer' | 'body', attempts: number) =>
      new HubUnreachableError(
        `The model hub at ${hubUrl} ${timedOut === 'answer' ? 'did not answer' : 'stopped sending its answer'} within ` +
          `${formatSeconds(timeoutMs ?? 0)} while fetching ${describeTarget(context)}` +
          `${attempts > 1 ? ` (${attempts} attempts)` : ''}. Check ${advice.unreachable}` +
          `${config.timeoutAdvice === undefined ? '' : ` On a slow link, ${config.timeoutAdvice}`}`,
        { details: { hubUrl, ...context, url, timedOut, timeoutMs, attempts } },
      );
    for (let attempt = 0; ; attempt++) {
      throwIfAborted(signal);
      const timer = timeoutMs === undefined ? undefined : new AbortController();
      let timedOut = false;
      const clock = timer && setTimeout(() => {
        timedOut = true;
        timer.abort();
      }, timeoutMs);
      const combined = timer === undefined ? signal : signal ? AbortSignal.any([signal, timer.signal]) : timer.signal;
      let response: Response;
      try {
        response = await doFetch(url, { ...rest, headers, ...(combined ? { signal: combined } : {}) });
      } catch (error) {
        if (LlmShieldError.isInstance(error)) throw error;
        if (signal?.aborted) throw abortedError(signal, error);
        if (!timedOut && (error as Error)?.name === 'AbortError') throw abortedError(signal, error);
        if (attempt < retries) {
          await pause(backoff(retryDelayMs, attempt), signal);
          continue;
        }
        if (timedOut) throw timeoutError('answer', attempt + 1);
        throw unreachableError(hubUrl, context, { cause: error, details: { url, attempts: attempt + 1 } }, advice);
      } finally {
        clearTimeout(clock);
      }
      if (response.ok || accept?.(response)) {
        return timer === undefined || timeoutMs === undefined ? response : withIdleTimeout(response, timeoutMs, () => timer.abort(), () => timeoutError('body', attempt + 1));
      }
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

/**
 * `response` with a body that errors with `error()` when no piece of it arrives for `ms` (the transfer is then
 * stopped through `abort`); status and headers are kept.
 *
 * @param response - the answer whose body to watch
 * @param ms - the longest pause allowed between two pieces of the body
 * @param abort - stops the underlying transfer
 * @param error - the error of a pause that lasted too long
 */
export function withIdleTimeout(response: Response, ms: number, abort: () => void, error: () => Error): Response {
  if (!response.body) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let clock: ReturnType<typeof setTimeout> | undefined;
      const idle = new Promise<'idle'>((resolve) => {
        clock = setTimeout(() => resolve('idle'), ms);
      });
      try {
        const next = await Promise.race([reader.read(), idle]);
        if (next === 'idle') {
          abort();
          reader.cancel().catch(() => undefined);
          controller.error(error());
        } else if (next.done) {
          controller.close();
        } else {
          controller.enqueue(next.value);
        }
      } catch (failure) {
        controller.error(failure);
      } finally {
        clearTimeout(clock);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function backoff(base: number, attempt: number): number {
  return Math.min(10_000, base * 2 ** attempt);
}

function retryAfter(response: Response): number | undefined {
  const value = Number(response.headers.get('retry-after'));
  return Number.isFinite(value) && value > 0 ? Math.min(10_000, value * 1000) : undefined;
}
