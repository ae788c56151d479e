import { InvalidDatasetError } from '@llm-shield/core';
import { parquetReadObjects } from 'hyparquet';
import type { ObjectRow } from './object-rows.js';

/**
 * Reads every row of a parquet file with `hyparquet` (pure JavaScript). A file that is not parquet raises
 * {@link InvalidDatasetError}.
 *
 * @param bytes - the whole file
 * @param source - file name for errors and origins
 */
export async function parseParquet(bytes: Uint8Array, source: string): Promise<ObjectRow[]> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let rows: Record<string, unknown>[];
  try {
    rows = await parquetReadObjects({ file });
  } catch (error) {
    throw new InvalidDatasetError(`${source}: not a readable parquet file (${error instanceof Error ? error.message : String(error)}).`, {
      cause: error,
      details: { source },
    });
  }
  return rows.map((value, index) => ({ value, origin: `${source}#${index}` }));
}
