import type { Finding, PipelineResult, ScanResultV1, TextSpan } from '@llm-shield/core';

/** Options of {@link formatScanResult}. */
export interface FormatScanOptions {
  /** Use ANSI colours (default `false`). */
  color?: boolean;
  /** Findings shown per scanner (default 5). */
  maxFindings?: number;
  /** Matched snippets shown per finding (default 3). */
  maxSpans?: number;
}

const SNIPPET_LENGTH = 60;

/** Quotes a matched text for one line of output: escaped like JSON, cut to 60 characters. */
export function snippet(text: string): string {
  const cut = text.length > SNIPPET_LENGTH ? `${text.slice(0, SNIPPET_LENGTH - 1)}…` : text;
  return JSON.stringify(cut);
}

function comparison(result: ScanResultV1): string {
  const score = result.score.toFixed(2);
  const threshold = result.threshold.toFixed(2);
  if (result.valid) return `score ${score} ≤ threshold ${threshold}`;
  return result.score > result.threshold ? `score ${score} > threshold ${threshold}` : `score ${score}, threshold ${threshold}`;
}

/** Drops spans that lie inside another span of the same finding (rules often match overlapping text). */
export function outermostSpans(spans: readonly TextSpan[]): TextSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextSpan[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (last && span.start >= last.start && span.end <= last.end) continue;
    kept.push(span);
  }
  return kept;
}

function findingLines(findings: readonly Finding[], maxFindings: number, maxSpans: number): string[] {
  const lines: string[] = [];
  const width = Math.max(0, ...findings.slice(0, maxFindings).map((f) => f.category.length));
  for (const finding of findings.slice(0, maxFindings)) {
    const counts = new Map<string, number>();
    for (const span of outermostSpans(finding.spans)) counts.set(span.text, (counts.get(span.text) ?? 0) + 1);
    const distinct = [...counts];
    const spans = distinct.slice(0, maxSpans).map(([text, count]) => `${snippet(text)}${count > 1 ? ` ×${count}` : ''}`);
    const more = distinct.length > maxSpans ? ` +${distinct.length - maxSpans} more` : '';
    const rules = finding.rules.length > 0 ? `  [${finding.rules.slice(0, 3).join(', ')}${finding.rules.length > 3 ? ', …' : ''}]` : '';
    lines.push(`    ${finding.category.padEnd(width)}  ${finding.score.toFixed(2)}  ${spans.join(', ')}${more}${rules}`.trimEnd());
  }
  if (findings.length > maxFindings) lines.push(`    … ${findings.length - maxFindings} more findings (use --json)`);
  return lines;
}

/**
 * Renders a pipeline result for people: a verdict line, then per scanner ✔/✖ with PASS/FAIL, score against
 * threshold, method and time, its strongest findings (category, score, distinct matched texts ×count, rules), and for flagged
 * scanners the explanation. Skipped scanners say why; a fallback says why the model did not answer.
 *
 * @param result - the pipeline result
 * @param options - colour and how much to show
 */
export function formatScanResult(result: PipelineResult, options: FormatScanOptions = {}): string {
  const color = options.color === true;
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  const completed = result.runs.filter((run) => run.status === 'completed').length;
  const failedClosed = result.failedClosed ?? []; // results serialised before failedClosed existed lack it
  const flagged = result.failedScanners.filter((id) => !failedClosed.includes(id));
  const notChecked = failedClosed.length > 0 ? `${flagged.length > 0 ? '; ' : '✖ '}NOT CHECKED (failed closed) by ${failedClosed.join(', ')}` : '';
  const verdict = result.valid
    ? paint('32;1', '✔ VALID')
    : paint('31;1', `${flagged.length > 0 ? `✖ FLAGGED by ${flagged.join(', ')}` : ''}${notChecked}`);
  const risk = result.riskScore >= 0 ? ` · risk ${result.riskScore.toFixed(2)}` : '';
  lines.push(`${verdict}${risk} · ${completed}/${result.runs.length} scanners · ${result.durationMs.toFixed(1)} ms`);
  if (result.repairedSurrogates > 0) {
    lines.push(paint('33', `  note: ${result.repairedSurrogates} invalid UTF-16 code unit(s) were replaced with U+FFFD before scanning`));
  }
  for (const run of result.runs) {
    if (run.status === 'skipped') {
      lines.push(paint('2', `- SKIP ${run.id}: ${run.reason}`));
      continue;
    }
    const r = run.result;
    const mark = r.valid ? paint('32', '✔ PASS') : paint('31', '✖ FAIL');
    const severity = r.valid ? '' : ` · severity ${r.severity}`;
    const model = r.model ? ` (${r.model.id}${r.model.variant ? `/${r.model.variant}` : ''})` : '';
    lines.push(`${mark} ${run.id}  ${comparison(r)} · ${r.method}${model}${severity} · ${run.durationMs.toFixed(1)} ms`);
    if (r.fallbackReason) lines.push(paint('33', `    fallback: ${r.fallbackReason}`));
    lines.push(...findingLines(r.findings, options.maxFindings ?? 5, options.maxSpans ?? 3));
    if (r.method === 'ml' && r.heuristic && r.heuristic.findings.length > 0) {
      lines.push(paint('2', `    rule-based detector (explanation, score ${r.heuristic.score.toFixed(2)}):`));
      lines.push(...findingLines(r.heuristic.findings, options.maxFindings ?? 5, options.maxSpans ?? 3).map((line) => `  ${line}`));
    }
    if (!r.valid || r.findings.length === 0) lines.push(paint('2', `    ${r.explanation}`));
  }
  return `${lines.join('\n')}\n`;
}
