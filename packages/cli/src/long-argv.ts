import { spawn } from 'node:child_process';
import { readStream } from './scan/read-input.js';

/**
 * Total argument size (UTF-8 bytes) from which the CLI re-runs itself with the arguments on a pipe. onnxruntime-node
 * 1.30 crashes (SIGSEGV in session creation) when the process's command line is about 29,000 bytes or longer,
 * whatever the model; see docs/troubleshooting.md for the minimal reproduction. 16 KiB leaves a margin.
 */
export const LONG_ARGV_BYTES = 16 * 1024;

/** Environment flag telling the re-run process to read its arguments (JSON) from standard input. */
export const ARGV_ON_STDIN = 'LLM_SHIELD_ARGV_ON_STDIN';

/** True when `argv` is long enough to crash onnxruntime-node's session creation. */
export function isLongArgv(argv: readonly string[]): boolean {
  let bytes = 0;
  for (const arg of argv) bytes += Buffer.byteLength(arg) + 1;
  return bytes >= LONG_ARGV_BYTES;
}

/** Reads the arguments a parent process passed on standard input with {@link rerunWithArgvOnStdin}. */
export async function readArgvFromStdin(stdin: AsyncIterable<Uint8Array | string>): Promise<string[]> {
  const parsed: unknown = JSON.parse(await readStream(stdin));
  if (!Array.isArray(parsed) || parsed.some((arg) => typeof arg !== 'string')) throw new Error(`${ARGV_ON_STDIN}: standard input is not a JSON array of strings.`);
  return parsed as string[];
}

/**
 * Runs this CLI again as a child process with a short command line, the arguments written to its standard input as
 * JSON, its output and exit code passed through. Standard input of the parent is not forwarded (with a long text
 * argument the text is the argument, not stdin).
 *
 * @param script - the CLI's entry file
 * @param argv - the arguments
 */
export function rerunWithArgvOnStdin(script: string, argv: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { stdio: ['pipe', 'inherit', 'inherit'], env: { ...process.env, [ARGV_ON_STDIN]: '1' } });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 9 : 2)));
    child.stdin.end(JSON.stringify(argv));
  });
}
