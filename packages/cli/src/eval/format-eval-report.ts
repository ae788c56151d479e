import { formatRatio, formatTable } from '../text-table.js';
import type { EvalError, EvalReport } from './run-evaluation.js';

/**
 * Renders an evaluation report as text: what ran on what, the metrics table, the confusion matrix, and the
 * misclassified rows that were kept.
 *
 * @param report - from `runEvaluation`
 */
export function formatEvalReport(report: EvalReport): string {
  const out: string[] = [];
  out.push(`task       ${report.task}`);
  out.push(`detector   ${report.detector.name}: ${report.detector.description}`);
  for (const source of report.sources) {
    out.push(`data       ${source.path} (${source.format}${source.dataset ? `, ${source.dataset}` : ''}, ${source.rows} rows)`);
  }
  out.push(
    `examples   ${report.examples} · ${(report.durationMs / 1000).toFixed(2)} s · ${Math.round(report.textsPerSecond).toLocaleString('en-US')} texts/s`,
  );
  out.push('');
  if (report.binary) {
    const m = report.binary;
    const { tp, fp, tn, fn } = m.confusion;
    out.push(`gold: ${m.positives} positive, ${m.negatives} negative`);
    if (m.positives === 0) out.push('(no positive rows: precision, recall and F1 are undefined; the false-positive rate is the measure)');
    if (m.negatives === 0) out.push('(no negative rows: the false-positive rate is undefined)');
    out.push('');
    out.push(
      formatTable([
        ['metric', 'value'],
        ['precision', formatRatio(m.precision)],
        ['recall', formatRatio(m.recall)],
        ['F1', formatRatio(m.f1)],
        ['macro-F1', formatRatio(m.macroF1)],
        ['accuracy', formatRatio(m.accuracy)],
        ['false-positive rate', formatRatio(m.falsePositiveRate)],
        ['ROC AUC', formatRatio(m.rocAuc)],
      ]),
    );
    out.push('');
    out.push('confusion matrix');
    out.push(
      formatTable([
        ['gold \\ predicted', 'positive', 'negative', 'total'],
        ['positive', String(tp), String(fn), String(tp + fn)],
        ['negative', String(fp), String(tn), String(fp + tn)],
      ]),
    );
    if (report.sweep) {
      out.push('');
      out.push('threshold sweep (flagged when score > threshold)');
      out.push(
        formatTable([
          ['threshold', 'precision', 'recall', 'F1', 'FPR'],
          ...report.sweep.map((row) => [String(row.threshold), formatRatio(row.precision), formatRatio(row.recall), formatRatio(row.f1), formatRatio(row.falsePositiveRate)]),
        ]),
      );
    }
    appendErrors(out, 'false positives', report.errors.falsePositives);
    appendErrors(out, 'false negatives', report.errors.falseNegatives);
  }
  if (report.sentiment) {
    const m = report.sentiment;
    out.push(
      formatTable([
        ['metric', 'value'],
        ['accuracy', formatRatio(m.accuracy)],
        ['macro-recall (AvgRec)', formatRatio(m.macroRecall)],
        ['macro-F1', formatRatio(m.macroF1)],
        ['F1^PN', formatRatio(m.f1PN)],
      ]),
    );
    out.push('');
    out.push(
      formatTable([
        ['class', 'precision', 'recall', 'F1', 'support', 'predicted'],
        ...m.perClass.map((c) => [c.label, formatRatio(c.precision), formatRatio(c.recall), formatRatio(c.f1), String(c.support), String(c.predicted)]),
      ]),
    );
    out.push('');
    out.push('confusion matrix');
    out.push(
      formatTable([
        ['gold \\ predicted', ...m.labels, 'total'],
        ...m.labels.map((label, g) => [label, ...m.matrix[g]!.map(String), String(m.matrix[g]!.reduce((a, b) => a + b, 0))]),
      ]),
    );
    appendErrors(out, 'misclassified', report.errors.misclassified);
  }
  return `${out.join('\n')}\n`;
}

function appendErrors(out: string[], title: string, errors: readonly EvalError[]): void {
  if (errors.length === 0) return;
  out.push('');
  out.push(`${title} (first ${errors.length})`);
  for (const error of errors) {
    const score = error.score === null ? '' : `, score ${error.score.toFixed(3)}`;
    out.push(`  ${error.origin}  gold ${error.gold}, predicted ${error.predicted}${score}`);
    out.push(`    ${JSON.stringify(error.text)}`);
  }
}
