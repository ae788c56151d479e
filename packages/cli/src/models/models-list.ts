import { MODEL_VARIANTS } from '@llm-shield/model-hub';
import type { CliIo } from '../cli-io.js';
import { formatTable } from '../text-table.js';
import type { ModelsArgs } from './models-args.js';
import type { ModelsContext } from './models-context.js';
import { inspectCachedModel, type CachedModelInfo } from './cache-inventory.js';
import { formatBytes } from './format-bytes.js';
import { resolveTargets } from './resolve-targets.js';
import { shortCommit } from './short-commit.js';

/**
 * `llm-shield models list [MODEL]`: the registry (id, repo, pin, variants, approximate download size, license) and
 * what the cache holds of each model (snapshots, their complete variants, refs, size on disk). No network. Exit 0.
 */
export async function modelsList(args: ModelsArgs, context: ModelsContext, io: CliIo): Promise<number> {
  const infos: CachedModelInfo[] = [];
  for (const entry of resolveTargets(context.registry, args.model)) infos.push(await inspectCachedModel(context.hub, entry));
  const { cacheDir, hubUrl, offline } = context.settings;
  if (args.json) {
    const models = infos.map((info) => ({
      id: info.entry.id,
      repoId: info.entry.repoId,
      task: info.entry.task,
      scanners: info.entry.scanners,
      license: info.entry.license,
      revision: info.entry.revision,
      variants: Object.fromEntries(
        MODEL_VARIANTS.filter((v) => info.entry.files.onnx[v] !== undefined).map((v) => [
          v,
          { file: info.entry.files.onnx[v], approxSizeBytes: info.entry.approxSizeBytes[v] ?? null },
        ]),
      ),
      cached: { present: info.present, root: info.root, bytesOnDisk: info.bytesOnDisk, refs: info.refs, snapshots: info.snapshots, usable: info.usable, incomplete: info.incomplete },
    }));
    io.stdout.write(`${JSON.stringify({ cacheDir, hubUrl, offline, models }, null, 2)}\n`);
    return 0;
  }
  const rows = [['MODEL', 'REPO', 'PIN', 'VARIANTS', 'DOWNLOAD', 'LICENSE', 'CACHED']];
  for (const info of infos) {
    const { entry } = info;
    const variants = MODEL_VARIANTS.filter((v) => entry.files.onnx[v] !== undefined);
    const first = variants[0];
    const approx = first === undefined ? undefined : entry.approxSizeBytes[first];
    const usable = Object.entries(info.usable);
    rows.push([
      entry.id,
      entry.repoId,
      `${shortCommit(entry.revision.commit)} (${entry.revision.status})`,
      variants.join(','),
      approx === undefined ? '?' : `~${formatBytes(approx)}`,
      entry.license,
      usable.length === 0 ? (info.present ? 'partial' : 'no') : `${usable.map(([v]) => v).join(',')} ${formatBytes(info.bytesOnDisk)}`,
    ]);
  }
  let out = `Cache: ${cacheDir}${offline ? ' (offline)' : ''}\nHub:   ${hubUrl}\n\n${formatTable(rows, rows[0]?.map(() => 'left' as const))}\n`;
  for (const info of infos.filter((i) => i.present)) {
    out += `\n${info.entry.id}: ${formatBytes(info.bytesOnDisk)} in ${info.root}\n`;
    if (info.snapshots.length === 0) out += '  no snapshot\n';
    for (const snapshot of info.snapshots) {
      const used = Object.entries(info.usable)
        .filter(([, commit]) => commit === snapshot.commit)
        .map(([variant]) => variant);
      const refs = snapshot.refs.length === 0 ? '' : `  refs: ${snapshot.refs.join(', ')}`;
      const inUse = used.length === 0 ? '' : `  (used for ${used.join(', ')})`;
      out += `  ${snapshot.commit}  ${snapshot.variants.length === 0 ? 'incomplete' : snapshot.variants.join(', ')}${refs}${inUse}\n`;
    }
    if (info.incomplete.length > 0) out += `  ${info.incomplete.length} partial download(s): \`llm-shield models clean\` deletes them\n`;
  }
  io.stdout.write(out);
  return 0;
}
