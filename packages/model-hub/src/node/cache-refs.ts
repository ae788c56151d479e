import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { isCommitHash } from '../registry/model-entry.js';
import type { RepoCachePaths } from './cache-paths.js';

/** The commit `refs/<name>` points to, or `undefined` when the ref is missing or does not hold a commit id. */
export async function readRef(paths: RepoCachePaths, name: string): Promise<string | undefined> {
  try {
    const commit = (await readFile(paths.ref(name), 'utf8')).trim();
    return isCommitHash(commit) ? commit : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Writes `refs/<name>` = `commit` (no newline, as Python writes it), atomically through a temporary file. */
export async function writeRef(paths: RepoCachePaths, name: string, commit: string): Promise<void> {
  if ((await readRef(paths, name)) === commit) return;
  const target = paths.ref(name);
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, commit);
    await rename(temporary, target);
  } finally {
    await rm(temporary, { force: true });
  }
}
