import { InvalidDatasetError } from '@llm-shield/core';

/** One parsed record of a delimited file, with the 1-based line on which it starts. */
export interface DelimitedRecord {
  /** The fields, unquoted. */
  fields: string[];
  /** 1-based line number of the record's first character in the file. */
  line: number;
}

/** Options of {@link parseCsv}. */
export interface CsvOptions {
  /** Field separator, one character (default `,`). */
  delimiter?: string;
  /** File name used in error messages (default `<csv>`). */
  source?: string;
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/**
 * Parses RFC 4180 CSV in linear time: quoted fields may hold delimiters, `""` escapes and line breaks; records
 * end with LF or CRLF; a leading byte-order mark is dropped; blank lines are skipped. An unterminated quote
 * raises {@link InvalidDatasetError} naming the line where the field started. Quotes inside an unquoted field
 * are kept literally (as most readers do).
 *
 * @param text - the whole file
 * @param options - delimiter (default `,`) and the source name for errors
 */
export function parseCsv(text: string, options: CsvOptions = {}): DelimitedRecord[] {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  const source = options.source ?? '<csv>';
  const records: DelimitedRecord[] = [];
  const length = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let fields: string[] = [];
  let recordLine = 1;
  let recordEmpty = true;

  const endRecord = () => {
    if (!(recordEmpty && fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
    recordEmpty = true;
  };

  while (i <= length) {
    if (fields.length === 0) recordLine = line;
    // Parse one field starting at i.
    if (i < length && text.charCodeAt(i) === QUOTE) {
      const quoteLine = line;
      let value = '';
      let chunkStart = i + 1;
      let j = i + 1;
      for (;;) {
        if (j >= length) {
          throw new InvalidDatasetError(`${source}:${quoteLine}: unterminated quoted field.`, {
            details: { source, line: quoteLine },
          });
        }
        const c = text.charCodeAt(j);
        if (c === QUOTE) {
          if (text.charCodeAt(j + 1) === QUOTE) {
            value += text.slice(chunkStart, j + 1);
            j += 2;
            chunkStart = j;
            continue;
          }
          value += text.slice(chunkStart, j);
          j++;
          break;
        }
        if (c === LF) line++;
        j++;
      }
      // After the closing quote: take anything up to the delimiter/line end literally (lenient).
      let k = j;
      while (k < length) {
        const c = text.charCodeAt(k);
        if (c === delimiter || c === LF || (c === CR && text.charCodeAt(k + 1) === LF)) break;
        k++;
      }
      if (k > j) value += text.slice(j, k);
      fields.push(value);
      recordEmpty = false;
      i = k;
    } else {
      let k = i;
      while (k < length) {
        const c = text.charCodeAt(k);
        if (c === delimiter || c === LF || (c === CR && text.charCodeAt(k + 1) === LF)) break;
        k++;
      }
      const value = text.slice(i, k);
      if (value !== '') recordEmpty = false;
      fields.push(value);
      i = k;
    }
    // Now at a delimiter, a line end or the end of the text.
    if (i >= length) {
      endRecord();
      break;
    }
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      recordEmpty = false;
      i++;
      if (i === length) {
        fields.push('');
        endRecord();
        break;
      }
      continue;
    }
    // Line end.
    i += c === CR ? 2 : 1;
    line++;
    endRecord();
    if (i === length) break;
  }
  return records;
}
