import { LlmShieldError } from '@llm-shield/core';
import type { CliIo } from './cli-io.js';
import { evalCommand } from './eval/eval-command.js';
import { MAIN_HELP } from './help.js';
import { modelsCommand } from './models/models-command.js';
import { scanCommand } from './scan/scan-command.js';
import { serveCommand } from './serve/serve-command.js';
import { UsageError } from './usage-error.js';
import { cliVersion } from './version.js';

/** Exit codes of the CLI. */
export const ExitCode = {
  /** Valid text, or the command finished. */
  Ok: 0,
  /** `scan` flagged the text. */
  Flagged: 1,
  /** Bad arguments, unreadable input, or an llm-shield error. */
  Error: 2,
} as const;

/**
 * Runs the `llm-shield` command line and returns its exit code, never throwing: usage errors print
 * `error: …` and a pointer to `--help`, llm-shield errors print `error [CODE]: message`, anything else
 * `error: message` (with the stack when `LLM_SHIELD_DEBUG` is set). All exit 2.
 *
 * @param argv - the arguments after the program name
 * @param io - streams and environment (see `processIo`)
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        if (command === 'help' && rest[0] !== undefined) return await main([rest[0], '--help'], io);
        io.stdout.write(MAIN_HELP);
        return ExitCode.Ok;
      case '-v':
      case '--version':
      case 'version':
        io.stdout.write(`${cliVersion()}\n`);
        return ExitCode.Ok;
      case 'scan':
        return await scanCommand(rest, io);
      case 'eval':
        return await evalCommand(rest, io);
      case 'models':
        return await modelsCommand(rest, io);
      case 'serve':
        return await serveCommand(rest, io);
      default:
        throw new UsageError(`Unknown command "${command}". Commands: scan, eval, models.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const hint = command === 'scan' || command === 'eval' || command === 'models' ? `llm-shield ${command} --help` : 'llm-shield --help';
      io.stderr.write(`error: ${error.message}\nRun "${hint}" for usage.\n`);
    } else if (LlmShieldError.isInstance(error)) {
      io.stderr.write(`error [${error.code}]: ${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.stderr.write(`error: ${message}\n`);
    }
    if (io.env?.LLM_SHIELD_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    return ExitCode.Error;
  }
}
