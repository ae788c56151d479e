import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { algorithmOfBlobName, type ExpectedBlob } from './blob-hash.js';
import { assertBlobHash, type RepoCachePaths } from './cache-paths.js';
import { errnoOf } from './file-system-errors.js';

/**
 * Records, after a file was verified and linked, the size and hash it was verified against, in
 * `<root>/.llm-shield/files/<commit>/<path>.json` (written atomically). Lookups compare the cached file's size with it
 * every time and `verifyCached` its hash, also for snapshot copies, which carry no blob name.
 *
 * @param paths - the repo's cache paths
 * @param commit - the snapshot's commit
 * @param repoPath - the file's path in the repo
 * @param expected - what the file was verified against
 */
export async function writeFileRecord(paths: RepoCachePaths, commit: string, repoPath: string, expected: ExpectedBlob): Promise<void> {
  const target = paths.fileRecord(commit, repoPath);
  const content = JSON.stringify({ hash: expected.hash, algorithm: expected.algorithm, size: expected.size });
  if ((await readFile(target, 'utf8').catch(() => undefined)) === content) return;
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * What a cached file must match, when the cache says: llm-shield's record ({@link writeFileRecord}), else the
 * commit's listing that Python's `huggingface_hub` 2.x keeps in `trees/<commit>.json` (`lfs_size`/`lfs_sha256` for
 * LFS files, `size`/`blob_id` for the others); `undefined` when neither knows the file. A missing or malformed record
 * counts as none; other read errors (EACCES, ENOTDIR…) are raised for the caller to judge.
 *
 * @param paths - the repo's cache paths
 * @param commit - the snapshot's commit
 * @param repoPath - the file's path in the repo
 */
export async function readExpectedFile(paths: RepoCachePaths, commit: string, repoPath: string): Promise<ExpectedBlob | undefined> {
  const ours = await readJson(paths.fileRecord(commit, repoPath));
  const fromRecord = expectedOf(ours?.['hash'], ours?.['size']);
  if (fromRecord) return fromRecord;
  const tree = await readJson(paths.pythonTree(commit));
  if (tree?.['format_version'] !== 1) return undefined;
  const files = tree['files'];
  const entry = typeof files === 'object' && files !== null ? (files as Record<string, Record<string, unknown> | undefined>)[repoPath] : undefined;
  if (entry === undefined) return undefined;
  const lfs = typeof entry['lfs_sha256'] === 'string';
  return expectedOf(lfs ? entry['lfs_sha256'] : entry['blob_id'], lfs ? (entry['lfs_size'] ?? entry['size']) : entry['size']);
}

function expectedOf(hash: unknown, size: unknown): ExpectedBlob | undefined {
  if (typeof hash !== 'string' || typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return undefined;
  try {
    const name = assertBlobHash(hash.toLowerCase());
    return { hash: name, algorithm: algorithmOfBlobName(name), size };
  } catch {
    return undefined;
  }
}

async function readJson(path: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
