import { HubUnreachableError } from '@llm-shield/core';
import { isCommitHash } from '../registry/model-entry.js';
import type { BrowserHubHttp } from './browser-hub-http.js';
import type { ExpectedFile } from './stream-hasher.js';

/**
 * The commit a revision (branch, tag or commit) points to: `GET /api/models/{repo}/revision/{rev}`, field `sha`.
 * A 40-hex revision is returned as is, without a request.
 */
export async function resolveBrowserCommit(http: BrowserHubHttp, repoId: string, revision: string, signal?: AbortSignal): Promise<string> {
  if (isCommitHash(revision)) return revision;
  const response = await http.request(`${http.hubUrl}/api/models/${repoId}/revision/${encodeURIComponent(revision)}`, {}, { repoId, revision }, signal);
  const info = (await readJson(response, repoId, revision)) as { sha?: unknown } | undefined;
  if (typeof info?.sha !== 'string' || !isCommitHash(info.sha)) {
    throw new HubUnreachableError(`The hub returned no commit id for ${repoId}@${revision}; the server may not be a Hugging Face Hub.`, {
      details: { repoId, revision },
    });
  }
  return info.sha;
}

/** A file of a commit as the hub describes it. */
export interface BrowserRemoteFile {
  path: string;
  /** Size and hash the bytes must match: the LFS sha256 for LFS files, the git blob sha1 for the others. */
  expected: ExpectedFile;
}

interface PathInfo {
  type?: string;
  path?: string;
  oid?: string;
  size?: number;
  lfs?: { oid?: string; size?: number } | null;
}

/**
 * Sizes and hashes of `paths` at `commit`: `POST /api/models/{repo}/paths-info/{commit}` with a JSON body, as
 * `@huggingface/hub` sends it. Paths the commit lacks are absent from the map.
 */
export async function browserRemoteFiles(
  http: BrowserHubHttp,
  repoId: string,
  commit: string,
  paths: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, BrowserRemoteFile>> {
  const response = await http.request(
    `${http.hubUrl}/api/models/${repoId}/paths-info/${encodeURIComponent(commit)}`,
    { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ paths, expand: false }) },
    { repoId, revision: commit },
    signal,
  );
  const infos = await readJson(response, repoId, commit);
  const files = new Map<string, BrowserRemoteFile>();
  for (const info of Array.isArray(infos) ? (infos as PathInfo[]) : []) {
    if (info?.type !== 'file' || typeof info.path !== 'string' || !paths.includes(info.path)) continue;
    const lfs = info.lfs !== undefined && info.lfs !== null;
    const hash = (lfs ? info.lfs?.oid : info.oid)?.toLowerCase();
    const size = lfs ? info.lfs?.size : info.size;
    const valid = hash !== undefined && (lfs ? /^[0-9a-f]{64}$/ : /^[0-9a-f]{40}$/).test(hash);
    if (!valid || typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
      throw new HubUnreachableError(`The hub described ${info.path} of ${repoId}@${commit} without a usable hash or size.`, {
        details: { repoId, revision: commit, file: info.path },
      });
    }
    files.set(info.path, { path: info.path, expected: { hash, size, algorithm: lfs ? 'sha256' : 'git-sha1' } });
  }
  return files;
}

/** The URL of a file's bytes: `{hub}/{repo}/resolve/{commit}/{path}` (LFS files redirect to a CDN). */
export function browserResolveUrl(hubUrl: string, repoId: string, revision: string, path: string): string {
  return `${hubUrl}/${repoId}/resolve/${encodeURIComponent(revision)}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

async function readJson(response: Response, repoId: string, revision: string): Promise<unknown> {
  try {
    return await response.json();
  } catch (cause) {
    throw new HubUnreachableError(`The hub answered ${repoId}@${revision} with something that is not JSON; the server may not be a Hugging Face Hub.`, {
      cause,
      details: { repoId, revision },
    });
  }
}
