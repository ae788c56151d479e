/** The placeholder Anonymize issues for the `index`-th distinct value of `entityType`: `[REDACTED_<TYPE>_<n>]`. */
export function placeholderFor(entityType: string, index: number): string {
  return `[REDACTED_${entityType}_${index}]`;
}

/** Parses an issued placeholder; `undefined` for anything else. */
export function parsePlaceholder(placeholder: string): { entityType: string; index: number } | undefined {
  const m = /^\[REDACTED_([A-Z0-9_]{1,64})_(\d{1,9})\]$/.exec(placeholder);
  return m ? { entityType: m[1] as string, index: Number(m[2]) } : undefined;
}

/**
 * Placeholder-like text in any spelling a model or a user may produce: optional brackets, any case, spaces,
 * underscores or hyphens between the words (`[REDACTED_EMAIL_ADDRESS_1]`, `[redacted email address 1]`,
 * `REDACTED-EMAIL-ADDRESS-1`). Bounded quantifiers only (linear).
 */
export const PLACEHOLDER_LIKE = /(?:\[[ \t]{0,3})?REDACTED[ _-]{1,3}([A-Za-z]{1,24}(?:[ _-]{1,3}[A-Za-z]{1,24}){0,4})[ _-]{1,3}(\d{1,9})(?:[ \t]{0,3}\])?/gi;

/** The canonical `[REDACTED_<TYPE>_<n>]` form of a {@link PLACEHOLDER_LIKE} match. */
export function canonicalPlaceholder(typeWords: string, index: string): string {
  return placeholderFor(typeWords.toUpperCase().split(/[ _-]+/).join('_'), Number(index));
}

/** Every placeholder-like span of `text` with its canonical form. */
export function findPlaceholderLike(text: string): Array<{ start: number; end: number; canonical: string }> {
  const out: Array<{ start: number; end: number; canonical: string }> = [];
  if (!/redacted/i.test(text)) return out;
  PLACEHOLDER_LIKE.lastIndex = 0;
  for (let m = PLACEHOLDER_LIKE.exec(text); m; m = PLACEHOLDER_LIKE.exec(text)) {
    out.push({ start: m.index, end: m.index + m[0].length, canonical: canonicalPlaceholder(m[1] as string, m[2] as string) });
  }
  return out;
}
