import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { ModelVariant } from '@llm-shield/core';
import { isCommitHash, MODEL_VARIANTS, repoCachePaths, type ModelHub, type ModelRegistryEntry } from '@llm-shield/model-hub/node';

/** One `snapshots/<commit>` folder of a cached model. */
export interface CachedSnapshot {
  commit: string;
  /** Refs (`main`, tags…) that point to this commit. */
  refs: string[];
  /** Variants whose ONNX graph, tokenizer and config are all in this snapshot. */
  variants: ModelVariant[];
}

/** What the cache holds of one registry model. */
export interface CachedModelInfo {
  entry: ModelRegistryEntry;
  /** `<cache>/models--org--name`. */
  root: string;
  /** True when the folder exists. */
  present: boolean;
  /** `refs/<name>` → commit. */
  refs: Record<string, string>;
  snapshots: CachedSnapshot[];
  /** Variant → commit the scanners would load now, without network (the pin, or the ref of an unverified pin). */
  usable: Partial<Record<ModelVariant, string>>;
  /** Bytes of the folder's regular files (blobs, copies, partials), symlinks not followed: the space it takes. */
  bytesOnDisk: number;
  /** `blobs/*.incomplete` leftovers, relative to `root`. */
  incomplete: string[];
}

/**
 * Looks at what the cache holds of `entry`: refs, snapshots and their complete variants, what `findCached` would
 * use, the space the folder takes and its partial downloads. Touches no network and changes nothing.
 */
export async function inspectCachedModel(hub: ModelHub, entry: ModelRegistryEntry): Promise<CachedModelInfo> {
  const paths = repoCachePaths(hub.settings.cacheDir, entry.repoId);
  const present = await isDirectory(paths.root);
  const info: CachedModelInfo = { entry, root: paths.root, present, refs: {}, snapshots: [], usable: {}, bytesOnDisk: 0, incomplete: [] };
  if (!present) return info;
  for (const ref of await listFiles(join(paths.root, 'refs'))) {
    const commit = (await readFile(join(paths.root, 'refs', ref), 'utf8').catch(() => '')).trim();
    if (isCommitHash(commit)) info.refs[ref.split(sep).join('/')] = commit;
  }
  const commits = (await readdir(join(paths.root, 'snapshots')).catch(() => [] as string[])).filter(isCommitHash).sort();
  for (const commit of commits) {
    const variants: ModelVariant[] = [];
    for (const variant of MODEL_VARIANTS) {
      const model = entry.files.onnx[variant];
      if (model === undefined) continue;
      const needed = [model, entry.files.tokenizer, entry.files.config];
      if ((await Promise.all(needed.map((file) => isFile(paths.snapshotFile(commit, file))))).every(Boolean)) variants.push(variant);
    }
    const refs = Object.entries(info.refs)
      .filter(([, target]) => target === commit)
      .map(([name]) => name);
    info.snapshots.push({ commit, refs, variants });
  }
  for (const variant of MODEL_VARIANTS) {
    if (entry.files.onnx[variant] === undefined) continue;
    const cached = await hub.findCached(entry, { variant });
    if (cached) info.usable[variant] = cached.commit;
  }
  for (const file of await listFiles(paths.root)) {
    const stats = await lstat(join(paths.root, file)).catch(() => undefined);
    if (stats?.isFile()) info.bytesOnDisk += stats.size;
    if (file.startsWith(`blobs${sep}`) && file.endsWith('.incomplete')) info.incomplete.push(file.split(sep).join('/'));
  }
  return info;
}

/** Every file or symlink under `dir` (not folders), relative to it; `[]` when `dir` is missing. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  async function walk(current: string): Promise<void> {
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const item of entries) {
      const full = join(current, item.name);
      if (item.isDirectory()) await walk(full);
      else out.push(relative(dir, full));
    }
  }
  await walk(dir);
  return out.sort();
}

async function isDirectory(path: string): Promise<boolean> {
  return (await lstat(path).catch(() => undefined))?.isDirectory() ?? false;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}
