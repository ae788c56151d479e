import { InvalidConfigError } from '@llm-shield/core';

/**
 * Validates a user's category list against the known categories; `undefined` means all of them.
 * Raises {@link InvalidConfigError} for an empty list or an unknown category.
 */
export function resolveCategories<Category extends string>(
  scanner: string,
  requested: readonly Category[] | undefined,
  known: readonly Category[],
): readonly Category[] {
  if (requested === undefined) return known;
  if (!Array.isArray(requested) || requested.length === 0) {
    throw new InvalidConfigError(`${scanner}: categories must be a non-empty array of ${known.join(', ')}.`, {
      details: { scanner, field: 'categories' },
    });
  }
  for (const category of requested) {
    if (!known.includes(category)) {
      throw new InvalidConfigError(`${scanner}: unknown category ${JSON.stringify(category)}; known: ${known.join(', ')}.`, {
        details: { scanner, field: 'categories', value: category },
      });
    }
  }
  return Object.freeze([...new Set(requested)]);
}
