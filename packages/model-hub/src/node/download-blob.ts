import type { Hash } from 'node:crypto';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { AbortedError, ChecksumMismatchError, DiskFullError, TransferInterruptedError } from '@llm-shield/core';
import type { ProgressCallback } from '../progress.js';
import { createBlobHasher, hashFileInto, type ExpectedBlob } from './blob-hash.js';
import { pause, type HubHttp, type HubRequestContext } from './hub-http.js';

/** Options of {@link downloadVerifiedBlob}. */
export interface DownloadBlobOptions {
  http: HubHttp;
  /** Where the bytes are (`…/resolve/<commit>/<path>`); redirects are followed. */
  url: string;
  /** Repo, commit and file, for messages and progress. */
  context: HubRequestContext & { file: string };
  /** Final path, `blobs/<hash>`; bytes go to `<blobPath>.incomplete` until verified. */
  blobPath: string;
  expected: ExpectedBlob;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
  /** Further attempts after a transfer stops early, each resuming where the last stopped (default 3). */
  resumeRetries?: number;
  /** Pause before resuming (default 500 ms). */
  retryDelayMs?: number;
  /** A transfer that receives nothing for this long is interrupted (default 60 000 ms). */
  stallTimeoutMs?: number;
}

class Interrupted extends Error {}
class Mismatch extends Error {
  constructor(
    message: string,
    readonly resumed: boolean,
    readonly actual: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * Streams a file into `<blobPath>.incomplete` while hashing it, checks size and hash against `expected`, and only
 * then renames it to `blobPath`. Resumes a partial `.incomplete` with an HTTP Range request when the server honours it
 * (a 206 starting at the partial's size), and starts over otherwise. Raises:
 * - {@link ChecksumMismatchError} when the size or hash differs (nothing is kept; a resumed partial is first retried
 *   once from scratch, since the old bytes may be the bad ones);
 * - {@link TransferInterruptedError} when the transfer keeps stopping early (the verified-later partial is kept so
 *   the next call resumes);
 * - {@link DiskFullError} on ENOSPC / EDQUOT (the partial is removed to free space);
 * - the typed hub errors of {@link HubHttp.request}, and {@link AbortedError}.
 *
 * The caller must hold the blob's lock.
 */
export async function downloadVerifiedBlob(options: DownloadBlobOptions): Promise<void> {
  const { expected, blobPath } = options;
  const incomplete = `${blobPath}.incomplete`;
  const resumeRetries = options.resumeRetries ?? 3;
  let interruptions = 0;
  let restartedClean = false;
  for (;;) {
    try {
      await attempt(options, incomplete);
      await rename(incomplete, blobPath);
      return;
    } catch (error) {
      if (error instanceof Interrupted) {
        interruptions++;
        const saved = await partialSize(incomplete, expected.size);
        if (interruptions > resumeRetries) {
          throw new TransferInterruptedError(
            `The download of ${options.context.file} (${options.context.repoId}) stopped before its end ${interruptions} times ` +
              `(${error.message}). Check your connection and run it again: it resumes from the ${saved} bytes already saved.`,
            { cause: error.cause, details: { ...options.context, bytesSaved: saved, bytesTotal: expected.size, attempts: interruptions } },
          );
        }
        await pause(options.retryDelayMs ?? 500, options.signal);
        continue;
      }
      if (error instanceof Mismatch) {
        await rm(incomplete, { force: true });
        if (error.resumed && !restartedClean) {
          restartedClean = true;
          continue;
        }
        throw new ChecksumMismatchError(
          `${options.context.file} of ${options.context.repoId} failed verification: ${error.message}. The file was discarded; ` +
            'run the download again. If it fails again, a proxy or mirror (HF_ENDPOINT) may be altering files.',
          { details: { ...options.context, expected: { ...expected }, ...error.actual } },
        );
      }
      const code = (error as NodeJS.ErrnoException)?.code;
      if (code === 'ENOSPC' || code === 'EDQUOT') {
        await rm(incomplete, { force: true });
        throw new DiskFullError(
          `The disk is full while saving ${options.context.file} of ${options.context.repoId} (${expected.size} bytes) under ` +
            `${blobPath}. Free some space, or point LLM_SHIELD_HUB_CACHE / HF_HUB_CACHE to a larger disk, and run it again.`,
          { cause: error, details: { ...options.context, path: blobPath, bytesTotal: expected.size } },
        );
      }
      throw error;
    }
  }
}

async function attempt(options: DownloadBlobOptions, incomplete: string): Promise<void> {
  const { expected, signal } = options;
  const resumeFrom = await partialSize(incomplete, expected.size);
  let hasher = createBlobHasher(expected.algorithm, expected.size);
  if (resumeFrom > 0) await hashFileInto(hasher, incomplete, resumeFrom);
  let offset = resumeFrom;
  if (resumeFrom === 0 || resumeFrom < expected.size) {
    const controller = new AbortController();
    const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
    const stallTimeoutMs = options.stallTimeoutMs ?? 60_000;
    let unanswered = false;
    const headerTimer = setTimeout(() => {
      unanswered = true;
      controller.abort();
    }, stallTimeoutMs);
    let response: Response;
    try {
      response = await options.http.request(
        options.url,
        { headers: resumeFrom > 0 ? { Range: `bytes=${resumeFrom}-` } : {}, allow416: true },
        options.context,
        combined,
      );
    } catch (error) {
      if (unanswered && !signal?.aborted) throw new Interrupted(`no answer for ${stallTimeoutMs} ms`, { cause: error });
      throw error;
    } finally {
      clearTimeout(headerTimer);
    }
    const range = parseContentRange(response.headers.get('content-range'));
    if (response.status === 416 || (response.status === 206 && (range?.start ?? 0) !== resumeFrom)) {
      await response.body?.cancel().catch(() => undefined);
      await rm(incomplete, { force: true });
      throw new Interrupted(`the server refused to resume at byte ${resumeFrom}`);
    }
    if (response.status !== 206 && resumeFrom > 0) {
      offset = 0;
      hasher = createBlobHasher(expected.algorithm, expected.size);
    }
    const length = response.headers.get('content-length');
    if (length !== null && offset + Number(length) !== expected.size) {
      await response.body?.cancel().catch(() => undefined);
      throw new Mismatch(`the server announced ${offset + Number(length)} bytes, the hub ${expected.size}`, false, {
        announcedSize: offset + Number(length),
      });
    }
    const handle = await open(incomplete, offset > 0 ? 'a' : 'w');
    try {
      offset = await streamInto(options, response, handle, hasher, offset, controller, resumeFrom > 0 && offset > 0);
    } finally {
      await handle.close();
    }
    if (offset < expected.size) throw new Interrupted(`the body ended after ${offset} of ${expected.size} bytes`);
  }
  const digest = hasher.digest('hex');
  if (digest !== expected.hash) {
    throw new Mismatch(`its ${expected.algorithm} is ${digest}, the hub announced ${expected.hash}`, resumeFrom > 0, { actualHash: digest });
  }
}

async function streamInto(
  options: DownloadBlobOptions,
  response: Response,
  handle: FileHandle,
  hasher: Hash,
  start: number,
  controller: AbortController,
  resumed: boolean,
): Promise<number> {
  const { expected, signal } = options;
  const stallTimeoutMs = options.stallTimeoutMs ?? 60_000;
  let bytes = start;
  const report = () => options.onProgress?.({ file: options.context.file, bytesDone: bytes, bytesTotal: expected.size });
  if (!response.body) return bytes;
  const reader = response.body.getReader();
  report();
  for (;;) {
    let stalled = false;
    const timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallTimeoutMs);
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (signal?.aborted) throw new AbortedError('The model download was aborted.', { cause: signal.reason });
      const why = stalled ? `nothing arrived for ${stallTimeoutMs} ms` : 'the connection broke';
      throw new Interrupted(why, { cause: error });
    } finally {
      clearTimeout(timer);
    }
    if (chunk.done) return bytes;
    if (bytes + chunk.value.length > expected.size) {
      await reader.cancel().catch(() => undefined);
      throw new Mismatch(`the server sent more than the ${expected.size} bytes the hub announced`, resumed, { sentAtLeast: bytes + chunk.value.length });
    }
    await handle.write(chunk.value);
    hasher.update(chunk.value);
    bytes += chunk.value.length;
    report();
  }
}

/** Size of a partial download usable for resuming: 0 when absent, and the partial is removed when too large. */
async function partialSize(incomplete: string, size: number): Promise<number> {
  try {
    const partial = (await stat(incomplete)).size;
    if (partial <= size) return partial;
    await rm(incomplete, { force: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return 0;
}

function parseContentRange(header: string | null): { start: number; end: number; total?: number } | undefined {
  const match = header === null ? null : /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim());
  if (!match) return undefined;
  return { start: Number(match[1]), end: Number(match[2]), ...(match[3] === '*' ? {} : { total: Number(match[3]) }) };
}
