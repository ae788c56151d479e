import { readFile } from 'node:fs/promises';
import { InvalidDatasetError } from '@llm-shield/core';

/**
 * Reads a data file's bytes, turning file-system failures (missing file, directory, no permission) into
 * {@link InvalidDatasetError}.
 *
 * @param path - the file to read
 */
export async function readDataBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    throw new InvalidDatasetError(`Cannot read data file ${path} (${reason}).`, { cause: error, details: { source: path } });
  }
}

/**
 * Reads a data file as UTF-8 text; invalid bytes become U+FFFD. File-system failures raise
 * {@link InvalidDatasetError}.
 *
 * @param path - the file to read
 */
export async function readDataText(path: string): Promise<string> {
  return new TextDecoder('utf-8').decode(await readDataBytes(path));
}
