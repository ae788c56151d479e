import { LlmShieldError } from '@llm-shield/core';
import { cacheFileSystemError } from '@llm-shield/model-hub/node';
import type { CliIo } from '../cli-io.js';
import { parseModelsArgs } from './models-args.js';
import { createModelsContext, type ModelsContextOptions } from './models-context.js';
import { formatModelsError } from './error-hints.js';
import { MODELS_HELP } from './models-help.js';
import { modelsCheck } from './models-check.js';
import { modelsClean } from './models-clean.js';
import { modelsList } from './models-list.js';
import { modelsPath } from './models-path.js';
import { modelsPull } from './models-pull.js';
import { modelsRemove } from './models-remove.js';
import { modelsVerify } from './models-verify.js';

/**
 * `llm-shield models <subcommand>`: list, pull, verify, check / update, remove, clean, path (see `MODELS_HELP`).
 * Returns the exit code: 0 done, 1 as each subcommand documents (damage found, newer head, not cached), 2 for a
 * typed error, printed as `error [CODE]: message` with a `hint:` line (file system failures — EACCES, EROFS, ENOTDIR,
 * ENOSPC… — are typed as `LLMS_FILE_SYSTEM` / `LLMS_DISK_FULL` first). Usage errors propagate to `main`.
 *
 * @param args - the arguments after `models`
 * @param io - streams and environment (`HF_TOKEN`, `HF_ENDPOINT`, `HF_HUB_OFFLINE`, `HF_HOME`…)
 * @param options - the fetch and retry pause of the hub client (default: the global fetch, 500 ms)
 */
export async function modelsCommand(args: readonly string[], io: CliIo, options: ModelsContextOptions = {}): Promise<number> {
  const parsed = parseModelsArgs(args);
  if (parsed.help || parsed.subcommand === undefined) {
    io.stdout.write(MODELS_HELP);
    return 0;
  }
  try {
    const context = await createModelsContext(parsed, io, options);
    switch (parsed.subcommand) {
      case 'list':
        return await modelsList(parsed, context, io);
      case 'pull':
        return await modelsPull(parsed, context, io);
      case 'verify':
        return await modelsVerify(parsed, context, io);
      case 'check':
      case 'update':
        return await modelsCheck(parsed, context, io);
      case 'remove':
        return await modelsRemove(parsed, context, io);
      case 'clean':
        return await modelsClean(parsed, context, io);
      case 'path':
        return await modelsPath(parsed, context, io);
    }
  } catch (failure) {
    // A file system failure outside the download itself (clean, remove, verify…) becomes a typed error with a hint too.
    const error = LlmShieldError.isInstance(failure) ? failure : cacheFileSystemError(failure, `running models ${parsed.subcommand}`);
    if (error === undefined) throw failure;
    io.stderr.write(formatModelsError(error));
    if (io.env?.LLM_SHIELD_DEBUG && error.stack) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}
