import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * How a blob is named and checked: `sha256` of the content for LFS files (the Hub's LFS oid), or `git-sha1`, git's
 * blob id `sha1("blob <size>\0" + content)`, for files stored in git itself.
 */
export type BlobHashAlgorithm = 'sha256' | 'git-sha1';

/** What a downloaded file must match. */
export interface ExpectedBlob {
  /** Lowercase hex digest; also the blob's file name in the cache. */
  hash: string;
  algorithm: BlobHashAlgorithm;
  /** Size in bytes. */
  size: number;
}

/** An incremental hasher for {@link ExpectedBlob.algorithm}; `size` is needed up front for git's header. */
export function createBlobHasher(algorithm: BlobHashAlgorithm, size: number): Hash {
  if (algorithm === 'sha256') return createHash('sha256');
  return createHash('sha1').update(`blob ${size}\0`);
}

/** The algorithm implied by a blob name: 64 hex digits are sha256, 40 are a git sha1. */
export function algorithmOfBlobName(hash: string): BlobHashAlgorithm {
  return hash.length === 64 ? 'sha256' : 'git-sha1';
}

/** Feeds the first `length` bytes of the file at `path` (all of it by default) into `hasher`. */
export async function hashFileInto(hasher: Hash, path: string, length?: number): Promise<void> {
  if (length === 0) return;
  const stream = createReadStream(path, length === undefined ? {} : { start: 0, end: length - 1 });
  for await (const chunk of stream) hasher.update(chunk as Buffer);
}

/** True when the file at `path` has `expected.size` bytes and hashes to `expected.hash`. */
export async function fileMatches(path: string, expected: ExpectedBlob): Promise<boolean> {
  const hasher = createBlobHasher(expected.algorithm, expected.size);
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    size += (chunk as Buffer).length;
    hasher.update(chunk as Buffer);
  }
  return size === expected.size && hasher.digest('hex') === expected.hash;
}
