import { repoFolderName } from '../cache-layout.js';

/**
 * Keys of the browser model cache, one commit's files immutable under their commit (as in Python's snapshots):
 * - `files/models--org--name/<commit>/<repo path>`: a verified file;
 * - `manifests/models--org--name/<commit>.json`: the {@link SnapshotManifest} of what is stored for that commit;
 * - `refs/models--org--name/<branch>`: the commit a branch resolved to last (for offline use of unpinned models).
 */
export const browserCacheKeys = {
  file: (repoId: string, commit: string, path: string) => `files/${repoFolderName(repoId)}/${commit}/${path}`,
  /** Prefix of every file of a repo, or of one commit. */
  files: (repoId: string, commit?: string) => `files/${repoFolderName(repoId)}/${commit === undefined ? '' : `${commit}/`}`,
  manifest: (repoId: string, commit: string) => `manifests/${repoFolderName(repoId)}/${commit}.json`,
  /** Prefix of the manifests of a repo (or of all repos). */
  manifests: (repoId?: string) => `manifests/${repoId === undefined ? '' : `${repoFolderName(repoId)}/`}`,
  ref: (repoId: string, branch: string) => `refs/${repoFolderName(repoId)}/${branch}`,
  refs: (repoId: string) => `refs/${repoFolderName(repoId)}/`,
} as const;

