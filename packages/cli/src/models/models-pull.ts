import { LlmShieldError } from '@llm-shield/core';
import { variantFiles, type ModelRegistryEntry, type PulledModel } from '@llm-shield/model-hub/node';
import type { CliIo } from '../cli-io.js';
import type { ModelsArgs } from './models-args.js';
import type { ModelsContext } from './models-context.js';
import { formatModelsError } from './error-hints.js';
import { formatBytes } from './format-bytes.js';
import { createProgressReporter } from './progress-reporter.js';
import { resolveTargets } from './resolve-targets.js';

/** A pulled model as `models pull --json` prints it. */
export interface PulledModelJson {
  model: string;
  repoId: string;
  variant: string;
  commit: string;
  ref?: string;
  snapshotDir: string;
  resolvedFrom: 'network' | 'cache';
  files: Record<string, { repoPath: string; path: string; size: number; downloaded: boolean }>;
  warnings: string[];
}

/** The JSON form of a {@link PulledModel}. */
export function pulledModelJson(pulled: PulledModel): PulledModelJson {
  return {
    model: pulled.modelId,
    repoId: pulled.repoId,
    variant: pulled.variant,
    commit: pulled.commit,
    ...(pulled.ref === undefined ? {} : { ref: pulled.ref }),
    snapshotDir: pulled.snapshotDir,
    resolvedFrom: pulled.resolvedFrom,
    files: Object.fromEntries(Object.entries(pulled.files).map(([role, file]) => [role, { ...file }])),
    warnings: pulled.warnings,
  };
}

/** Human-readable lines of a pulled model: what, which commit, where, and what was downloaded. */
export function formatPulledModel(pulled: PulledModel): string {
  const files = Object.values(pulled.files);
  const downloaded = files.filter((file) => file.downloaded);
  const bytes = downloaded.reduce((sum, file) => sum + file.size, 0);
  const how =
    downloaded.length > 0
      ? `downloaded ${downloaded.length} file(s), ${formatBytes(bytes)}`
      : pulled.resolvedFrom === 'cache'
        ? 'from the cache (hub not asked)'
        : 'already cached';
  return (
    `${pulled.modelId} (${pulled.variant}) from ${pulled.repoId}: ${how}\n` +
    `  commit    ${pulled.commit}${pulled.ref === undefined ? '' : ` (${pulled.ref})`}\n` +
    `  snapshot  ${pulled.snapshotDir}\n` +
    `  model     ${pulled.files.model.path} (${formatBytes(pulled.files.model.size)})\n`
  );
}

/**
 * `llm-shield models pull MODEL | --all`: downloads and verifies, printing each model's commit and snapshot folder.
 * A progress bar goes to stderr when it is a TTY and `--json` is not given. With `--all`, models without the asked
 * `--variant` are skipped and a failure does not stop the others. Exit 0, or 2 when a model failed (its typed error
 * is printed; a single model's error propagates to `main`).
 */
export async function modelsPull(args: ModelsArgs, context: ModelsContext, io: CliIo): Promise<number> {
  const targets = resolveTargets(context.registry, args.model);
  const showProgress = !args.json && io.stderr.isTTY === true;
  const pulled: PulledModel[] = [];
  const skipped: { model: string; reason: string }[] = [];
  const failed: { model: string; code: string; message: string }[] = [];
  for (const entry of targets) {
    if (args.all && args.variant !== undefined && entry.files.onnx[args.variant] === undefined) {
      skipped.push({ model: entry.id, reason: `no ${args.variant} variant (has ${Object.keys(entry.files.onnx).join(', ')})` });
      continue;
    }
    try {
      pulled.push(await pullOne(entry, args, context, io, showProgress));
    } catch (error) {
      if (!args.all || !LlmShieldError.isInstance(error)) throw error;
      io.stderr.write(formatModelsError(error));
      failed.push({ model: entry.id, code: error.code, message: error.message });
    }
  }
  if (args.json) {
    io.stdout.write(`${JSON.stringify({ pulled: pulled.map(pulledModelJson), skipped, failed }, null, 2)}\n`);
  } else {
    io.stdout.write(pulled.map(formatPulledModel).join(''));
    for (const skip of skipped) io.stdout.write(`skipped ${skip.model}: ${skip.reason}\n`);
    if (failed.length > 0) io.stdout.write(`${failed.length} model(s) failed: ${failed.map((f) => f.model).join(', ')}\n`);
  }
  return failed.length > 0 ? 2 : 0;
}

async function pullOne(entry: ModelRegistryEntry, args: ModelsArgs, context: ModelsContext, io: CliIo, showProgress: boolean): Promise<PulledModel> {
  variantFiles(entry, args.variant); // an unknown variant fails before any network access
  const reporter = showProgress ? createProgressReporter(io.stderr) : undefined;
  try {
    return await context.hub.pull(entry, {
      ...(args.variant === undefined ? {} : { variant: args.variant }),
      ...(args.revision === undefined ? {} : { revision: args.revision }),
      ...(args.verify ? { verifyCached: true } : {}),
      ...(reporter === undefined ? {} : { onProgress: reporter.update }),
    });
  } finally {
    reporter?.finish();
  }
}
