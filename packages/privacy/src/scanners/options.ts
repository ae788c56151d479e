import { InvalidConfigError } from '@llm-shield/core';

/** Refuses keys of `config` outside `known` with `InvalidConfigError` (`details: { scanner, option }`). */
export function checkKnownOptions(scanner: string, config: object, known: readonly string[]): void {
  for (const key of Object.keys(config)) {
    if ((config as Record<string, unknown>)[key] === undefined) continue;
    if (!known.includes(key)) {
      throw new InvalidConfigError(`${scanner}: unknown option "${key}" (known: ${known.join(', ')})`, { details: { scanner, option: key } });
    }
  }
}

/** An `InvalidConfigError` for a bad value (`details: { scanner, field, value }`). */
export function badValue(scanner: string, field: string, value: unknown, expected: string): InvalidConfigError {
  return new InvalidConfigError(`${scanner}: option ${field} must be ${expected}`, { details: { scanner, field, value } });
}

/** A number in [0, 1], or `fallback` when undefined. */
export function readUnitNumber(scanner: string, field: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) throw badValue(scanner, field, value, 'a number in [0, 1]');
  return value;
}

/** A boolean, or `fallback` when undefined. */
export function readBoolean(scanner: string, field: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw badValue(scanner, field, value, 'a boolean');
  return value;
}

/** A string, or `fallback` when undefined. */
export function readString(scanner: string, field: string, value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw badValue(scanner, field, value, 'a string');
  return value;
}

/** A list of strings (a single string is taken as a one-item list, as llm-guard's config loader does), or `undefined`. */
export function readStringList(scanner: string, field: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw badValue(scanner, field, value, 'a list of strings');
  return [...value];
}

/** One of `allowed`, or `fallback` when undefined. */
export function readEnum<T extends string>(scanner: string, field: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !allowed.includes(value as T)) throw badValue(scanner, field, value, `one of ${allowed.join(', ')}`);
  return value as T;
}
