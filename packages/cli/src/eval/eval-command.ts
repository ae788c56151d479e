import type { CliIo } from '../cli-io.js';
import { EVAL_HELP } from '../help.js';
import { parseEvalArgs } from './eval-args.js';
import { formatEvalReport } from './format-eval-report.js';
import { runEvaluation, type EvalReport } from './run-evaluation.js';

/**
 * Parses `llm-shield eval` arguments and runs the evaluation: the code path shared by the CLI and
 * `tools/eval/accuracy-report.mjs`, so a report row and its printed command line give the same numbers.
 * Raises `UsageError` for bad arguments and llm-shield errors for bad data or detectors.
 *
 * @param args - the arguments after `eval`
 */
export async function evaluateFromArgs(args: readonly string[]): Promise<EvalReport> {
  const parsed = parseEvalArgs(args);
  if (!parsed.options) throw new TypeError('evaluateFromArgs: --help has no report.');
  return runEvaluation(parsed.options);
}

/**
 * `llm-shield eval`: prints the report (tables or `--json`) and returns the exit code (0). Errors propagate
 * to `main`, which prints them and exits 2.
 *
 * @param args - the arguments after `eval`
 * @param io - where to write
 */
export async function evalCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseEvalArgs(args);
  if (parsed.help || !parsed.options) {
    io.stdout.write(EVAL_HELP);
    return 0;
  }
  const report = await runEvaluation(parsed.options);
  io.stdout.write(parsed.json ? `${JSON.stringify(report, null, 2)}\n` : formatEvalReport(report));
  return 0;
}
