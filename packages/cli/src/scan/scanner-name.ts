import { UsageError } from '../usage-error.js';

/** Resolves a scanner name case- and punctuation-insensitively (`prompt-injection` → `PromptInjection`). */
export function resolveScannerName(name: string, known: readonly string[]): string {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  const match = known.find((candidate) => candidate.toLowerCase() === key);
  if (!match) throw new UsageError(`Unknown scanner "${name}"; available: ${known.join(', ')}.`);
  return match;
}
