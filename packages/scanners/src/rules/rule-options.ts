import { InvalidConfigError } from '@llm-shield/core';

/**
 * Validators of rule-scanner options. Each returns the value or its default, and raises
 * {@link InvalidConfigError} with `details: { scanner, field, value }` naming the camelCase option otherwise.
 */

/** Raises {@link InvalidConfigError} for a bad value of `field`. */
export function invalidOption(scanner: string, field: string, value: unknown, expected: string): InvalidConfigError {
  return new InvalidConfigError(`${scanner}: ${field} must be ${expected}, got ${describe(value)}.`, {
    details: { scanner, field, value },
  });
}

function describe(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  } catch {
    return String(value);
  }
}

/** A boolean option; `fallback` when absent. */
export function readBoolean(scanner: string, field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalidOption(scanner, field, value, 'a boolean');
  return value;
}

/** A finite number in [min, max]; `fallback` when absent. */
export function readNumber(scanner: string, field: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidOption(scanner, field, value, `a number in [${min}, ${max}]`);
  }
  return value;
}

/** An integer in [min, max]; `fallback` when absent. */
export function readInteger(scanner: string, field: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidOption(scanner, field, value, `an integer in [${min}, ${max}]`);
  }
  return value;
}

/** One of `allowed`; `fallback` when absent. */
export function readEnum<T extends string>(scanner: string, field: string, value: unknown, fallback: T, allowed: readonly T[]): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw invalidOption(scanner, field, value, `one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/**
 * A list of non-empty strings. With `required`, an absent or empty list is refused (llm-guard: "No substrings
 * provided"); otherwise `fallback` is returned when absent.
 */
export function readStringList(
  scanner: string,
  field: string,
  value: unknown,
  options: { required: boolean; fallback?: readonly string[] },
): readonly string[] {
  if (value === undefined && !options.required) return options.fallback ?? [];
  if (!Array.isArray(value) || value.length === 0) throw invalidOption(scanner, field, value, 'a non-empty list of strings');
  for (const item of value) {
    if (typeof item !== 'string' || item.length === 0) throw invalidOption(scanner, field, value, 'a list of non-empty strings');
  }
  return Object.freeze([...(value as string[])]);
}
