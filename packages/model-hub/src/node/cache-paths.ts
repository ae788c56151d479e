import { join } from 'node:path';
import { repoFolderName } from '../cache-layout.js';
import { assertRepoPath, isCommitHash } from '../registry/model-entry.js';

/** Paths of one repo inside a hub cache, in Python `huggingface_hub`'s layout. */
export interface RepoCachePaths {
  /** `<cache>/models--org--name`. */
  readonly root: string;
  /** `<root>/blobs/<hash>`: file contents, named by sha256 (LFS) or git blob sha1. */
  blob(hash: string): string;
  /** `<root>/refs/<name>`: a file holding the commit a branch or tag pointed to. */
  ref(name: string): string;
  /** `<root>/snapshots/<commit>`. */
  snapshot(commit: string): string;
  /** `<root>/snapshots/<commit>/<path>`: a relative symlink to the blob (a copy where symlinks fail). */
  snapshotFile(commit: string, path: string): string;
  /** `<root>/.no_exist/<commit>/<path>`: marks a file known to be absent from that commit. */
  noExist(commit: string, path: string): string;
  /** `<cache>/.locks/models--org--name/<hash>.llm-shield.lock`: our lock beside Python's `<hash>.lock`. */
  lock(hash: string): string;
  /** `<root>/.llm-shield/files/<commit>/<path>.json`: the size and hash llm-shield verified the file against. */
  fileRecord(commit: string, path: string): string;
  /** `<root>/trees/<commit>.json`: the commit's file listing as Python's `huggingface_hub` 2.x caches it. */
  pythonTree(commit: string): string;
}

/** The folder of llm-shield's own records inside a repo folder (Python's tools ignore it). */
export const RECORDS_FOLDER = '.llm-shield';

const HASH = /^[0-9a-f]{40}$|^[0-9a-f]{64}$/;

/** Raises unless `hash` is a 40-hex git sha1 or a 64-hex sha256, so it is safe as a file name. */
export function assertBlobHash(hash: string): string {
  if (!HASH.test(hash)) throw new TypeError(`${JSON.stringify(hash)} is not a blob hash (40 or 64 lowercase hex digits).`);
  return hash;
}

/** Raises unless `commit` is a 40-hex commit id, so it is safe as a file name. */
function assertCommit(commit: string): string {
  if (!isCommitHash(commit)) throw new TypeError(`${JSON.stringify(commit)} is not a commit id (40 lowercase hex digits).`);
  return commit;
}

/** Raises unless `name` is a ref name that stays inside `refs/` (branch or tag, `/` allowed, no `..`). */
export function assertRefName(name: string): string {
  if (isCommitHash(name)) return name;
  assertRepoPath(name);
  return name;
}

/** The cache paths of `repoId` under `cacheDir`. */
export function repoCachePaths(cacheDir: string, repoId: string): RepoCachePaths {
  const folder = repoFolderName(repoId);
  const root = join(cacheDir, folder);
  return {
    root,
    blob: (hash) => join(root, 'blobs', assertBlobHash(hash)),
    ref: (name) => join(root, 'refs', ...assertRefName(name).split('/')),
    snapshot: (commit) => join(root, 'snapshots', commit),
    snapshotFile: (commit, path) => join(root, 'snapshots', commit, ...assertRepoPath(path).split('/')),
    noExist: (commit, path) => join(root, '.no_exist', commit, ...assertRepoPath(path).split('/')),
    lock: (hash) => join(cacheDir, '.locks', folder, `${assertBlobHash(hash)}.llm-shield.lock`),
    fileRecord: (commit, path) => join(root, RECORDS_FOLDER, 'files', assertCommit(commit), ...`${assertRepoPath(path)}.json`.split('/')),
    pythonTree: (commit) => join(root, 'trees', `${assertCommit(commit)}.json`),
  };
}
