/** Label findings below this probability are left out, so that a clean text has no findings (as with heuristics). */
export const MIN_LABEL_FINDING_SCORE = 0.01;

/** A label name folded for matching: lower case, spaces and hyphens as underscores. */
export function foldLabel(label: string): string {
  return label.trim().toLowerCase().replace(/[\s-]+/g, '_');
}
