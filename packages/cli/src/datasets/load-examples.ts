import { access } from 'node:fs/promises';
import { InvalidDatasetError } from '@llm-shield/core';
import { parseCsv } from './csv.js';
import { parseTsvNoQuotes } from './tsv.js';
import { detectDatasetFormat, type DatasetFormat } from './dataset-format.js';
import { parseJsonArray, parseJsonl } from './jsonl.js';
import { findKnownDataset, type KnownDataset } from './known-datasets.js';
import { examplesFromObjects } from './object-rows.js';
import { parseParquet } from './parquet.js';
import type { RawExample } from './raw-example.js';
import { readDataBytes, readDataText } from './read-data-file.js';
import { parseSemEval } from './semeval.js';
import { parseSstTrees } from './sst-trees.js';
import { examplesFromRecords } from './tabular.js';
import { parseTweetEval, parseTweetEvalMapping, tweetEvalPaths } from './tweeteval.js';

/** Options of {@link loadExamples}. */
export interface LoadExamplesOptions {
  /** The file's format (default: detected from the name and first line, see {@link detectDatasetFormat}). */
  format?: DatasetFormat | undefined;
  /** Text column or field (default: the known dataset's, else auto-detected). */
  textColumn?: string | undefined;
  /** Label column or field (default: the known dataset's, else auto-detected). */
  labelColumn?: string | undefined;
}

/** What {@link loadExamples} read. */
export interface LoadedExamples {
  /** The rows, labels as written in the file. */
  examples: RawExample[];
  /** The format used. */
  format: DatasetFormat;
  /** The known-dataset defaults that applied, if the path matched one. */
  known: KnownDataset | undefined;
}

/**
 * Reads one labelled data file in any of the supported formats. Unreadable or malformed files raise
 * {@link InvalidDatasetError} (with the line number where one applies).
 *
 * @param path - the data file (for TweetEval, either file of the `<split>_text.txt`/`<split>_labels.txt` pair)
 * @param options - format and columns; defaults come from {@link findKnownDataset} and auto-detection
 */
export async function loadExamples(path: string, options: LoadExamplesOptions = {}): Promise<LoadedExamples> {
  const known = findKnownDataset(path);
  const columns = {
    textColumn: options.textColumn ?? known?.textColumn,
    labelColumn: options.labelColumn ?? known?.labelColumn,
  };
  let format = options.format;
  let text: string | undefined;
  if (format === undefined) {
    const lower = path.toLowerCase();
    if (lower.endsWith('.txt') || lower.endsWith('.tsv')) {
      text = await readDataText(path);
      const newline = text.indexOf('\n');
      format = detectDatasetFormat(path, newline < 0 ? text : text.slice(0, newline));
    } else {
      format = detectDatasetFormat(path);
    }
    if (format === undefined) {
      throw new InvalidDatasetError(`Cannot tell the format of ${path}; pass --format (csv, tsv, jsonl, json, parquet, tweeteval, sst, semeval).`, {
        details: { source: path },
      });
    }
  }
  const examples = await parse(path, format, columns, text);
  return { examples, format, known };
}

async function parse(
  path: string,
  format: DatasetFormat,
  columns: { textColumn: string | undefined; labelColumn: string | undefined },
  preread: string | undefined,
): Promise<RawExample[]> {
  const text = async () => preread ?? (await readDataText(path));
  switch (format) {
    case 'csv':
      return examplesFromRecords(parseCsv(await text(), { source: path }), path, columns);
    case 'tsv':
      return examplesFromRecords(parseTsvNoQuotes(await text()), path, columns);
    case 'jsonl':
      return examplesFromObjects(parseJsonl(await text(), path), path, columns);
    case 'json':
      return examplesFromObjects(parseJsonArray(await text(), path), path, columns);
    case 'parquet':
      return examplesFromObjects(await parseParquet(await readDataBytes(path), path), path, columns);
    case 'sst':
      return parseSstTrees(await text(), path);
    case 'semeval':
      return parseSemEval(await text(), path);
    case 'tweeteval': {
      const paths = tweetEvalPaths(path);
      if (!paths) {
        throw new InvalidDatasetError(`${path}: TweetEval files are named <split>_text.txt and <split>_labels.txt.`, {
          details: { source: path },
        });
      }
      const [texts, labels] = await Promise.all([readDataText(paths.textPath), readDataText(paths.labelsPath)]);
      const mapping = (await exists(paths.mappingPath)) ? parseTweetEvalMapping(await readDataText(paths.mappingPath)) : undefined;
      return parseTweetEval(texts, labels, paths.textPath, mapping);
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
