/**
 * Reads the dev-split rows that `tools/train/export_dev_split.py` located in `../shared/datasets`, counting rows and
 * decoding text exactly as the Python loaders in `tools/train/data.py` do (pandas `read_csv`, pyarrow parquet,
 * JSON lines, text lines with universal newlines). Test helper only (Node).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: dev rows get the preprocessing the Sentiment scanner applies
import { preprocessTweet } from '@llm-shield/scanners';
import { parquetReadObjects } from 'hyparquet';

/** One file of a `dev-split.json`. */
export interface DevSplitFile {
  /** Path relative to the datasets folder. */
  readonly file: string;
  readonly sha256: string;
  readonly format: 'csv' | 'parquet' | 'jsonl' | 'lines';
  /** Column / JSON field, or `text` / `tsv-semeval` / `tsv-first` (text before the first tab) for `lines`. */
  readonly field: string;
  /**
   * `strip-prefix:<p>`: the loader removed that prefix; `tweet-preprocess`: the loader rewrote `@mentions` and links
   * as the Sentiment scanner does (`preprocessTweet`).
   */
  readonly transform?: string;
  /** Row locators (see {@link readRows}). */
  readonly rows: readonly number[];
  /** Labels as training used them: a class index, or (toxicity) one char per label over `0`, `1`, `-` (masked). */
  readonly labels: readonly (number | string)[];
  /** Short sha256 of each row's UTF-8 text. */
  readonly text: readonly string[];
  /** Short sha256 of the token ids Python's `tokenizers` produced for each row. */
  readonly ids: readonly string[];
}

/** One row of the tokenizer check: the full ids Python produced for `files[file].rows[index]`. */
export interface TokenizerCheckRow {
  readonly file: number;
  readonly index: number;
  readonly prunedDiffers: boolean;
  readonly ids: readonly number[];
}

/** A `models/<name>/dev-split.json`. */
export interface DevSplit {
  readonly model: string;
  readonly hashes: { readonly text: string; readonly ids: string };
  readonly metric: {
    readonly name: 'f1' | 'macro_recall';
    readonly threshold?: number;
    readonly card: number;
    readonly cardRows: number;
    readonly rows: number;
    readonly python: number;
    readonly excluded: number;
  };
  readonly files: readonly DevSplitFile[];
  readonly tokenizerCheck: readonly TokenizerCheckRow[];
}

/** First `hex` hex digits of sha256 of a string (UTF-8). */
export function shortSha256(value: string, hex: number): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, hex);
}

/** Characters Python's `str.isspace()` accepts (what `str.strip()` removes); JS `trim()` differs (BOM, U+001C–U+001F). */
const PY_SPACE = new Set(
  [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000].concat(
    Array.from({ length: 11 }, (_, i) => 0x2000 + i),
  ),
);

/** Python's `str.strip()` with no argument. */
export function pyStrip(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && PY_SPACE.has(value.charCodeAt(start))) start++;
  while (end > start && PY_SPACE.has(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
}

/** Lines as Python's text mode yields them (universal newlines), without their line ends. */
function pyLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** pandas' default NA strings: such a field reads as NaN, and `str(NaN)` is `"nan"`. */
const PANDAS_NA = new Set(['', '#N/A', '#N/A N/A', '#NA', '-1.#IND', '-1.#QNAN', '-NaN', '-nan', '1.#IND', '1.#QNAN', '<NA>', 'N/A', 'NA', 'NULL', 'NaN', 'None', 'n/a', 'nan', 'null']);

/**
 * Records of a CSV file as pandas' C parser reads them with default options: `"` quotes (`""` escapes, line breaks
 * kept inside), records end at `\n`, `\r\n` or `\r`, blank lines are skipped, a leading BOM is dropped.
 */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let fields: string[] = [];
  let field = '';
  let quotedAny = false;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !quotedAny)) records.push(fields);
    fields = [];
    field = '';
    quotedAny = false;
  };
  while (i < n) {
    const c = text[i];
    if (c === '"' && field === '') {
      quotedAny = true;
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new Error('unterminated quoted CSV field');
        field += text.slice(j, q);
        if (text[q + 1] === '"') {
          field += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      let j = i + 1;
      while (j < n && text[j] !== ',' && text[j] !== '\n' && text[j] !== '\r') j++;
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

const cache = new Map<string, (row: number) => string>();

/** Random access to one column of one file, by the row locator `export_dev_split.py` wrote. */
async function columnReader(datasets: string, entry: DevSplitFile): Promise<(row: number) => string> {
  const key = `${entry.file}\0${entry.format}\0${entry.field}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const path = join(datasets, entry.file);
  let reader: (row: number) => string;
  if (entry.format === 'csv') {
    const [header, ...rows] = csvRecords(readFileSync(path, 'utf8'));
    const column = (header ?? []).indexOf(entry.field);
    if (column < 0) throw new Error(`${entry.file}: no column ${entry.field}`);
    reader = (row) => {
      const value = rows[row]?.[column];
      if (value === undefined) throw new Error(`${entry.file}: no row ${row}`);
      return PANDAS_NA.has(value) ? 'nan' : value;
    };
  } else if (entry.format === 'parquet') {
    const bytes = readFileSync(path);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const rows = (await parquetReadObjects({ file, columns: [entry.field] })) as Array<Record<string, unknown>>;
    reader = (row) => String(rows[row]?.[entry.field]);
  } else if (entry.format === 'jsonl') {
    const lines = pyLines(readFileSync(path, 'utf8')).filter((line) => pyStrip(line) !== '');
    const parsed = new Map<number, Record<string, unknown>>();
    reader = (row) => {
      let value = parsed.get(row);
      if (value === undefined) {
        value = JSON.parse(lines[row] ?? 'null') as Record<string, unknown>;
        parsed.set(row, value);
      }
      return String(value[entry.field]);
    };
  } else {
    const lines = pyLines(readFileSync(path, 'utf8'));
    reader =
      entry.field === 'tsv-semeval'
        ? (row) => pyStrip((lines[row] ?? '').split('\t').slice(2).join('\t'))
        : entry.field === 'tsv-first'
          ? (row) => (lines[row] ?? '').split('\t')[0] ?? ''
          : (row) => lines[row] ?? '';
  }
  cache.set(key, reader);
  return reader;
}

/**
 * The texts of a file's dev rows, in `entry.rows` order, read from `datasets` the way the training loaders read them
 * (`transform` applied).
 *
 * @param datasets - absolute path of the datasets folder
 * @param entry - one file of a dev split
 */
export async function readRows(datasets: string, entry: DevSplitFile): Promise<string[]> {
  const read = await columnReader(datasets, entry);
  const prefix = entry.transform?.startsWith('strip-prefix:') ? entry.transform.slice('strip-prefix:'.length) : undefined;
  if (entry.transform !== undefined && prefix === undefined && entry.transform !== 'tweet-preprocess') {
    throw new Error(`${entry.file}: unknown transform ${entry.transform}`);
  }
  return entry.rows.map((row) => {
    const text = read(row);
    if (entry.transform === 'tweet-preprocess') return preprocessTweet(text).text;
    return prefix !== undefined && text.startsWith(prefix) ? text.slice(prefix.length) : text;
  });
}
