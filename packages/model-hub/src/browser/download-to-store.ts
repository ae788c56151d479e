import { AbortedError, ChecksumMismatchError, DiskFullError, LlmShieldError, TransferInterruptedError } from '@llm-shield/core';
import type { ProgressCallback } from '../progress.js';
import { pause, type BrowserHubHttp, type BrowserHubRequestContext } from './browser-hub-http.js';
import type { BrowserModelStore, BrowserStoreWriter } from './model-store.js';
import { createStreamHasher, type ExpectedFile } from './stream-hasher.js';

/** Options of {@link downloadToStore}. */
export interface DownloadToStoreOptions {
  http: BrowserHubHttp;
  /** Where the bytes are (`…/resolve/<commit>/<path>`); redirects are followed by `fetch`. */
  url: string;
  /** Repo, commit and file, for messages and progress. */
  context: BrowserHubRequestContext & { file: string };
  store: BrowserModelStore;
  /** The key the verified bytes are committed under. */
  key: string;
  expected: ExpectedFile;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
  /** Further attempts, each from the start, after a transfer stops early (default 2). */
  transferRetries?: number;
  /** Pause before another attempt (default 500 ms). */
  retryDelayMs?: number;
  /** A transfer that receives nothing for this long is interrupted (default 60 000 ms). */
  stallTimeoutMs?: number;
}

class Interrupted extends Error {}
class Mismatch extends Error {
  constructor(
    message: string,
    readonly actual: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * Streams a file into a pending entry of `store` while hashing it, checks size and hash against `expected`, and
 * commits the entry under `key` only then; on any failure the pending entry is discarded, so `key` never holds bytes
 * that did not verify. A transfer that stops early is retried from the start (browser stores cannot append to a
 * pending entry, so there is no resume). Raises:
 * - {@link ChecksumMismatchError} when the size or hash differs;
 * - {@link TransferInterruptedError} when the transfer keeps stopping early;
 * - {@link DiskFullError} when the browser refuses the storage (`QuotaExceededError`);
 * - the typed hub errors of {@link BrowserHubHttp.request}, and {@link AbortedError}.
 */
export async function downloadToStore(options: DownloadToStoreOptions): Promise<void> {
  const retries = options.transferRetries ?? 2;
  for (let attempt = 0; ; attempt++) {
    try {
      await transfer(options);
      return;
    } catch (error) {
      const { context, expected } = options;
      if (error instanceof Interrupted) {
        if (attempt < retries) {
          await pause(options.retryDelayMs ?? 500, options.signal);
          continue;
        }
        throw new TransferInterruptedError(
          `The download of ${context.file} (${context.repoId}) stopped before its end ${attempt + 1} times (${error.message}). ` +
            'Check the connection and resolve the model again; nothing partial was kept.',
          { cause: error.cause, details: { ...context, bytesTotal: expected.size, attempts: attempt + 1 } },
        );
      }
      if (error instanceof Mismatch) {
        throw new ChecksumMismatchError(
          `${context.file} of ${context.repoId} failed verification: ${error.message}. Nothing was stored; resolve the model ` +
            'again. If it fails again, a proxy or mirror may be altering files.',
          { details: { ...context, expected: { ...expected }, ...error.actual } },
        );
      }
      if ((error as DOMException)?.name === 'QuotaExceededError') {
        throw new DiskFullError(
          `The browser refused to store ${context.file} of ${context.repoId} (${expected.size} bytes): the origin's storage quota is ` +
            'used up. Remove cached models you no longer need (removeBrowserCachedModel), or ask for persistent storage ' +
            '(navigator.storage.persist()), and try again.',
          { cause: error, details: { ...context, bytesTotal: expected.size, storage: options.store.kind } },
        );
      }
      throw error;
    }
  }
}

async function transfer(options: DownloadToStoreOptions): Promise<void> {
  const { expected, signal, context } = options;
  const stallTimeoutMs = options.stallTimeoutMs ?? 60_000;
  const controller = new AbortController();
  const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallTimeoutMs);
  };
  let writer: BrowserStoreWriter | undefined;
  try {
    arm();
    let response: Response;
    try {
      response = await options.http.request(options.url, { timeoutMs: null }, context, combined); // the stall timer bounds it
    } catch (error) {
      if (stalled && !signal?.aborted) throw new Interrupted(`no answer for ${stallTimeoutMs} ms`, { cause: error });
      throw error;
    }
    const hasher = createStreamHasher(expected.algorithm, expected.size);
    writer = await options.store.createWriter(options.key, expected.size);
    let bytes = 0;
    const report = () => options.onProgress?.({ file: context.file, bytesDone: bytes, bytesTotal: expected.size });
    report();
    const reader = response.body?.getReader();
    for (;;) {
      arm();
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = reader ? await reader.read() : { done: true, value: undefined };
      } catch (error) {
        if (signal?.aborted) throw new AbortedError('The model download was aborted.', { cause: signal.reason });
        throw new Interrupted(stalled ? `nothing arrived for ${stallTimeoutMs} ms` : 'the connection broke', { cause: error });
      }
      if (chunk.done) break;
      if (bytes + chunk.value.length > expected.size) {
        await reader?.cancel().catch(() => undefined);
        throw new Mismatch(`the server sent more than the ${expected.size} bytes the hub announced`, { sentAtLeast: bytes + chunk.value.length });
      }
      hasher.update(chunk.value);
      await writer.write(chunk.value);
      bytes += chunk.value.length;
      report();
    }
    clearTimeout(timer);
    if (bytes < expected.size) throw new Interrupted(`the body ended after ${bytes} of ${expected.size} bytes`);
    const digest = await hasher.digest();
    if (digest !== expected.hash) throw new Mismatch(`its ${expected.algorithm} is ${digest}, the hub announced ${expected.hash}`, { actualHash: digest });
    await writer.commit();
    writer = undefined;
  } catch (error) {
    if (LlmShieldError.isInstance(error) || error instanceof Interrupted || error instanceof Mismatch) throw error;
    if (signal?.aborted) throw new AbortedError('The model download was aborted.', { cause: signal.reason });
    throw error;
  } finally {
    clearTimeout(timer);
    await writer?.abort().catch(() => undefined);
  }
}
