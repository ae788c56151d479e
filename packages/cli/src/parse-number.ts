import { UsageError } from './usage-error.js';

/** Parses a finite number from an option value; raises {@link UsageError} naming the option otherwise. */
export function parseNumberOption(option: string, value: string): number {
  const number = value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(number)) throw new UsageError(`${option} expects a number, got "${value}".`);
  return number;
}

/** Parses a positive integer from an option value; raises {@link UsageError} otherwise. */
export function parsePositiveIntegerOption(option: string, value: string): number {
  const number = parseNumberOption(option, value);
  if (!Number.isInteger(number) || number < 1) throw new UsageError(`${option} expects a positive integer, got "${value}".`);
  return number;
}

/** Parses a non-negative integer from an option value; raises {@link UsageError} otherwise. */
export function parseCountOption(option: string, value: string): number {
  const number = parseNumberOption(option, value);
  if (!Number.isInteger(number) || number < 0) throw new UsageError(`${option} expects a whole number ≥ 0, got "${value}".`);
  return number;
}
