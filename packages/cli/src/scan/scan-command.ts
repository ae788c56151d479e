import { scanOutput, scanPrompt, type PipelineOptions } from '@llm-shield/core';
import {
  createInputScanner,
  createOutputScanner,
  type InputScannerName,
  type OutputScannerName,
} from '@llm-shield/scanners';
import { useColor, type CliIo } from '../cli-io.js';
import { SCAN_HELP } from '../help.js';
import { formatScanResult } from './format-scan-result.js';
import { readScanInput } from './read-input.js';
import { parseScanArgs, type ScanArgs } from './scan-args.js';
import { scanModels, type ScanModel } from './scan-models.js';

function scannerConfig(args: ScanArgs, name: string, models: Map<string, ScanModel>) {
  const found = models.get(name);
  const threshold = args.thresholds.get(name) ?? found?.threshold;
  return {
    ...(threshold === undefined ? {} : { threshold }),
    ...((args.detectionMode ?? found?.mode) === undefined ? {} : { mode: args.detectionMode ?? found?.mode }),
    ...(found === undefined ? {} : { model: found.model }),
  };
}

/**
 * `llm-shield scan`: scans a prompt (or, with `--output`, a model answer) and prints why it passed or was
 * flagged, or the pipeline result as JSON. Returns 0 when valid, 1 when flagged; errors propagate to `main`
 * (exit 2).
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
  const text = await readScanInput(args.text, args.file, io.stdin);
  const options: PipelineOptions = {
    mode: args.mode,
    failFast: args.failFast,
    ...(args.maxLength === undefined ? {} : { maxInputLength: args.maxLength }),
  };
  const models = await scanModels(args, { env: io.env ?? process.env });
  const result = args.output
    ? await scanOutput(
        args.scanners.map((name) => createOutputScanner(name as OutputScannerName, scannerConfig(args, name, models))),
        args.prompt,
        text,
        options,
      )
    : await scanPrompt(
        args.scanners.map((name) => createInputScanner(name as InputScannerName, scannerConfig(args, name, models))),
        text,
        options,
      );
  io.stdout.write(args.json ? `${JSON.stringify(result, null, 2)}\n` : formatScanResult(result, { color: useColor(io.stdout, io.env) }));
  return result.valid ? 0 : 1;
}
