import { lstat, mkdir, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { ChecksumMismatchError, ModelUnavailableError, type ModelVariant } from '@llm-shield/core';
import type { HubSettings } from '../hub-environment.js';
import type { ProgressCallback, WarningCallback } from '../progress.js';
import type { ModelRegistryEntry } from '../registry/model-entry.js';
import { createModelRegistry, type ModelRegistry } from '../registry/model-registry.js';
import { fetchPlannedFiles, findCachedCommit, planPull, resolvePlanCommit, rolesOf, type FileRole, type PullPlan } from '../shared/pull-plan.js';
import { pulledModelFields, type PulledModelBase } from '../shared/pulled-model.js';
import { collectWarnings } from '../shared/warnings.js';
import { algorithmOfBlobName, fileMatches, type ExpectedBlob } from './blob-hash.js';
import { repoCachePaths, type RepoCachePaths } from './cache-paths.js';
import { readRef, writeRef } from './cache-refs.js';
import { downloadVerifiedBlob } from './download-blob.js';
import { acquireFileLock, type LockFileSystem } from './file-lock.js';
import { readExpectedFile, writeFileRecord } from './file-records.js';
import { cacheFileSystemError, errnoOf, isUnreadableCacheError, unreadableCacheWarning } from './file-system-errors.js';
import { remoteFiles, resolveCommit, resolveUrl, type RemoteFile } from './hub-api.js';
import { createHubHttp } from './hub-http.js';
import { resolveNodeHubSettings, type HubSettingsOverrides } from './node-settings.js';
import { linkSnapshotFile, type SnapshotLinkMode } from './snapshot-link.js';

/** How to reach the hub and the cache; every field has a default from the environment. */
export interface ModelHubOptions extends HubSettingsOverrides {
  /** The fetch to use (default `globalThis.fetch`); inject one for proxies or tests. */
  fetch?: typeof fetch;
  /** Models known by id (default: the built-ins, {@link createModelRegistry}). */
  registry?: ModelRegistry;
  /** Receives warnings (default: `process.emitWarning`). */
  onWarning?: WarningCallback;
  /** Extra attempts after network errors, 5xx and 429 (default 3). */
  retries?: number;
  /** First pause between attempts, doubled each time (default 500 ms). */
  retryDelayMs?: number;
  /** Further attempts, each resuming, after a transfer stops early (default 3). */
  resumeRetries?: number;
  /**
   * A download that gets no answer, or no byte of its body, for this long is interrupted and resumed (default:
   * `downloadTimeoutMs`, i.e. `HF_HUB_DOWNLOAD_TIMEOUT` seconds, else 10 000 ms).
   */
  stallTimeoutMs?: number;
  /**
   * A download lock of another host whose heartbeat is older than this is taken over (default 120 000 ms); a lock of
   * this host is taken over as soon as its process is gone, and never while it lives.
   */
  lockStaleMs?: number;
  /** File operations of the download locks, to inject faults (e.g. a full disk while a lock is written). */
  lockFileSystem?: Partial<LockFileSystem>;
  /**
   * Told when a download waits for another process's lock on the same file (default: nothing), e.g. `Waiting for
   * another download of onnx/model.onnx of org/name (process 123 on host): …`.
   */
  onWaiting?: (message: string) => void;
  /** `auto`: relative symlinks, copies where symlinks fail; `copy`: always copy (default `auto`). */
  links?: SnapshotLinkMode;
}

/** Options of one {@link ModelHub.pull}. */
export interface PullOptions {
  /** ONNX variant (default: the first the model has of fp32, fp16, int8, quantized). */
  variant?: ModelVariant;
  /** Commit, branch or tag to use instead of the registry pin. */
  revision?: string;
  /**
   * Re-hash files already in the cache against their hashes (default false: a cached file is trusted when its size
   * matches the size recorded when it was verified, or in Python's `trees/<commit>.json`).
   */
  verifyCached?: boolean;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
}

/** One file of a pulled model. */
export interface PulledFile {
  /** Path inside the repo, e.g. `onnx/model.onnx`. */
  repoPath: string;
  /** Path in the cache: `snapshots/<commit>/<repoPath>`. */
  path: string;
  /** Size in bytes. */
  size: number;
  /** True when this call downloaded it. */
  downloaded: boolean;
}

/** A model whose files are verified and in the cache. */
export interface PulledModel extends PulledModelBase<PulledFile> {
  cacheDir: string;
  /** `…/snapshots/<commit>`. */
  snapshotDir: string;
  /** `network` when the hub was asked, `cache` when the cache alone answered (offline, or hub unreachable). */
  resolvedFrom: 'network' | 'cache';
}

/** Gets, verifies and caches model files in Python `huggingface_hub`'s cache layout. */
export interface ModelHub {
  readonly settings: HubSettings;
  readonly registry: ModelRegistry;
  /**
   * Makes the files of `model` (registry id, repo id or entry) available in the cache and returns them. Uses the
   * cache alone when offline; downloads what is missing otherwise. Raises `ModelUnavailableError` (offline and not
   * cached), `HubUnreachableError`, `HubAuthRequiredError`, `HubNotFoundError`, `ChecksumMismatchError`,
   * `DiskFullError`, `TransferInterruptedError`, `AbortedError`, `InvalidConfigError` (unknown model or variant).
   */
  pull(model: string | ModelRegistryEntry, options?: PullOptions): Promise<PulledModel>;
  /**
   * The cached files of `model` without any network access, or `undefined` when they are not all cached. A file
   * whose size differs from the size recorded for it counts as not cached (with a warning); so does a cache that
   * cannot be read (EACCES, ENOTDIR where a folder should be…): `onWarning` then receives a message naming the path
   * and the system error code. Raises `ChecksumMismatchError` when `verifyCached` finds a damaged file.
   */
  findCached(model: string | ModelRegistryEntry, options?: Pick<PullOptions, 'variant' | 'revision' | 'verifyCached'>): Promise<PulledModel | undefined>;
}

/** A {@link PullPlan} with the repo's cache paths. */
interface Plan extends PullPlan {
  paths: RepoCachePaths;
}

/** Creates a {@link ModelHub}. */
export function createModelHub(options: ModelHubOptions = {}): ModelHub {
  const settings = resolveNodeHubSettings(options);
  const registry = options.registry ?? createModelRegistry();
  const warnOnce = options.onWarning ?? ((message: string) => process.emitWarning(message, { code: 'LLMS_MODEL_HUB' }));
  const warned = new Set<string>();
  /** Passes each distinct warning on once per hub (lookups of several variants hit the same damage). */
  const warn = (message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    warnOnce(message);
  };
  const http = createHubHttp({
    hubUrl: settings.hubUrl,
    timeoutMs: settings.etagTimeoutMs,
    ...(settings.token === undefined ? {} : { token: settings.token }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.retries === undefined ? {} : { retries: options.retries }),
    ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
  });

  function plan(model: string | ModelRegistryEntry, variant: ModelVariant | undefined, revision: string | undefined): Plan {
    const planned = planPull(registry, model, variant, revision);
    return { ...planned, paths: repoCachePaths(settings.cacheDir, planned.entry.repoId) };
  }

  async function findCached(model: string | ModelRegistryEntry, pullOptions: PullOptions = {}): Promise<PulledModel | undefined> {
    const p = plan(model, pullOptions.variant, pullOptions.revision);
    const what = `${p.entry.id} (${p.files.variant})`;
    try {
      return await findCachedCommit(
        p,
        (branch) => readRef(p.paths, branch),
        async (commit) => {
          const found = await cachedFiles(p, commit);
          if (!found) return undefined;
          if (pullOptions.verifyCached) await verifyCachedOffline(p, commit, found);
          return result(p, commit, found, 'cache', []);
        },
      );
    } catch (error) {
      if (!isUnreadableCacheError(error)) throw error;
      warn(unreadableCacheWarning(error, what, p.paths.root));
      return undefined;
    }
  }

  async function pull(model: string | ModelRegistryEntry, pullOptions: PullOptions = {}): Promise<PulledModel> {
    const p = plan(model, pullOptions.variant, pullOptions.revision);
    try {
      return await pullPlanned(p, pullOptions);
    } catch (error) {
      throw cacheFileSystemError(error, `saving ${p.entry.id} (${p.files.variant}) into the cache ${settings.cacheDir}`, settings.cacheDir) ?? error;
    }
  }

  async function pullPlanned(p: Plan, pullOptions: PullOptions): Promise<PulledModel> {
    const { warnings, warning } = collectWarnings(warn);
    if (settings.offline) {
      const cached = await findCached(p.entry, pullOptions);
      if (cached) return cached;
      throw new ModelUnavailableError(
        `Model ${p.entry.id} (${p.files.variant}) is not in the cache at ${settings.cacheDir} and HF_HUB_OFFLINE is set. ` +
          `Download it once while online (e.g. \`llm-shield models pull ${p.entry.id}\`), or unset HF_HUB_OFFLINE.`,
        { details: { modelId: p.entry.id, variant: p.files.variant, cacheDir: settings.cacheDir, offline: true } },
      );
    }
    const commit = await resolvePlanCommit(
      p,
      (branch) => resolveCommit(http, p.entry.repoId, branch, pullOptions.signal),
      () => findCached(p.entry, pullOptions),
      warning,
    );
    if (typeof commit !== 'string') return { ...commit, warnings };
    // A snapshot with a file of unknown size (written by Python, which records none) is checked against the hub's
    // sizes once (one paths-info request) and its records written, rather than taken as cached on existence alone.
    const lookup = pullOptions.verifyCached ? undefined : await cachedFilesOrWarn(p, commit);
    const cached = lookup?.unrecorded ? undefined : lookup?.found;
    const found = cached ?? (await download(p, commit, pullOptions));
    if (p.branch !== undefined) await writeRef(p.paths, p.branch, commit);
    return result(p, commit, found, 'network', warnings);
  }

  async function download(p: Plan, commit: string, pullOptions: PullOptions): Promise<Map<FileRole, PulledFile>> {
    const remote = await remoteFiles(http, p.entry.repoId, commit, [...rolesOf(p.files).values()], pullOptions.signal);
    return fetchPlannedFiles(
      p,
      commit,
      remote,
      (repoPath) => markAbsent(p.paths, commit, repoPath),
      (file) => fetchFile(p, commit, file, pullOptions),
    );
  }

  async function fetchFile(p: Plan, commit: string, file: RemoteFile, pullOptions: PullOptions): Promise<PulledFile> {
    const snapshotFile = p.paths.snapshotFile(commit, file.path);
    const blobPath = p.paths.blob(file.expected.hash);
    if (await holds(snapshotFile, file.expected, pullOptions.verifyCached)) {
      await writeFileRecord(p.paths, commit, file.path, file.expected);
      return { repoPath: file.path, path: snapshotFile, size: file.expected.size, downloaded: false };
    }
    let downloaded = false;
    await mkdir(dirname(blobPath), { recursive: true });
    if (!(await holds(blobPath, file.expected, pullOptions.verifyCached))) {
      const lock = await acquireFileLock(p.paths.lock(file.expected.hash), {
        ...(options.lockStaleMs === undefined ? {} : { staleMs: options.lockStaleMs }),
        ...(pullOptions.signal === undefined ? {} : { signal: pullOptions.signal }),
        ...(options.lockFileSystem === undefined ? {} : { fileSystem: options.lockFileSystem }),
        onWait: (owner) =>
          options.onWaiting?.(
            `Waiting for another download of ${file.path} of ${p.entry.repoId}` +
              `${owner === undefined ? '' : ` (process ${owner.pid} on ${owner.host})`}: it goes on once that one ends or its process is gone.`,
          ),
      });
      try {
        if (!(await holds(blobPath, file.expected, pullOptions.verifyCached))) {
          await rm(blobPath, { force: true });
          await downloadVerifiedBlob({
            http,
            url: resolveUrl(settings.hubUrl, p.entry.repoId, commit, file.path),
            context: { repoId: p.entry.repoId, revision: commit, file: file.path },
            blobPath,
            expected: file.expected,
            ...(pullOptions.onProgress === undefined ? {} : { onProgress: pullOptions.onProgress }),
            ...(pullOptions.signal === undefined ? {} : { signal: pullOptions.signal }),
            ...(options.resumeRetries === undefined ? {} : { resumeRetries: options.resumeRetries }),
            ...(options.retryDelayMs === undefined ? {} : { retryDelayMs: options.retryDelayMs }),
            stallTimeoutMs: options.stallTimeoutMs ?? settings.downloadTimeoutMs,
          });
          downloaded = true;
        }
      } finally {
        await lock.release();
      }
    }
    await linkSnapshotFile(blobPath, snapshotFile, options.links ?? 'auto');
    await writeFileRecord(p.paths, commit, file.path, file.expected);
    return { repoPath: file.path, path: snapshotFile, size: file.expected.size, downloaded };
  }

  /**
   * The snapshot's files when every required one is there (the optional tokenizer config may be marked absent) with
   * the size recorded for it, if any (a file of another size counts as missing, with a warning). Raises the read
   * errors other than ENOENT.
   */
  async function cachedFiles(p: Plan, commit: string): Promise<Map<FileRole, PulledFile> | undefined> {
    return (await cachedSnapshot(p, commit))?.found;
  }

  /** {@link cachedFiles}, and whether a file had no recorded size to check. */
  async function cachedSnapshot(p: Plan, commit: string): Promise<{ found: Map<FileRole, PulledFile>; unrecorded: boolean } | undefined> {
    const found = new Map<FileRole, PulledFile>();
    let unrecorded = false;
    for (const [role, repoPath] of rolesOf(p.files)) {
      const path = p.paths.snapshotFile(commit, repoPath);
      const size = await fileSize(path);
      if (size === undefined) {
        if (role !== 'tokenizerConfig' || !(await exists(p.paths.noExist(commit, repoPath)))) return undefined;
        continue;
      }
      const expected = await readExpectedFile(p.paths, commit, repoPath);
      if (expected !== undefined && expected.size !== size) {
        warn(
          `The cached ${repoPath} of ${p.entry.repoId}@${commit} has ${size} bytes, not the ${expected.size} it was verified with: ` +
            `it is treated as not cached (a pull downloads it again; \`llm-shield models verify\` checks the rest).`,
        );
        return undefined;
      }
      if (expected === undefined) unrecorded = true;
      found.set(role, { repoPath, path, size, downloaded: false });
    }
    return { found, unrecorded };
  }

  /** {@link cachedFiles}, with an unreadable cache taken as "not cached" and a warning (the download then says more). */
  async function cachedFilesOrWarn(p: Plan, commit: string): Promise<{ found: Map<FileRole, PulledFile>; unrecorded: boolean } | undefined> {
    try {
      return await cachedSnapshot(p, commit);
    } catch (error) {
      if (!isUnreadableCacheError(error)) throw error;
      warn(unreadableCacheWarning(error, `${p.entry.id} (${p.files.variant})`, p.paths.root));
      return undefined;
    }
  }

  /**
   * Re-hashes cached files against the hash recorded for them, else their blob name (copies without a record carry no
   * hash and are not checked).
   */
  async function verifyCachedOffline(p: Plan, commit: string, found: Map<FileRole, PulledFile>): Promise<void> {
    for (const file of found.values()) {
      const recorded = await readExpectedFile(p.paths, commit, file.repoPath);
      const target = recorded === undefined ? await linkTarget(file.path) : undefined;
      const hash = recorded?.hash ?? (target === undefined ? undefined : basename(target));
      if (hash === undefined || !/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(hash)) continue;
      const expected: ExpectedBlob = recorded ?? { hash, algorithm: algorithmOfBlobName(hash), size: file.size };
      if (!(await fileMatches(file.path, expected))) {
        throw new ChecksumMismatchError(
          `The cached ${file.repoPath} of ${p.entry.repoId}@${commit} does not match its hash ${hash}: the cache is damaged. ` +
            `Delete ${p.paths.snapshot(commit)} and ${p.paths.blob(hash)} and download the model again.`,
          { details: { repoId: p.entry.repoId, revision: commit, file: file.repoPath, path: file.path } },
        );
      }
    }
  }

  function result(p: Plan, commit: string, found: Map<FileRole, PulledFile>, resolvedFrom: 'network' | 'cache', warnings: string[]): PulledModel {
    const where = { cacheDir: settings.cacheDir, snapshotDir: p.paths.snapshot(commit) };
    return { ...pulledModelFields(p, commit, found, where), resolvedFrom, warnings };
  }

  return { settings, registry, pull, findCached };
}

/** True when `path` (followed through links) exists with the expected size, and hash when `verify`. */
async function holds(path: string, expected: ExpectedBlob, verify: boolean | undefined): Promise<boolean> {
  if ((await fileSize(path)) !== expected.size) return false;
  return verify ? fileMatches(path, expected) : true;
}

/** The size of the file at `path` (links followed); `undefined` when absent or not a file; raises other errors (EACCES…). */
async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT' || !isUnreadableCacheError(error)) return undefined;
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

async function linkTarget(path: string): Promise<string | undefined> {
  try {
    return await readlink(path);
  } catch {
    return undefined;
  }
}

/** Writes Python's `.no_exist/<commit>/<path>` marker for an optional file the commit lacks. */
async function markAbsent(paths: RepoCachePaths, commit: string, repoPath: string): Promise<void> {
  const marker = paths.noExist(commit, repoPath);
  await mkdir(dirname(marker), { recursive: true });
  await writeFile(marker, '');
}
