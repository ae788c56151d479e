/** A stream the CLI writes to. */
export interface CliWritable {
  write(chunk: string): unknown;
  /** True when connected to a terminal (enables colour). */
  isTTY?: boolean | undefined;
}

/** A stream the CLI reads input from. */
export interface CliReadable extends AsyncIterable<Uint8Array | string> {
  /** True when connected to a terminal (then it is not read for input). */
  isTTY?: boolean | undefined;
}

/** The CLI's connection to the world, injectable so tests need no subprocess. */
export interface CliIo {
  stdout: CliWritable;
  stderr: CliWritable;
  /** Standard input; absent means "no piped input". */
  stdin?: CliReadable | undefined;
  /** Environment (for `NO_COLOR`, `FORCE_COLOR`); default: none. */
  env?: Readonly<Record<string, string | undefined>> | undefined;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/** True when output to `stream` should be coloured: a TTY, unless `NO_COLOR` is set; `FORCE_COLOR` forces it. */
export function useColor(stream: CliWritable, env: CliIo['env']): boolean {
  if (env?.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env?.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
