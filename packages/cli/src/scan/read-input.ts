import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '@llm-shield/core';
import type { CliReadable } from '../cli-io.js';
import { UsageError } from '../usage-error.js';

/** Decodes UTF-8 bytes; invalid sequences become U+FFFD rather than failing. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Reads a whole stream as UTF-8 text. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>): Promise<string> {
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decodeUtf8(bytes);
}

/**
 * Gets the text to scan: the argument, else the file, else standard input when it is piped. Raises
 * {@link InvalidInputError} for an unreadable file and {@link UsageError} when there is no input at all.
 *
 * @param text - the text argument, if any
 * @param file - the `--file` path, if any
 * @param stdin - standard input, if any
 */
export async function readScanInput(text: string | undefined, file: string | undefined, stdin: CliReadable | undefined): Promise<string> {
  if (text !== undefined) return text;
  if (file !== undefined) {
    try {
      return decodeUtf8(await readFile(file));
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
      throw new InvalidInputError(`Cannot read ${file} (${reason}).`, { cause: error, details: { file } });
    }
  }
  if (stdin && stdin.isTTY !== true) return readStream(stdin);
  throw new UsageError('No text to scan: give it as an argument, with --file PATH, or on standard input.');
}
