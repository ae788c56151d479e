/** Column alignment of {@link formatTable}. */
export type Align = 'left' | 'right';

/**
 * Formats rows as a plain-text table: columns padded to their widest cell, two spaces apart, a dashed rule
 * under the first row (the header). Width counts UTF-16 code units, which is right for the ASCII this CLI prints.
 *
 * @param rows - header row first
 * @param align - per-column alignment (default: first column left, others right)
 */
export function formatTable(rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  const columns = Math.max(0, ...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(0, ...rows.map((row) => (row[c] ?? '').length)));
  const alignment = (c: number): Align => align?.[c] ?? (c === 0 ? 'left' : 'right');
  const line = (row: readonly string[]) =>
    widths
      .map((width, c) => {
        const cell = row[c] ?? '';
        return alignment(c) === 'left' ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  if (!header) return '';
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...body.map(line)].join('\n');
}

/** Formats a ratio with 3 decimals, `n/a` when undefined. */
export function formatRatio(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(3);
}
