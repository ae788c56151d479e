import { HubUnreachableError } from '@llm-shield/core';
import { readRef, repoCachePaths, resolveCommit, type HubHttp, type HubSettings, type ModelRegistryEntry } from '@llm-shield/model-hub/node';

/**
 * How a model's pin compares with its branch head on the hub:
 * - `up-to-date`: the pin is the head;
 * - `behind`: the head moved past the pin (or elsewhere: the hub does not say which without history);
 * - `unpinned`: the entry has no commit and follows the branch.
 */
export type RevisionStatus = 'up-to-date' | 'behind' | 'unpinned';

/** The answer of {@link checkModelRevision}. */
export interface RevisionCheck {
  entry: ModelRegistryEntry;
  branch: string;
  /** The registry pin (`null` when none). */
  pinned: string | null;
  pinStatus: 'verified' | 'unverified';
  /** The commit the branch points to on the hub now. */
  head: string;
  /** What `refs/<branch>` of the cache holds (the head seen by the last pull), if anything. */
  cached?: string;
  status: RevisionStatus;
  /** True when the cache holds no snapshot of the head yet (`refs/<branch>` differs from it). */
  cacheBehind: boolean;
}

/**
 * Asks the hub for the head of `entry`'s branch (`GET /api/models/{repo}/revision/{branch}`) and compares it with
 * the pin and with the cache's `refs/<branch>`. Needs the network: raises {@link HubUnreachableError} when offline
 * mode is on, and the typed hub errors otherwise.
 */
export async function checkModelRevision(http: HubHttp, settings: HubSettings, entry: ModelRegistryEntry, signal?: AbortSignal): Promise<RevisionCheck> {
  if (settings.offline) {
    throw new HubUnreachableError(
      'Checking for newer model revisions needs the hub, but offline mode is on (HF_HUB_OFFLINE or --offline). ' +
        'Unset HF_HUB_OFFLINE (or drop --offline) on a machine that can reach the hub.',
      { details: { offline: true, modelId: entry.id } },
    );
  }
  const branch = entry.revision.branch;
  const head = await resolveCommit(http, entry.repoId, branch, signal);
  const cached = await readRef(repoCachePaths(settings.cacheDir, entry.repoId), branch);
  const pinned = entry.revision.commit;
  return {
    entry,
    branch,
    pinned,
    pinStatus: entry.revision.status,
    head,
    ...(cached === undefined ? {} : { cached }),
    status: pinned === null ? 'unpinned' : pinned === head ? 'up-to-date' : 'behind',
    cacheBehind: cached !== head,
  };
}
