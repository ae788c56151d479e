import { HubNotFoundError, HubUnreachableError, type ModelVariant } from '@llm-shield/core';
import { isCommitHash, type ModelRegistryEntry } from '../registry/model-entry.js';
import { variantFiles, type ModelRegistry, type ModelVariantFiles } from '../registry/model-registry.js';

/** The part a file plays in a model. */
export type FileRole = 'model' | 'tokenizer' | 'tokenizerConfig' | 'config';

/** What one pull gets: the registry entry, the variant's files, and the commit to use or the branch to resolve. */
export interface PullPlan {
  entry: ModelRegistryEntry;
  files: ModelVariantFiles;
  /** Commit to use directly, or the branch to resolve. */
  commit?: string;
  branch?: string;
  /** The registry pin, when it is unverified and a branch is resolved instead. */
  unverifiedPin?: string;
}

/**
 * Plans a pull: an explicit `revision` wins (a commit is used as is, anything else is a branch to resolve); else a
 * verified registry pin; else the pin's branch, remembering an unverified pin commit.
 *
 * @param registry - where model ids are looked up
 * @param model - registry id, repo id or entry
 * @param variant - the ONNX variant (default: the entry's first)
 * @param revision - commit, branch or tag instead of the registry pin
 */
export function planPull(registry: ModelRegistry, model: string | ModelRegistryEntry, variant: ModelVariant | undefined, revision: string | undefined): PullPlan {
  const entry = typeof model === 'string' ? registry.get(model) : model;
  const files = variantFiles(entry, variant);
  const pin = entry.revision;
  if (revision !== undefined) return isCommitHash(revision) ? { entry, files, commit: revision } : { entry, files, branch: revision };
  if (pin.status === 'verified' && pin.commit !== null) return { entry, files, commit: pin.commit };
  return { entry, files, branch: pin.branch, ...(pin.commit === null ? {} : { unverifiedPin: pin.commit }) };
}

/**
 * The repo paths of a variant's files by role; the tokenizer config only when the entry names one.
 *
 * @param files - the variant's files
 */
export function rolesOf(files: ModelVariantFiles): Map<FileRole, string> {
  const roles = new Map<FileRole, string>([
    ['model', files.model],
    ['tokenizer', files.tokenizer],
    ['config', files.config],
  ]);
  if (files.tokenizerConfig !== undefined) roles.set('tokenizerConfig', files.tokenizerConfig);
  return roles;
}

/**
 * Looks for the plan's model in the cache without any network access: at the plan's commit, else at the commit the
 * branch's ref names, then at the unverified pin; returns what `load` gives for the first commit it finds.
 *
 * @param p - the plan
 * @param readRef - reads the cached commit of a branch
 * @param load - the cached model at a commit, or `undefined` when it is not all there
 */
export async function findCachedCommit<R>(
  p: PullPlan,
  readRef: (branch: string) => Promise<string | undefined>,
  load: (commit: string) => Promise<R | undefined>,
): Promise<R | undefined> {
  const candidates = p.commit !== undefined ? [p.commit] : [await readRef(p.branch ?? 'main'), p.unverifiedPin];
  for (const commit of candidates) {
    if (commit === undefined) continue;
    const found = await load(commit);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The commit to pull: the plan's, else its branch resolved by the hub. When the hub is unreachable
 * and the cache holds the model, warns and returns the cached model instead; warns when an unverified registry pin
 * was passed over.
 *
 * @param p - the plan
 * @param resolveCommit - asks the hub for the commit of a branch
 * @param findCached - the cached model, for when the hub is unreachable
 * @param warning - receives warnings
 */
export async function resolvePlanCommit<C extends { commit: string }>(
  p: PullPlan,
  resolveCommit: (branch: string) => Promise<string>,
  findCached: () => Promise<C | undefined>,
  warning: (message: string) => void,
): Promise<string | C> {
  if (p.commit !== undefined) return p.commit;
  const branch = p.branch ?? 'main';
  let commit: string;
  try {
    commit = await resolveCommit(branch);
  } catch (error) {
    if (!HubUnreachableError.isInstance(error)) throw error;
    const cached = await findCached();
    if (!cached) throw error;
    warning(`The hub is unreachable (${error.message}); using the cached ${p.entry.repoId}@${branch} = ${cached.commit}.`);
    return cached;
  }
  if (p.unverifiedPin !== undefined) {
    warning(
      `The registry pin ${p.unverifiedPin} of ${p.entry.id} is unverified, so the head of "${branch}" is used: ${commit}` +
        `${commit === p.unverifiedPin ? ' (the same commit)' : ''}. ${p.entry.revision.source}`,
    );
  }
  return commit;
}

/**
 * Fetches each file of the plan the hub describes (in `remote`), in role order. An optional tokenizer config the
 * commit lacks is recorded absent through `markAbsent`; any other missing file raises `HubNotFoundError`.
 *
 * @param p - the plan
 * @param commit - the commit of `remote`
 * @param remote - the files of the commit the hub describes, by repo path
 * @param markAbsent - records that the commit lacks an optional file
 * @param fetchFile - makes one described file available
 */
export async function fetchPlannedFiles<R, F>(
  p: PullPlan,
  commit: string,
  remote: Map<string, R>,
  markAbsent: (repoPath: string) => Promise<void>,
  fetchFile: (file: R) => Promise<F>,
): Promise<Map<FileRole, F>> {
  const found = new Map<FileRole, F>();
  for (const [role, repoPath] of rolesOf(p.files)) {
    const file = remote.get(repoPath);
    if (!file) {
      if (role === 'tokenizerConfig') {
        await markAbsent(repoPath);
        continue;
      }
      throw new HubNotFoundError(
        `File ${repoPath} does not exist in ${p.entry.repoId}@${commit}` +
          `${role === 'model' ? ` (variant ${p.files.variant}): choose another variant or fix the registry entry` : ': fix the registry entry'}.`,
        { details: { repoId: p.entry.repoId, revision: commit, file: repoPath, variant: p.files.variant } },
      );
    }
    found.set(role, await fetchFile(file));
  }
  return found;
}
