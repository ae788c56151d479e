import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { AbortedError, ChecksumMismatchError, DiskFullError, TransferInterruptedError } from '@llm-shield/core';
import { DEFAULT_DOWNLOAD_TIMEOUT_MS } from '../hub-environment.js';
import type { ProgressCallback } from '../progress.js';
import { createBlobHasher, type ExpectedBlob } from './blob-hash.js';
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
  /**
   * A transfer that receives no answer, or nothing of its body, for this long is interrupted (and resumed while
   * `resumeRetries` last); default {@link DEFAULT_DOWNLOAD_TIMEOUT_MS}, 10 000 ms, as Python's `HF_HUB_DOWNLOAD_TIMEOUT`.
   */
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
 * Streams a file into `<blobPath>.incomplete`, then verifies the file on disk (its size and hash, read back through
 * the very handle whose inode is then renamed) against `expected`, and only then renames it to `blobPath`: bytes
 * that were received right but written wrong (a second writer, a failing disk) are never committed. Resumes a partial `.incomplete` with an HTTP Range request when the server honours it
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
  let resumed = false;
  for (;;) {
    try {
      resumed = (await attempt(options, incomplete)) || resumed;
      await commitVerified(incomplete, blobPath, expected, resumed);
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
          resumed = false;
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

/**
 * One transfer into `incomplete`, resuming a partial when the server honours Range. Returns true when the file now
 * holds bytes of an earlier attempt or run (they may be the bad ones if verification fails).
 */
async function attempt(options: DownloadBlobOptions, incomplete: string): Promise<boolean> {
  const { expected, signal } = options;
  const resumeFrom = await partialSize(incomplete, expected.size);
  if (resumeFrom >= expected.size) return resumeFrom > 0;
  const controller = new AbortController();
  const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
  const stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  let unanswered = false;
  const headerTimer = setTimeout(() => {
    unanswered = true;
    controller.abort();
  }, stallTimeoutMs);
  let response: Response;
  try {
    response = await options.http.request(
      options.url,
      { headers: resumeFrom > 0 ? { Range: `bytes=${resumeFrom}-` } : {}, allow416: true, timeoutMs: null },
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
  const offset = response.status === 206 ? resumeFrom : 0;
  const length = response.headers.get('content-length');
  if (length !== null && offset + Number(length) !== expected.size) {
    await response.body?.cancel().catch(() => undefined);
    throw new Mismatch(`the server announced ${offset + Number(length)} bytes, the hub ${expected.size}`, false, {
      announcedSize: offset + Number(length),
    });
  }
  const handle = await open(incomplete, offset > 0 ? 'a' : 'w');
  let end: number;
  try {
    end = await streamInto(options, response, handle, offset, controller, offset > 0);
  } finally {
    await handle.close();
  }
  if (end < expected.size) throw new Interrupted(`the body ended after ${end} of ${expected.size} bytes`);
  return offset > 0;
}

/**
 * Verifies the file at `incomplete` (size, then hash of every byte, read through one handle) and renames it to
 * `blobPath`, checking that the inode renamed is the one verified (no one swapped the file in between). Raises
 * {@link Mismatch} and removes the file when it does not match.
 */
async function commitVerified(incomplete: string, blobPath: string, expected: ExpectedBlob, resumed: boolean): Promise<void> {
  const handle = await open(incomplete, 'r');
  let verified: { ino: number; dev: number };
  try {
    const info = await handle.stat();
    if (info.size !== expected.size) {
      throw new Mismatch(`the file on disk has ${info.size} bytes, the hub announced ${expected.size}`, resumed, { actualSize: info.size });
    }
    const hasher = createBlobHasher(expected.algorithm, expected.size);
    const buffer = Buffer.allocUnsafe(1 << 20);
    for (let position = 0; position < info.size; ) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, info.size - position), position);
      if (bytesRead === 0) throw new Mismatch(`the file on disk ended at byte ${position} while it was verified`, resumed, { actualSize: position });
      hasher.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
    }
    const digest = hasher.digest('hex');
    if (digest !== expected.hash) {
      throw new Mismatch(`the file on disk has ${expected.algorithm} ${digest}, the hub announced ${expected.hash}`, resumed, { actualHash: digest });
    }
    const now = await stat(incomplete);
    if (now.ino !== info.ino || now.dev !== info.dev || now.size !== info.size) {
      throw new Mismatch('the file was replaced or changed while it was verified', resumed, {});
    }
    verified = { ino: info.ino, dev: info.dev };
  } finally {
    await handle.close();
  }
  await rename(incomplete, blobPath);
  const committed = await stat(blobPath);
  if (committed.ino !== verified.ino || committed.dev !== verified.dev || committed.size !== expected.size) {
    await rm(blobPath, { force: true });
    throw new Mismatch('the file was replaced between its verification and its commit', resumed, {});
  }
}

async function streamInto(
  options: DownloadBlobOptions,
  response: Response,
  handle: FileHandle,
  start: number,
  controller: AbortController,
  resumed: boolean,
): Promise<number> {
  const { expected, signal } = options;
  const stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
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
