/** Counts of a binary classifier's outcomes. */
export interface BinaryConfusion {
  /** Positives predicted positive. */
  tp: number;
  /** Negatives predicted positive. */
  fp: number;
  /** Negatives predicted negative. */
  tn: number;
  /** Positives predicted negative. */
  fn: number;
}

/** Metrics of a binary classifier. A ratio whose denominator is 0 is `null` (undefined, e.g. precision with no positive prediction). */
export interface BinaryMetrics {
  /** The counts the metrics come from. */
  confusion: BinaryConfusion;
  /** Number of examples. */
  total: number;
  /** Number of gold positives. */
  positives: number;
  /** Number of gold negatives. */
  negatives: number;
  /** tp / (tp + fp). */
  precision: number | null;
  /** tp / (tp + fn), the true-positive rate. */
  recall: number | null;
  /** Harmonic mean of precision and recall; `null` when either is undefined, 0 when both are 0. */
  f1: number | null;
  /**
   * Mean of the F1 of the positive class and the F1 of the negative class (OffensEval's / TweetEval's offensive
   * metric, scikit-learn's `f1_score(average='macro')`); `null` when either class has no gold rows.
   */
  macroF1: number | null;
  /** (tp + tn) / total. */
  accuracy: number | null;
  /** fp / (fp + tn). */
  falsePositiveRate: number | null;
}

/** Counts outcomes from parallel gold and predicted labels (`true` = positive). */
export function binaryConfusion(gold: readonly boolean[], predicted: readonly boolean[]): BinaryConfusion {
  if (gold.length !== predicted.length) throw new RangeError(`gold has ${gold.length} labels, predicted ${predicted.length}.`);
  const confusion: BinaryConfusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < gold.length; i++) {
    if (gold[i]) {
      if (predicted[i]) confusion.tp++;
      else confusion.fn++;
    } else if (predicted[i]) confusion.fp++;
    else confusion.tn++;
  }
  return confusion;
}

/** Precision, recall, F1, accuracy and false-positive rate of a confusion matrix. */
export function binaryMetrics(confusion: BinaryConfusion): BinaryMetrics {
  const { tp, fp, tn, fn } = confusion;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const total = tp + fp + tn + fn;
  const macroF1 = tp + fn === 0 || tn + fp === 0 ? null : (classF1(tp, fp, fn) + classF1(tn, fn, fp)) / 2;
  return {
    confusion: { ...confusion },
    total,
    positives: tp + fn,
    negatives: tn + fp,
    precision,
    recall,
    f1,
    macroF1,
    accuracy: ratio(tp + tn, total),
    falsePositiveRate: ratio(fp, fp + tn),
  };
}

/** F1 of one class from its true positives, false positives and false negatives (0 when it has none right). */
function classF1(truePositives: number, falsePositives: number, falseNegatives: number): number {
  const denominator = 2 * truePositives + falsePositives + falseNegatives;
  return denominator === 0 ? 0 : (2 * truePositives) / denominator;
}

/** `numerator / denominator`, or `null` when the denominator is 0. */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
