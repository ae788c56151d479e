import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { algorithmOfBlobName, fileMatches, isCommitHash, repoCachePaths, type ModelRegistryEntry } from '@llm-shield/model-hub/node';
import { listFiles } from './cache-inventory.js';

/**
 * Result of re-hashing one cached file:
 * - `ok`: its bytes hash to the blob name (sha256 for LFS files, git blob sha1 for the others);
 * - `corrupt`: they do not;
 * - `missing`: a snapshot link points at a blob that is gone;
 * - `unchecked`: a copied snapshot file that matches no blob of the cache, so no hash is known to compare with.
 */
export type FileCheckStatus = 'ok' | 'corrupt' | 'missing' | 'unchecked';

/** One checked file. */
export interface FileCheck {
  /** Snapshot commit, or `null` for a blob no snapshot links to. */
  commit: string | null;
  /** Path inside the repo (`onnx/model.onnx`), or `blobs/<hash>` for an unlinked blob. */
  repoPath: string;
  /** The file in the cache. */
  path: string;
  status: FileCheckStatus;
  /** The blob name the bytes must hash to, when known. */
  hash?: string;
  size?: number;
}

/** The checks of one model's cache folder. */
export interface ModelVerification {
  entry: ModelRegistryEntry;
  root: string;
  /** False when nothing of the model is cached. */
  present: boolean;
  files: FileCheck[];
}

const BLOB_NAME = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

/**
 * Re-hashes everything the cache holds of `entry`: each snapshot file through the blob it links to, copies against
 * the blob they match, and the blobs no snapshot links to (a later pull would link them without re-hashing). Each
 * blob is hashed once. Changes nothing.
 */
export async function verifyCachedModel(cacheDir: string, entry: ModelRegistryEntry): Promise<ModelVerification> {
  const paths = repoCachePaths(cacheDir, entry.repoId);
  const blobsDir = join(paths.root, 'blobs');
  const result: ModelVerification = { entry, root: paths.root, present: (await lstat(paths.root).catch(() => undefined))?.isDirectory() ?? false, files: [] };
  if (!result.present) return result;
  const blobStatus = new Map<string, FileCheck['status']>();
  const checkBlob = async (hash: string): Promise<FileCheck['status']> => {
    let status = blobStatus.get(hash);
    if (status === undefined) {
      const path = join(blobsDir, hash);
      const info = await stat(path).catch(() => undefined);
      status = !info?.isFile() ? 'missing' : (await fileMatches(path, { hash, algorithm: algorithmOfBlobName(hash), size: info.size })) ? 'ok' : 'corrupt';
      blobStatus.set(hash, status);
    }
    return status;
  };
  const blobs = (await readdir(blobsDir).catch(() => [] as string[])).filter((name) => BLOB_NAME.test(name)).sort();
  const snapshotsDir = join(paths.root, 'snapshots');
  const commits = (await readdir(snapshotsDir).catch(() => [] as string[])).filter(isCommitHash).sort();
  for (const commit of commits) {
    for (const file of await listFiles(join(snapshotsDir, commit))) {
      const path = join(snapshotsDir, commit, file);
      const repoPath = file.split(sep).join('/');
      const info = await lstat(path);
      if (info.isSymbolicLink()) {
        const target = resolve(dirname(path), await readlink(path));
        const hash = basename(target);
        const inBlobs = relative(blobsDir, target) === hash && BLOB_NAME.test(hash);
        if (!inBlobs) {
          const exists = await stat(path).catch(() => undefined);
          result.files.push({ commit, repoPath, path, status: exists ? 'unchecked' : 'missing' });
          continue;
        }
        const size = (await stat(target).catch(() => undefined))?.size;
        result.files.push({ commit, repoPath, path, status: await checkBlob(hash), hash, ...(size === undefined ? {} : { size }) });
      } else if (info.isFile()) {
        const { sha256, gitSha1 } = await hashBoth(path, info.size);
        const hash = [sha256, gitSha1].find((candidate) => blobs.includes(candidate));
        const matched = hash === undefined ? undefined : await checkBlob(hash);
        result.files.push({
          commit,
          repoPath,
          path,
          status: matched === 'ok' ? 'ok' : 'unchecked',
          ...(hash === undefined ? {} : { hash }),
          size: info.size,
        });
      }
    }
  }
  for (const hash of blobs) {
    if (blobStatus.has(hash)) continue;
    const path = join(blobsDir, hash);
    const status = await checkBlob(hash);
    const size = (await stat(path).catch(() => undefined))?.size;
    result.files.push({ commit: null, repoPath: `blobs/${hash}`, path, status, hash, ...(size === undefined ? {} : { size }) });
  }
  return result;
}

/** Both names a file could have as a blob: sha256 (LFS) and git blob sha1. */
async function hashBoth(path: string, size: number): Promise<{ sha256: string; gitSha1: string }> {
  const sha256 = createHash('sha256');
  const gitSha1 = createHash('sha1').update(`blob ${size}\0`);
  for await (const chunk of createReadStream(path)) {
    sha256.update(chunk as Buffer);
    gitSha1.update(chunk as Buffer);
  }
  return { sha256: sha256.digest('hex'), gitSha1: gitSha1.digest('hex') };
}

