import type { CliIo } from '../cli-io.js';
import type { ModelsArgs } from './models-args.js';
import type { ModelsContext } from './models-context.js';
import { cleanCache } from './clean-cache.js';
import { formatBytes } from './format-bytes.js';
import { formatRemoveOutcome } from './models-remove.js';

/**
 * `llm-shield models clean [--all] [--force]`: deletes the partial downloads of registry models and stale
 * llm-shield lock files; with `--all`, the folder of every registry model too. Exit 0, or 2 when `--all` had to keep
 * a folder.
 */
export async function modelsClean(args: ModelsArgs, context: ModelsContext, io: CliIo): Promise<number> {
  const report = await cleanCache(context.settings.cacheDir, context.registry.list(), { all: args.all, force: args.force });
  const kept = report.folders.filter((folder) => folder.status === 'busy' || folder.status === 'foreign');
  if (args.json) {
    const folders = report.folders.map((f) => ({ model: f.entry.id, root: f.root, status: f.status, bytesFreed: f.bytesFreed, reason: f.reason ?? null }));
    io.stdout.write(`${JSON.stringify({ cacheDir: context.settings.cacheDir, items: report.items, folders }, null, 2)}\n`);
    return kept.length > 0 ? 2 : 0;
  }
  let out = '';
  for (const item of report.items) {
    const what = item.kind === 'incomplete' ? 'partial download' : 'stale lock';
    const why = item.status === 'in-use' ? ' (kept: a download holds its lock)' : item.status === 'recent' ? ' (kept: written in the last minute; --force deletes it)' : '';
    out += `${item.status === 'removed' ? 'removed' : 'kept'} ${what} ${item.path}${why}\n`;
  }
  for (const folder of report.folders) out += formatRemoveOutcome(folder);
  const freed =
    report.items.filter((i) => i.status === 'removed' && i.kind === 'incomplete').reduce((sum, i) => sum + i.bytes, 0) +
    report.folders.reduce((sum, f) => sum + f.bytesFreed, 0);
  out += report.items.length === 0 && report.folders.length === 0 ? 'Nothing to clean.\n' : `${formatBytes(freed)} freed.\n`;
  io.stdout.write(out);
  return kept.length > 0 ? 2 : 0;
}
