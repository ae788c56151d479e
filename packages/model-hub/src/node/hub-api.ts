import { HubUnreachableError } from '@llm-shield/core';
import { isCommitHash } from '../registry/model-entry.js';
import { assertBlobHash } from './cache-paths.js';
import type { ExpectedBlob } from './blob-hash.js';
import type { HubHttp } from './hub-http.js';

/**
 * `@huggingface/hub`, imported on the first request: it (and the hashing/xet modules it pulls in, ~0.4 MB of
 * JavaScript) is only needed to pull a model, not to start `createShield()` or `llm-shield scan` on embedded models.
 */
let hubClient: Promise<typeof import('@huggingface/hub')> | undefined;
function loadHubClient(): Promise<typeof import('@huggingface/hub')> {
  hubClient ??= import('@huggingface/hub');
  return hubClient;
}

/**
 * The commit a revision (branch, tag or commit) points to, from `GET /api/models/{repo}/revision/{rev}` through
 * `@huggingface/hub`'s `modelInfo`. A 40-hex revision is returned as is, without a request.
 */
export async function resolveCommit(http: HubHttp, repoId: string, revision: string, signal?: AbortSignal): Promise<string> {
  if (isCommitHash(revision)) return revision;
  const { modelInfo } = await loadHubClient();
  const info = await modelInfo({
    name: repoId,
    revision,
    hubUrl: http.hubUrl,
    additionalFields: ['sha'],
    fetch: http.asFetch({ repoId, revision }, signal),
  });
  if (typeof info.sha !== 'string' || !isCommitHash(info.sha)) {
    throw new HubUnreachableError(`The hub returned no commit id for ${repoId}@${revision}; the server may not be a Hugging Face Hub.`, {
      details: { repoId, revision },
    });
  }
  return info.sha;
}

/** A file of a commit as the hub describes it. */
export interface RemoteFile {
  path: string;
  /** What the bytes must match; `hash` is the blob's name in the cache. */
  expected: ExpectedBlob;
  /** True for LFS files (sha256 verified), false for git-stored ones (git blob sha1 verified). */
  lfs: boolean;
}

/**
 * Sizes and hashes of `paths` at `commit`, from `POST /api/models/{repo}/paths-info/{commit}` through
 * `@huggingface/hub`'s `pathsInfo`. Paths the commit lacks are absent from the map.
 */
export async function remoteFiles(
  http: HubHttp,
  repoId: string,
  commit: string,
  paths: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, RemoteFile>> {
  const { pathsInfo } = await loadHubClient();
  const infos = await pathsInfo({
    repo: { type: 'model', name: repoId },
    paths: [...paths],
    revision: commit,
    hubUrl: http.hubUrl,
    fetch: http.asFetch({ repoId, revision: commit }, signal),
  });
  const files = new Map<string, RemoteFile>();
  for (const info of infos) {
    if (info.type !== 'file' || !paths.includes(info.path)) continue;
    const lfs = info.lfs !== undefined && info.lfs !== null;
    const hash = (lfs ? info.lfs?.oid : info.oid)?.toLowerCase();
    const size = lfs ? info.lfs?.size : info.size;
    try {
      if (hash === undefined || typeof size !== 'number') throw new TypeError('missing oid or size');
      assertBlobHash(hash);
    } catch (cause) {
      throw new HubUnreachableError(`The hub described ${info.path} of ${repoId}@${commit} without a usable hash or size.`, {
        cause,
        details: { repoId, revision: commit, file: info.path },
      });
    }
    files.set(info.path, { path: info.path, lfs, expected: { hash, size, algorithm: lfs ? 'sha256' : 'git-sha1' } });
  }
  return files;
}

/** The URL of a file's bytes: `{hub}/{repo}/resolve/{commit}/{path}` (LFS files redirect to a CDN). */
export function resolveUrl(hubUrl: string, repoId: string, revision: string, path: string): string {
  return `${hubUrl}/${repoId}/resolve/${encodeURIComponent(revision)}/${path.split('/').map(encodeURIComponent).join('/')}`;
}
