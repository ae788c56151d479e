import type { CliIo } from '../cli-io.js';
import type { ModelsArgs } from './models-args.js';
import type { ModelsContext } from './models-context.js';
import { pulledModelJson } from './models-pull.js';

/**
 * `llm-shield models path MODEL [--variant V] [--revision R]`: prints the snapshot folder of the cached model (the
 * one scanners would load, found without network). Exit 0, or 1 with a message on stderr when it is not cached.
 */
export async function modelsPath(args: ModelsArgs, context: ModelsContext, io: CliIo): Promise<number> {
  const entry = context.registry.get(args.model ?? '');
  const cached = await context.hub.findCached(entry, {
    ...(args.variant === undefined ? {} : { variant: args.variant }),
    ...(args.revision === undefined ? {} : { revision: args.revision }),
  });
  if (!cached) {
    io.stderr.write(
      `${entry.id}${args.variant === undefined ? '' : ` (${args.variant})`} is not cached in ${context.settings.cacheDir}: ` +
        `run \`llm-shield models pull ${entry.id}${args.variant === undefined ? '' : ` --variant ${args.variant}`}\`.\n`,
    );
    return 1;
  }
  io.stdout.write(args.json ? `${JSON.stringify(pulledModelJson(cached), null, 2)}\n` : `${cached.snapshotDir}\n`);
  return 0;
}
