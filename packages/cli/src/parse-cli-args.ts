import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error.js';

/** Option definitions, as `util.parseArgs` takes them. */
export type CliOptionDefinitions = NonNullable<ParseArgsConfig['options']>;

/** The `util.parseArgs` configuration {@link parseCliArgs} uses. */
export interface CliParseConfig<T extends CliOptionDefinitions> {
  args: string[];
  options: T;
  strict: true;
  allowPositionals: true;
}

/** What {@link parseCliArgs} returns: `util.parseArgs`'s typed values and positionals. */
export type CliParsed<T extends CliOptionDefinitions> = ReturnType<typeof parseArgs<CliParseConfig<T>>>;

/**
 * `util.parseArgs` in strict mode with positionals allowed, turning its errors (unknown option, missing
 * value) into {@link UsageError}.
 *
 * @param args - the command's arguments (after the command name)
 * @param options - the option definitions
 */
export function parseCliArgs<T extends CliOptionDefinitions>(args: readonly string[], options: T): CliParsed<T> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError((error as Error).message);
    }
    throw error;
  }
}
