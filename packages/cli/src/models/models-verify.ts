import type { CliIo } from '../cli-io.js';
import type { ModelsArgs } from './models-args.js';
import type { ModelsContext } from './models-context.js';
import { formatBytes } from './format-bytes.js';
import { distinctRepos, resolveTargets } from './resolve-targets.js';
import { shortCommit } from './short-commit.js';
import { verifyCachedModel, type FileCheckStatus, type ModelVerification } from './verify-cached-model.js';

/**
 * `llm-shield models verify [MODEL]`: re-hashes every cached file of the model (or of every registry model) and
 * reports each as OK, CORRUPT, MISSING or UNCHECKED; a repo named by several entries is checked once. No network. Exit 1 when a file is corrupt or missing, else 0.
 */
export async function modelsVerify(args: ModelsArgs, context: ModelsContext, io: CliIo): Promise<number> {
  const results: ModelVerification[] = [];
  for (const entry of distinctRepos(resolveTargets(context.registry, args.model))) results.push(await verifyCachedModel(context.settings.cacheDir, entry));
  const counts: Record<FileCheckStatus, number> = { ok: 0, corrupt: 0, missing: 0, unchecked: 0 };
  for (const result of results) for (const file of result.files) counts[file.status]++;
  const damaged = counts.corrupt + counts.missing;
  if (args.json) {
    const models = results.map((r) => ({ model: r.entry.id, repoId: r.entry.repoId, root: r.root, present: r.present, files: r.files }));
    io.stdout.write(`${JSON.stringify({ cacheDir: context.settings.cacheDir, ok: damaged === 0, counts, models }, null, 2)}\n`);
    return damaged === 0 ? 0 : 1;
  }
  let out = '';
  for (const result of results) {
    if (!result.present) {
      if (args.model !== undefined) out += `${result.entry.id}: not cached\n`;
      continue;
    }
    out += `${result.entry.id} (${result.root})\n`;
    if (result.files.length === 0) out += '  no files\n';
    for (const file of result.files) {
      const where = file.commit === null ? 'unlinked' : shortCommit(file.commit);
      const size = file.size === undefined ? '' : `  ${formatBytes(file.size)}`;
      const note =
        file.status === 'corrupt'
          ? `  (does not hash to ${file.hash ?? '?'})`
          : file.status === 'missing'
            ? '  (its blob is gone)'
            : file.status === 'unchecked'
              ? '  (a copy that matches no blob: no hash to check against)'
              : '';
      out += `  ${file.status.toUpperCase().padEnd(9)} ${where.padEnd(8)} ${file.repoPath}${size}${note}\n`;
    }
    if (result.files.some((file) => file.status === 'corrupt' || file.status === 'missing')) {
      out += `  repair: llm-shield models pull ${result.entry.id} --verify   (or: llm-shield models remove ${result.entry.id})\n`;
    }
  }
  if (results.every((result) => !result.present)) out += 'Nothing of these models is cached.\n';
  out += `${counts.ok} ok, ${counts.corrupt} corrupt, ${counts.missing} missing, ${counts.unchecked} unchecked.\n`;
  io.stdout.write(out);
  return damaged === 0 ? 0 : 1;
}
