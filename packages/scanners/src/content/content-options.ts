import { InvalidConfigError } from '@llm-shield/core';
import { assertKnownKeys, assertNumberInRange } from '../scanner-config.js';

/**
 * How much of the text one verdict covers, as llm-guard's `match_type`:
 * - `full`: the whole text (default);
 * - `sentence`: every sentence on its own ({@link splitSentences}); the strongest sentence decides.
 */
export type ContentMatchType = 'full' | 'sentence';

const MATCH_TYPES: readonly ContentMatchType[] = ['full', 'sentence'];

/** Raises {@link InvalidConfigError} for anything but a plain options object with known keys; returns it. */
export function readOptions(scanner: string, config: unknown, known: readonly string[]): Record<string, unknown> {
  assertKnownKeys(scanner, config, known);
  return (config ?? {}) as Record<string, unknown>;
}

/** `value` as a threshold in [0, 1], or `fallback` when undefined. */
export function readThreshold(scanner: string, value: unknown, fallback: number, field = 'threshold'): number {
  if (value === undefined) return fallback;
  return assertNumberInRange(scanner, field, value, 0, 1);
}

/** `value` as a {@link ContentMatchType}, or `full` when undefined. */
export function readMatchType(scanner: string, value: unknown): ContentMatchType {
  if (value === undefined) return 'full';
  if (typeof value === 'string' && (MATCH_TYPES as readonly string[]).includes(value)) return value as ContentMatchType;
  throw new InvalidConfigError(`${scanner}: matchType must be one of ${MATCH_TYPES.join(', ')}, got ${JSON.stringify(value)}.`, {
    details: { scanner, field: 'matchType', value },
  });
}

/** `value` as a boolean, or `fallback` when undefined. */
export function readBoolean(scanner: string, field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new InvalidConfigError(`${scanner}: ${field} must be a boolean, got ${JSON.stringify(value)}.`, {
      details: { scanner, field, value },
    });
  }
  return value;
}

/** `value` as a non-empty list of non-empty strings (duplicates removed); `field` names it in the error. */
export function readStringList(scanner: string, field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    throw new InvalidConfigError(`${scanner}: ${field} must be a non-empty list of non-empty strings, got ${JSON.stringify(value)}.`, {
      details: { scanner, field, value },
    });
  }
  return [...new Set(value.map((v: string) => v.trim()))];
}
