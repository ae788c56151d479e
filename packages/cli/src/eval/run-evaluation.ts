import { InvalidConfigError, InvalidDatasetError } from '@llm-shield/core';
import type { ShieldDetectionMode as DetectionMode } from '@llm-shield/node';
import type { DatasetFormat } from '../datasets/dataset-format.js';
import { expandDataPaths } from '../datasets/expand-data-paths.js';
import { toBinaryLabel, toSentimentLabel } from '../datasets/label-mapping.js';
import { loadExamples } from '../datasets/load-examples.js';
import { createDetector } from '../detectors/create-detector.js';
import type { DetectorName } from '../detectors/detector.js';
import { binaryConfusion, binaryMetrics, type BinaryMetrics } from '../metrics/binary-metrics.js';
import { multiclassMetrics, type MulticlassMetrics } from '../metrics/multiclass-metrics.js';
import { rocAuc } from '../metrics/roc-auc.js';
import { SENTIMENT_CLASSES, type EvalTask, type SentimentClass } from './task.js';

/** What to evaluate: the options of `llm-shield eval`. */
export interface EvalOptions {
  /** The task. */
  task: EvalTask;
  /** Data files (wildcards in the file name are expanded); their rows are evaluated together. */
  data: readonly string[];
  /** File format (default: detected per file). */
  format?: DatasetFormat | undefined;
  /** Text column or field (default: the known dataset's, else auto-detected). */
  textColumn?: string | undefined;
  /** Label column or field (default: the known dataset's, else auto-detected). */
  labelColumn?: string | undefined;
  /** Binary tasks: label values of the positive class (default: the known dataset's, else the generic list). */
  positive?: readonly string[] | undefined;
  /** Give every row this label (benign-only files: `0`). Default: the known dataset's, else read the label column. */
  labelConstant?: string | undefined;
  /** Detector (default `llm-shield`). */
  detector?: DetectorName | undefined;
  /** Decision threshold (binary) or neutral band (sentiment), on the detector's scale (default: the detector's). */
  threshold?: number | undefined;
  /** Scanner mode of the `llm-shield` detector (default: the scanner's). */
  mode?: DetectionMode | undefined;
  /** Evaluate only the first N rows (after concatenating the files). Default: all. */
  limit?: number | undefined;
  /** How many misclassified rows of each kind to keep in the report (default 0). */
  keepErrors?: number | undefined;
  /**
   * Binary tasks: also report precision, recall, F1 and false-positive rate as if the decision were
   * `score > t` for each of these thresholds (the scanner's rule), from the same scores (default: none).
   */
  sweep?: readonly number[] | undefined;
}

/** One row of a threshold sweep. */
export interface SweepRow {
  threshold: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
  falsePositiveRate: number | null;
}

/** One data file's part of an evaluation. */
export interface EvalSource {
  path: string;
  format: DatasetFormat;
  /** The known dataset whose defaults applied, if any. */
  dataset: string | null;
  /** Rows read from the file. */
  rows: number;
}

/** A misclassified row. */
export interface EvalError {
  origin: string;
  gold: string;
  predicted: string;
  score: number | null;
  /** The text, cut to 200 characters. */
  text: string;
}

/** The result of {@link runEvaluation}. */
export interface EvalReport {
  task: EvalTask;
  detector: { name: DetectorName; description: string; threshold: number | null };
  sources: EvalSource[];
  /** Rows evaluated (after `limit`). */
  examples: number;
  /** Binary tasks: the metrics, plus ROC AUC when the detector has scores. */
  binary?: BinaryMetrics & { rocAuc: number | null };
  /** Binary tasks with `sweep`: the metrics at each threshold (absent when the detector gives no scores). */
  sweep?: SweepRow[];
  /** Sentiment: the three-class metrics. */
  sentiment?: MulticlassMetrics;
  /** Misclassified rows (binary: false positives and false negatives; sentiment: any), up to `keepErrors` each. */
  errors: { falsePositives: EvalError[]; falseNegatives: EvalError[]; misclassified: EvalError[] };
  /** Wall time of the detector over all rows, in milliseconds (loading excluded). */
  durationMs: number;
  /** Rows per second of the detector. */
  textsPerSecond: number;
}

/**
 * Loads labelled data, runs a detector over it and computes the task's metrics. This is what
 * `llm-shield eval` and `tools/eval/accuracy-report.mjs` run.
 *
 * Raises {@link InvalidDatasetError} for unreadable data or labels, {@link InvalidConfigError} for a detector
 * that does not do the task or is not installed.
 *
 * @param options - what to evaluate
 */
export async function runEvaluation(options: EvalOptions): Promise<EvalReport> {
  if (options.data.length === 0) throw new InvalidConfigError('No data file given (--data FILE).');
  if (options.limit !== undefined && (!Number.isInteger(options.limit) || options.limit < 1)) {
    throw new InvalidConfigError(`limit must be a positive integer, got ${options.limit}.`);
  }
  const detectorName = options.detector ?? 'llm-shield';
  const detector = await createDetector(detectorName, options.task, { threshold: options.threshold, mode: options.mode });
  const paths = await expandDataPaths(options.data);
  const sources: EvalSource[] = [];
  const texts: string[] = [];
  const origins: string[] = [];
  const binaryGold: boolean[] = [];
  const sentimentGold: SentimentClass[] = [];
  for (const path of paths) {
    const loaded = await loadExamples(path, { format: options.format, textColumn: options.textColumn, labelColumn: options.labelColumn });
    sources.push({ path, format: loaded.format, dataset: loaded.known?.name ?? null, rows: loaded.examples.length });
    const constant = options.labelConstant ?? (options.labelColumn === undefined ? loaded.known?.labelConstant : undefined);
    const positive = options.positive ?? loaded.known?.positive;
    for (const example of loaded.examples) {
      const label = constant ?? example.label;
      if (options.task === 'sentiment') sentimentGold.push(toSentimentLabel(label, example.origin, loaded.known?.sentimentLabels));
      else binaryGold.push(toBinaryLabel(label, example.origin, positive));
      texts.push(example.text);
      origins.push(example.origin);
    }
  }
  const count = Math.min(texts.length, options.limit ?? Number.POSITIVE_INFINITY);
  if (count === 0) throw new InvalidDatasetError(`No rows in ${paths.join(', ')}.`, { details: { sources: paths } });
  const keep = options.keepErrors ?? 0;
  const errors: EvalReport['errors'] = { falsePositives: [], falseNegatives: [], misclassified: [] };
  const error = (i: number, gold: string, predicted: string, score: number | null): EvalError => ({
    origin: origins[i]!,
    gold,
    predicted,
    score,
    text: texts[i]!.length > 200 ? `${texts[i]!.slice(0, 199)}…` : texts[i]!,
  });
  const started = performance.now();
  const report = {
    task: options.task,
    detector: { name: detector.name, description: detector.description, threshold: detector.threshold },
    sources,
    examples: count,
    errors,
  };
  if (detector.kind === 'binary') {
    const gold = binaryGold.slice(0, count);
    const predicted: boolean[] = [];
    const scores: number[] = [];
    let allScored = true;
    for (let i = 0; i < count; i++) {
      const { positive, score } = await detector.predict(texts[i]!);
      predicted.push(positive);
      if (score === null) allScored = false;
      else scores.push(score);
      if (positive !== gold[i]) {
        const list = positive ? errors.falsePositives : errors.falseNegatives;
        if (list.length < keep) list.push(error(i, gold[i] ? 'positive' : 'negative', positive ? 'positive' : 'negative', score));
      }
    }
    const durationMs = performance.now() - started;
    const metrics = binaryMetrics(binaryConfusion(gold, predicted));
    const sweep =
      options.sweep && allScored
        ? options.sweep.map((threshold): SweepRow => {
            const at = binaryMetrics(binaryConfusion(gold, scores.map((score) => score > threshold)));
            return { threshold, precision: at.precision, recall: at.recall, f1: at.f1, falsePositiveRate: at.falsePositiveRate };
          })
        : undefined;
    return {
      ...report,
      binary: { ...metrics, rocAuc: allScored ? rocAuc(gold, scores) : null },
      ...(sweep ? { sweep } : {}),
      durationMs,
      textsPerSecond: count / (durationMs / 1000),
    };
  }
  const gold = sentimentGold.slice(0, count);
  const predicted: SentimentClass[] = [];
  for (let i = 0; i < count; i++) {
    const { label, score } = await detector.predict(texts[i]!);
    predicted.push(label);
    if (label !== gold[i] && errors.misclassified.length < keep) errors.misclassified.push(error(i, gold[i]!, label, score));
  }
  const durationMs = performance.now() - started;
  return {
    ...report,
    sentiment: multiclassMetrics(SENTIMENT_CLASSES, gold, predicted),
    durationMs,
    textsPerSecond: count / (durationMs / 1000),
  };
}
