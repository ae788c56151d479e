import type { CliIo } from '../src/cli-io.js';

/** A `CliIo` that records what the CLI writes, for tests. */
export function memoryIo(): { io: CliIo; stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (chunk: string) => (out += chunk) }, stderr: { write: (chunk: string) => (err += chunk) }, env: {} },
    stdout: () => out,
    stderr: () => err,
  };
}
