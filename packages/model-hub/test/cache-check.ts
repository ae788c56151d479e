import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every path under `dir` (files and symlinks, not folders), relative, `/`-separated, sorted. */
export async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(current: string) {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else out.push(relative(dir, full).split('\\').join('/'));
    }
  }
  await walk(dir);
  return out.sort();
}

function blobName(bytes: Uint8Array, name: string): string {
  return name.length === 64
    ? createHash('sha256').update(bytes).digest('hex')
    : createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/**
 * The cache holds no corrupt entry: every blob hashes to its name, every snapshot file reads as a verified blob,
 * and no lock is left. Returns the `.incomplete` files (partials kept for resuming), which the caller judges.
 */
export async function checkCache(repoDir: string): Promise<{ incomplete: string[]; blobs: string[]; snapshotFiles: string[] }> {
  const tree = await listTree(repoDir);
  const incomplete = tree.filter((path) => path.endsWith('.incomplete'));
  const blobs = tree.filter((path) => path.startsWith('blobs/') && !path.endsWith('.incomplete'));
  for (const blob of blobs) {
    const name = blob.slice('blobs/'.length);
    const bytes = await readFile(join(repoDir, blob));
    if (blobName(bytes, name) !== name) throw new Error(`corrupt blob ${blob}`);
  }
  const snapshotFiles = tree.filter((path) => path.startsWith('snapshots/'));
  for (const file of snapshotFiles) {
    const info = await stat(join(repoDir, file)); // follows the symlink: it must resolve
    if (!info.isFile()) throw new Error(`snapshot entry ${file} is not a file`);
  }
  return { incomplete, blobs, snapshotFiles };
}
