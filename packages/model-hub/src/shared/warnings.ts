import type { WarningCallback } from '../progress.js';

/**
 * Collects the warnings of one operation while passing each to `warn` as it comes.
 *
 * @param warn - receives each warning at once
 */
export function collectWarnings(warn: WarningCallback): { warnings: string[]; warning: (message: string) => void } {
  const warnings: string[] = [];
  const warning = (message: string) => {
    warnings.push(message);
    warn(message);
  };
  return { warnings, warning };
}
