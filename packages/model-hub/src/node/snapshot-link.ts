import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, symlink } from 'node:fs/promises';
import { dirname, relative } from 'node:path';

/** How snapshot files point at blobs. */
export type SnapshotLinkMode = 'auto' | 'copy';

/**
 * Makes `snapshotFile` a relative symlink to `blobPath` (`../../blobs/<hash>`, deeper for nested paths), as Python's
 * `huggingface_hub` does, replacing whatever is there atomically (temporary name, then rename). When symlinks are
 * not possible (Windows without developer mode, some network file systems) or `mode` is `copy`, the blob is copied
 * instead; the blob stays, so other snapshots can still share it. Returns how the file was made.
 */
export async function linkSnapshotFile(blobPath: string, snapshotFile: string, mode: SnapshotLinkMode = 'auto'): Promise<'symlink' | 'copy'> {
  await mkdir(dirname(snapshotFile), { recursive: true });
  const temporary = `${snapshotFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    if (mode === 'auto') {
      try {
        await symlink(relative(dirname(snapshotFile), blobPath), temporary);
        await rename(temporary, snapshotFile);
        return 'symlink';
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EINVAL' && code !== 'EACCES' && code !== 'ENOSYS') throw error;
        await rm(temporary, { force: true });
      }
    }
    await copyFile(blobPath, temporary);
    await rename(temporary, snapshotFile);
    return 'copy';
  } finally {
    await rm(temporary, { force: true });
  }
}
