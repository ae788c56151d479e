import type { DelimitedRecord } from './csv.js';

/**
 * Splits a tab-separated file without quote processing (as `csv.QUOTE_NONE`): one record per line, LF or CRLF,
 * blank lines skipped. Used for SemEval and GLUE files, whose texts hold bare `"` characters.
 *
 * @param text - the whole file
 */
export function parseTsvNoQuotes(text: string): DelimitedRecord[] {
  const records: DelimitedRecord[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    let lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (index === 0 && lineText.charCodeAt(0) === 0xfeff) lineText = lineText.slice(1);
    if (lineText.trim() === '') continue;
    records.push({ fields: lineText.split('\t'), line: index + 1 });
  }
  return records;
}
