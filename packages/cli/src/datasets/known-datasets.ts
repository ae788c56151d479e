/** Defaults for a well-known public data file, applied when the command line does not say otherwise. */
export interface KnownDataset {
  /** Short name shown in reports. */
  name: string;
  /** How the path is recognised (tested against the path with `/` separators). */
  pattern: RegExp;
  /** Text column or field. */
  textColumn?: string;
  /** Label column or field. */
  labelColumn?: string;
  /** Label values of the positive class for binary tasks (everything else is negative). */
  positive?: string[];
  /** The label every row has (benign-only sets). */
  labelConstant?: string;
  /** Raw label → sentiment class, for sets whose labels are not the class names. */
  sentimentLabels?: Record<string, 'negative' | 'neutral' | 'positive'>;
}

/**
 * The files of `../shared/datasets` (and their upstream names) that need more than auto-detection.
 * Files not listed here use the generic rules: text column `text`/`prompt`/`comment_text`/…, label column
 * `label`/`type`/`is_bad`/`class`, positive labels `1`/`true`/`jailbreak`/`injection`/`toxic`/`offensive`/`hate`.
 */
export const KNOWN_DATASETS: readonly KnownDataset[] = [
  {
    name: 'jackhhao/jailbreak-classification',
    pattern: /jailbreak_dataset_[a-z_]+\.csv$/i,
    textColumn: 'prompt',
    labelColumn: 'type',
    positive: ['jailbreak'],
  },
  {
    name: 'awesome-chatgpt-prompts (benign)',
    pattern: /awesome-chatgpt-prompts\/prompts\.csv$/i,
    textColumn: 'prompt',
    labelConstant: '0',
  },
  { name: 'NQ-open (benign)', pattern: /NQ-open[^/]*\.jsonl$/i, textColumn: 'question', labelConstant: '0' },
  { name: 'AlpacaEval 805 (benign)', pattern: /alpaca[-_]eval[^/]*\/(example\/)?outputs\.json$/i, textColumn: 'instruction', labelConstant: '0' },
  {
    name: 'Jigsaw (predibase subsets)',
    pattern: /data_pools\/(train|test)\.[a-z]\.(ok|bad)\.[0-9]+k?\.csv$/i,
    textColumn: 'comment_text',
    labelColumn: 'is_bad',
    positive: ['true', '1'],
  },
  {
    name: 'Davidson hate/offensive',
    pattern: /davidson[^/]*\/data\/labeled_data\.csv$/i,
    textColumn: 'tweet',
    labelColumn: 'class',
    positive: ['0', '1'],
  },
  { name: 'deepset/prompt-injections', pattern: /deepset[^/]*\/.*\.parquet$/i, textColumn: 'text', labelColumn: 'label', positive: ['1'] },
  {
    name: 'SST-2 (GLUE)',
    pattern: /SST-2\/(train|dev|test)\.tsv$/i,
    labelColumn: 'label',
    sentimentLabels: { '0': 'negative', '1': 'positive' },
  },
];

/** The known-dataset entry for a path, if any. */
export function findKnownDataset(path: string): KnownDataset | undefined {
  const normalized = path.replace(/\\/g, '/');
  return KNOWN_DATASETS.find((entry) => entry.pattern.test(normalized));
}
