import type { CliIo } from '../cli-io.js';
import type { ModelsArgs } from './models-args.js';
import type { ModelsContext } from './models-context.js';
import { formatBytes } from './format-bytes.js';
import { removeCachedModel, type RemoveOutcome } from './remove-cached-model.js';

/** One line about a {@link RemoveOutcome}. */
export function formatRemoveOutcome(outcome: RemoveOutcome): string {
  switch (outcome.status) {
    case 'removed':
      return `removed ${outcome.entry.id}: ${outcome.root} (${formatBytes(outcome.bytesFreed)} freed)\n`;
    case 'absent':
      return `${outcome.entry.id} is not cached (${outcome.root} does not exist)\n`;
    case 'busy':
      return `kept ${outcome.root}: ${outcome.reason ?? 'in use'}; wait for the download to end, or pass --force\n`;
    case 'foreign':
      return `kept ${outcome.root}: ${outcome.reason ?? 'unexpected content'}; not a hub cache folder as llm-shield writes it (--force deletes it anyway)\n`;
  }
}

/**
 * `llm-shield models remove MODEL`: deletes `<cache>/models--org--name` of that registry model and nothing else.
 * Exit 0 when removed or not cached, 2 when it was kept (a download is running, or the folder holds other things).
 */
export async function modelsRemove(args: ModelsArgs, context: ModelsContext, io: CliIo): Promise<number> {
  const entry = context.registry.get(args.model ?? '');
  const outcome = await removeCachedModel(context.settings.cacheDir, entry, { force: args.force });
  const kept = outcome.status === 'busy' || outcome.status === 'foreign';
  if (args.json) {
    io.stdout.write(`${JSON.stringify({ model: entry.id, root: outcome.root, status: outcome.status, bytesFreed: outcome.bytesFreed, reason: outcome.reason ?? null }, null, 2)}\n`);
  } else if (kept) {
    io.stderr.write(`error: ${formatRemoveOutcome(outcome)}`);
  } else {
    io.stdout.write(formatRemoveOutcome(outcome));
  }
  return kept ? 2 : 0;
}
