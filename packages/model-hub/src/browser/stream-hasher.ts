import { createSha256 } from './sha256.js';

/** How a file is verified: `sha256` (Git LFS files, the Hub's `lfs.oid`) or `git-sha1` (git blob id of small files). */
export type BrowserHashAlgorithm = 'sha256' | 'git-sha1';

/** What a file's bytes must match. */
export interface ExpectedFile {
  /** Size in bytes. */
  size: number;
  /** Lower-case hex digest. */
  hash: string;
  algorithm: BrowserHashAlgorithm;
}

/** Hashes a file as it streams. */
export interface StreamHasher {
  update(chunk: Uint8Array): void;
  /** The lower-case hex digest of all chunks. */
  digest(): Promise<string>;
}

/**
 * A hasher for `algorithm`: SHA-256 incrementally in JavaScript ({@link createSha256}), so large files are never held
 * whole for hashing; git blob SHA-1 (`sha1("blob <size>\0" + bytes)`) with WebCrypto over the buffered bytes, which the
 * Hub only uses for files stored in git (under 10 MB).
 */
export function createStreamHasher(algorithm: BrowserHashAlgorithm, size: number): StreamHasher {
  if (algorithm === 'sha256') {
    const sha = createSha256();
    return { update: (chunk) => sha.update(chunk), digest: async () => sha.hex() };
  }
  const chunks: Uint8Array[] = [new TextEncoder().encode(`blob ${size}\0`)];
  return {
    update: (chunk) => void chunks.push(chunk.slice()),
    async digest() {
      const whole = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        whole.set(chunk, offset);
        offset += chunk.length;
      }
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', whole));
      return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
    },
  };
}
