import type { PipelineResult } from '@llm-shield/core';
import { builtinCatalog, createShield, loadShieldConfigFile, type NodeShieldOptions, type ScannerEntry, type Shield } from '@llm-shield/node';
import { useColor, type CliIo } from '../cli-io.js';
import { ExitCode } from '../exit-code.js';
import { SCAN_HELP } from '../help.js';
import { formatScanResult } from './format-scan-result.js';
import { readScanInput } from './read-input.js';
import { parseScanArgs, type ScanArgs } from './scan-args.js';

/** Exit code of `scan` when the text is invalid only because a scanner could not check it (failed closed). */
export const FAILED_CLOSED_EXIT_CODE = ExitCode.FailedClosed;

function withThreshold(entry: ScannerEntry, thresholds: ReadonlyMap<string, number>): ScannerEntry {
  const key = [...thresholds.keys()].find((name) => name.toLowerCase() === entry.type.toLowerCase());
  return key === undefined ? entry : { ...entry, params: { ...(entry.params ?? {}), threshold: thresholds.get(key) } };
}

/** The shield options `llm-shield scan`'s arguments ask for: the CLI holds no policy of its own. */
export function shieldOptionsFromArgs(args: ScanArgs, env: Readonly<Record<string, string | undefined>>): NodeShieldOptions {
  const entries = args.scanners.map((type) => withThreshold({ type }, args.thresholds));
  return {
    env,
    ...(args.config === undefined ? (args.output ? { output: entries } : { input: entries }) : { configFile: args.config }),
    ...(args.detectionMode === undefined ? {} : { detectionMode: args.detectionMode }),
    ...(args.variant === undefined ? {} : { variant: args.variant }),
    ...(args.modelDirs.size === 0 ? {} : { models: Object.fromEntries(args.modelDirs) }),
    ...(args.onModelFailure === undefined ? {} : { modelScannerOptions: { onModelFailure: args.onModelFailure } }),
    unknownScanners: args.skipUnknown ? 'skip' : 'error',
    pipeline: { mode: args.mode, failFast: args.failFast, ...(args.maxLength === undefined ? {} : { maxInputLength: args.maxLength }) },
  };
}

/** Exit code of a scan: 0 valid, 1 flagged, {@link FAILED_CLOSED_EXIT_CODE} when only failed-closed scanners made it invalid. */
export function scanExitCode(result: PipelineResult): number {
  if (result.valid) return 0;
  const flagged = result.runs.some((run) => run.status === 'completed' && !run.result.valid && run.result.method !== 'failed-closed');
  return flagged ? 1 : FAILED_CLOSED_EXIT_CODE;
}

/**
 * `llm-shield scan`: scans a prompt (or, with `--output`, a model answer) through the library's shield
 * (`createShield` of `@llm-shield/node`, the same policy as every entry point) and prints why it passed or was
 * flagged, or the pipeline result as JSON. Returns 0 when valid, 1 when flagged, 3 when a scanner failed closed;
 * errors propagate to `main` (exit 2).
 *
 * @param argv - the arguments after `scan`
 * @param io - streams and environment
 */
export async function scanCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseScanArgs(argv);
  if (args.help) {
    io.stdout.write(SCAN_HELP);
    return 0;
  }
  if (args.listScanners) {
    const catalog = builtinCatalog();
    io.stdout.write(`input:  ${catalog.names('input').join(', ')}\noutput: ${catalog.names('output').join(', ')}\n`);
    return 0;
  }
  const env = io.env ?? process.env;
  const text = await readScanInput(args.text, args.file, io.stdin);
  const shield = await createScanShield(args, env);
  try {
    for (const skipped of shield.skipped) io.stderr.write(`note: skipped ${skipped.path} ${skipped.type}: ${skipped.reason}\n`);
    for (const note of [...shield.notes, ...shield.warnings]) io.stderr.write(`note: ${note}\n`);
    const result = args.output ? await shield.scanOutput(args.prompt, text) : await shield.scanPrompt(text);
    if (args.json) io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      io.stdout.write(formatScanResult(result, { color: useColor(io.stdout, io.env) }));
      if (args.showSanitized) io.stdout.write(`sanitized: ${result.sanitizedText}\n`);
    }
    return scanExitCode(result);
  } finally {
    await shield.close();
  }
}

async function createScanShield(args: ScanArgs, env: Readonly<Record<string, string | undefined>>): Promise<Shield> {
  const options = shieldOptionsFromArgs(args, env);
  if (args.config === undefined || args.thresholds.size === 0) return createShield(options);
  const config = await loadShieldConfigFile(args.config, env);
  const patch = (entries: ScannerEntry[] | null | undefined) => entries?.map((entry) => withThreshold(entry, args.thresholds));
  return createShield({ ...options, config: { ...config, input_scanners: patch(config.input_scanners), output_scanners: patch(config.output_scanners) } });
}
