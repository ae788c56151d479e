/** One row read from a data file, before its label is mapped to a task's classes. */
export interface RawExample {
  /** The text to classify. */
  text: string;
  /** The label as written in the file (`undefined` when the file has no label, e.g. benign-only sets). */
  label: string | undefined;
  /** Where the row came from: `path:line` (or `path#row` for parquet and JSON arrays). */
  origin: string;
}

/** The columns to read from a file with named fields (CSV, TSV, JSONL, JSON, parquet). */
export interface ColumnSelection {
  /** Column holding the text; `undefined` picks the first of {@link TEXT_COLUMN_CANDIDATES} present. */
  textColumn?: string | undefined;
  /** Column holding the label; `undefined` picks the first of {@link LABEL_COLUMN_CANDIDATES} present, else none. */
  labelColumn?: string | undefined;
}

/** Text columns tried in order when none is given. */
export const TEXT_COLUMN_CANDIDATES = [
  'text',
  'prompt',
  'comment_text',
  'tweet',
  'question',
  'instruction',
  'sentence',
  'content',
] as const;

/** Label columns tried in order when none is given. */
export const LABEL_COLUMN_CANDIDATES = ['label', 'labels', 'type', 'is_bad', 'class'] as const;

/** Picks the column to use: the requested one (which must exist), else the first candidate present. */
export function pickColumn(
  available: readonly string[],
  requested: string | undefined,
  candidates: readonly string[],
): string | undefined {
  if (requested !== undefined) return available.includes(requested) ? requested : undefined;
  return candidates.find((candidate) => available.includes(candidate));
}
