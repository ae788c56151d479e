/** The file formats `llm-shield eval` reads. */
export const DATASET_FORMATS = ['csv', 'tsv', 'jsonl', 'json', 'parquet', 'tweeteval', 'sst', 'semeval'] as const;

/** One of {@link DATASET_FORMATS}. */
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** True when `value` names a {@link DatasetFormat}. */
export function isDatasetFormat(value: string): value is DatasetFormat {
  return (DATASET_FORMATS as readonly string[]).includes(value);
}

const SEMEVAL_LINE = /^[^\t\n]+\t(positive|negative|neutral|objective|objective-or-neutral)\t/i;

/**
 * Guesses a file's format from its name and, for `.txt`/`.tsv`, its first line:
 * `.parquet` → parquet, `.jsonl` → jsonl, `.json` → json, `.csv` → csv, `<split>_text.txt`/`<split>_labels.txt`
 * → tweeteval, a first line `(<0-4> …` → sst, `id<TAB>negative|neutral|positive<TAB>text` → semeval, other
 * `.tsv` → tsv (header row, no quotes). Returns `undefined` when nothing fits.
 *
 * @param path - the file's path
 * @param firstLine - the file's first line, for `.txt`/`.tsv` (optional)
 */
export function detectDatasetFormat(path: string, firstLine?: string): DatasetFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.parquet')) return 'parquet';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  if (/_(text|labels)\.txt$/.test(lower)) return 'tweeteval';
  if (lower.endsWith('.txt') || lower.endsWith('.tsv')) {
    const line = (firstLine ?? '').replace(/^\uFEFF/, '');
    if (/^\([0-4] /.test(line)) return 'sst';
    if (SEMEVAL_LINE.test(line)) return 'semeval';
    if (lower.endsWith('.tsv')) return 'tsv';
  }
  return undefined;
}
