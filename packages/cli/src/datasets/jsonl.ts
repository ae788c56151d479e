import { InvalidDatasetError } from '@llm-shield/core';
import type { ObjectRow } from './object-rows.js';

/**
 * Parses JSON Lines: one JSON value per non-blank line. A line that is not valid JSON raises
 * {@link InvalidDatasetError} with its 1-based line number in the message and in `details.line`.
 *
 * @param text - the whole file
 * @param source - file name for errors and origins
 */
export function parseJsonl(text: string, source: string): ObjectRow[] {
  const rows: ObjectRow[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = index === 0 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new InvalidDatasetError(`${source}:${index + 1}: invalid JSON (${error instanceof Error ? error.message : String(error)}).`, {
        cause: error,
        details: { source, line: index + 1 },
      });
    }
    rows.push({ value, origin: `${source}:${index + 1}` });
  }
  return rows;
}

/**
 * Parses a JSON file holding an array of records (e.g. AlpacaEval's `outputs.json`). Anything else raises
 * {@link InvalidDatasetError}.
 *
 * @param text - the whole file
 * @param source - file name for errors and origins
 */
export function parseJsonArray(text: string, source: string): ObjectRow[] {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new InvalidDatasetError(`${source}: invalid JSON (${error instanceof Error ? error.message : String(error)}).`, {
      cause: error,
      details: { source },
    });
  }
  if (!Array.isArray(value)) {
    throw new InvalidDatasetError(`${source}: expected a JSON array of records.`, { details: { source } });
  }
  return value.map((item: unknown, index) => ({ value: item, origin: `${source}#${index}` }));
}
