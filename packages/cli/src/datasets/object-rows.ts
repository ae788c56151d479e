import { InvalidDatasetError } from '@llm-shield/core';
import { LABEL_COLUMN_CANDIDATES, pickColumn, TEXT_COLUMN_CANDIDATES, type ColumnSelection, type RawExample } from './raw-example.js';

/** A record read from JSONL, a JSON array or parquet, with where it came from. */
export interface ObjectRow {
  /** The record's fields. */
  value: unknown;
  /** `path:line` or `path#index`, used in errors and origins. */
  origin: string;
}

/** Renders a field value as a label string: strings as-is, numbers/booleans/bigints via `String`. */
export function labelToString(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/**
 * Turns records with named fields into examples. The text and label fields are chosen from the first record
 * (see {@link ColumnSelection}); every record must be an object whose text field is a string.
 *
 * @param rows - the records, in file order
 * @param source - file name for errors
 * @param columns - which fields to read (auto-detected when not given)
 */
export function examplesFromObjects(rows: readonly ObjectRow[], source: string, columns: ColumnSelection): RawExample[] {
  const first = rows[0];
  if (!first) throw new InvalidDatasetError(`${source}: the file holds no records.`, { details: { source } });
  if (!isRecord(first.value)) {
    throw new InvalidDatasetError(`${first.origin}: expected a JSON object per record.`, { details: { source } });
  }
  const names = Object.keys(first.value);
  const textField = pickColumn(names, columns.textColumn, TEXT_COLUMN_CANDIDATES);
  if (textField === undefined) {
    throw new InvalidDatasetError(
      `${first.origin}: no text field ${columns.textColumn ? `"${columns.textColumn}"` : `(tried ${TEXT_COLUMN_CANDIDATES.join(', ')})`}; fields are ${names.join(', ')}. Use --text-column.`,
      { details: { source, fields: names } },
    );
  }
  const labelField = pickColumn(names, columns.labelColumn, LABEL_COLUMN_CANDIDATES);
  if (columns.labelColumn !== undefined && labelField === undefined) {
    throw new InvalidDatasetError(`${first.origin}: no label field "${columns.labelColumn}"; fields are ${names.join(', ')}.`, {
      details: { source, fields: names },
    });
  }
  return rows.map((row) => {
    if (!isRecord(row.value)) {
      throw new InvalidDatasetError(`${row.origin}: expected a JSON object.`, { details: { source } });
    }
    const text = row.value[textField];
    if (typeof text !== 'string') {
      throw new InvalidDatasetError(`${row.origin}: field "${textField}" is not a string.`, { details: { source } });
    }
    return { text, label: labelField === undefined ? undefined : labelToString(row.value[labelField]), origin: row.origin };
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
