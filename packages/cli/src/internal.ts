/**
 * Everything the repository's own tools (tools/eval, tools/bench) use from the CLI: dataset loaders, metrics, the
 * peer detectors and the evaluation runner. Not part of the package's public exports (`.` is `index.ts`); the
 * tools import this file from `dist/` by path.
 */
export * from './main.js';
export * from './cli-io.js';
export * from './usage-error.js';
export * from './version.js';
export * from './text-table.js';
export * from './scan/scan-args.js';
export * from './scan/read-input.js';
export * from './scan/format-scan-result.js';
export * from './scan/scan-command.js';
export * from './datasets/raw-example.js';
export * from './datasets/csv.js';
export * from './datasets/tsv.js';
export * from './datasets/tabular.js';
export * from './datasets/object-rows.js';
export * from './datasets/jsonl.js';
export * from './datasets/parquet.js';
export * from './datasets/tweeteval.js';
export * from './datasets/sst-trees.js';
export * from './datasets/semeval.js';
export * from './datasets/dataset-format.js';
export * from './datasets/known-datasets.js';
export * from './datasets/label-mapping.js';
export * from './datasets/read-data-file.js';
export * from './datasets/load-examples.js';
export * from './datasets/expand-data-paths.js';
export * from './metrics/binary-metrics.js';
export * from './metrics/multiclass-metrics.js';
export * from './metrics/roc-auc.js';
export * from './detectors/detector.js';
export * from './detectors/load-peer.js';
export * from './detectors/create-detector.js';
export * from './eval/task.js';
export * from './eval/run-evaluation.js';
export * from './eval/eval-args.js';
export * from './eval/format-eval-report.js';
export * from './eval/eval-command.js';
