import { LlmShieldError } from '@llm-shield/core';
import type { CliIo } from './cli-io.js';
import { ExitCode } from './exit-code.js';
import { MAIN_HELP } from './help.js';
import { UsageError } from './usage-error.js';
import { cliVersion } from './version.js';


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
      // Each command is imported when it runs, so `--help` and `--version` load nothing else (cold start).
      case 'scan':
        return await (await import('./scan/scan-command.js')).scanCommand(rest, io);
      case 'eval':
        return await (await import('./eval/eval-command.js')).evalCommand(rest, io);
      case 'models':
        return await (await import('./models/models-command.js')).modelsCommand(rest, io);
      case 'serve':
        return await (await import('./serve/serve-command.js')).serveCommand(rest, io);
      default:
        throw new UsageError(`Unknown command "${command}". Commands: scan, eval, models, serve.`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const hint = command === 'scan' || command === 'eval' || command === 'models' || command === 'serve' ? `llm-shield ${command} --help` : 'llm-shield --help';
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
