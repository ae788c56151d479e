import { ratio } from './binary-metrics.js';

/** Precision, recall and F1 of one class (one-vs-rest); `null` where undefined. */
export interface ClassMetrics {
  /** The class. */
  label: string;
  /** Gold examples of this class. */
  support: number;
  /** Examples predicted as this class. */
  predicted: number;
  precision: number | null;
  recall: number | null;
  /** Harmonic mean of precision and recall; 0 when either is undefined or both are 0 (scikit-learn's convention). */
  f1: number;
}

/** Metrics of a multi-class classifier. */
export interface MulticlassMetrics {
  /** The classes, in matrix order. */
  labels: string[];
  /** `matrix[g][p]`: examples of gold class `labels[g]` predicted as `labels[p]`. */
  matrix: number[][];
  /** Number of examples. */
  total: number;
  /** Share of examples predicted right. */
  accuracy: number | null;
  /** Mean recall over the classes with support (SemEval-2017 Task 4A's primary metric, "AvgRec"). */
  macroRecall: number | null;
  /** Mean F1 over the classes. */
  macroF1: number | null;
  /** Mean F1 of `positive` and `negative` when both classes exist (SemEval's F1^PN), else `null`. */
  f1PN: number | null;
  /** Per-class metrics, in matrix order. */
  perClass: ClassMetrics[];
}

/**
 * Builds the confusion matrix and metrics of a multi-class classifier. Labels outside `labels` raise
 * `RangeError`.
 *
 * @param labels - the classes, in the order rows and columns are reported
 * @param gold - gold class per example
 * @param predicted - predicted class per example
 */
export function multiclassMetrics(labels: readonly string[], gold: readonly string[], predicted: readonly string[]): MulticlassMetrics {
  if (gold.length !== predicted.length) throw new RangeError(`gold has ${gold.length} labels, predicted ${predicted.length}.`);
  const index = new Map(labels.map((label, i) => [label, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = index.get(gold[i]!);
    const p = index.get(predicted[i]!);
    if (g === undefined || p === undefined) throw new RangeError(`Unknown class "${g === undefined ? gold[i] : predicted[i]}".`);
    matrix[g]![p]!++;
    if (g === p) correct++;
  }
  const perClass = labels.map((label, c): ClassMetrics => {
    const support = matrix[c]!.reduce((sum, n) => sum + n, 0);
    const predictedCount = matrix.reduce((sum, row) => sum + row[c]!, 0);
    const tp = matrix[c]![c]!;
    const precision = ratio(tp, predictedCount);
    const recall = ratio(tp, support);
    const f1 = precision === null || recall === null || precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, support, predicted: predictedCount, precision, recall, f1 };
  });
  const withSupport = perClass.filter((c) => c.support > 0);
  const positive = perClass.find((c) => c.label === 'positive');
  const negative = perClass.find((c) => c.label === 'negative');
  return {
    labels: [...labels],
    matrix,
    total: gold.length,
    accuracy: ratio(correct, gold.length),
    macroRecall: withSupport.length === 0 ? null : withSupport.reduce((sum, c) => sum + (c.recall ?? 0), 0) / withSupport.length,
    macroF1: perClass.length === 0 || gold.length === 0 ? null : perClass.reduce((sum, c) => sum + c.f1, 0) / perClass.length,
    f1PN: positive && negative && gold.length > 0 ? (positive.f1 + negative.f1) / 2 : null,
    perClass,
  };
}
