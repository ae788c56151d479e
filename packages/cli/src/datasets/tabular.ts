import { InvalidDatasetError } from '@llm-shield/core';
import type { DelimitedRecord } from './csv.js';
import { LABEL_COLUMN_CANDIDATES, pickColumn, TEXT_COLUMN_CANDIDATES, type ColumnSelection, type RawExample } from './raw-example.js';

/**
 * Turns header-first delimited records (CSV or TSV) into examples: the first record names the columns.
 * Raises {@link InvalidDatasetError} when the text column (or a requested label column) is missing, or a row
 * is too short to hold them.
 *
 * @param records - parsed records, header first
 * @param source - file name for origins and errors
 * @param columns - which columns to read (auto-detected when not given)
 */
export function examplesFromRecords(records: readonly DelimitedRecord[], source: string, columns: ColumnSelection): RawExample[] {
  const header = records[0];
  if (!header) throw new InvalidDatasetError(`${source}: the file is empty.`, { details: { source } });
  const names = header.fields.map((name) => name.trim());
  const textColumn = pickColumn(names, columns.textColumn, TEXT_COLUMN_CANDIDATES);
  if (textColumn === undefined) {
    throw new InvalidDatasetError(
      `${source}: no text column ${columns.textColumn ? `"${columns.textColumn}"` : `(tried ${TEXT_COLUMN_CANDIDATES.join(', ')})`}; columns are ${names.join(', ')}. Use --text-column.`,
      { details: { source, columns: names } },
    );
  }
  const labelColumn = pickColumn(names, columns.labelColumn, LABEL_COLUMN_CANDIDATES);
  if (columns.labelColumn !== undefined && labelColumn === undefined) {
    throw new InvalidDatasetError(`${source}: no label column "${columns.labelColumn}"; columns are ${names.join(', ')}.`, {
      details: { source, columns: names },
    });
  }
  const textIndex = names.indexOf(textColumn);
  const labelIndex = labelColumn === undefined ? -1 : names.indexOf(labelColumn);
  const examples: RawExample[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    const text = record.fields[textIndex];
    const label = labelIndex < 0 ? undefined : record.fields[labelIndex];
    if (text === undefined || (labelIndex >= 0 && label === undefined)) {
      throw new InvalidDatasetError(
        `${source}:${record.line}: the row has ${record.fields.length} fields, the header ${names.length}.`,
        { details: { source, line: record.line } },
      );
    }
    examples.push({ text, label, origin: `${source}:${record.line}` });
  }
  return examples;
}
