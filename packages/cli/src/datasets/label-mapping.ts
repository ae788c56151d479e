import { InvalidDatasetError } from '@llm-shield/core';
import type { SentimentClass } from '../eval/task.js';

/** Labels read as the positive class of a binary task when no `--positive` is given (compared lower-cased). */
export const DEFAULT_POSITIVE_LABELS = ['1', 'true', 'yes', 'jailbreak', 'injection', 'attack', 'malicious', 'toxic', 'offensive', 'hate', 'bad'] as const;

/** Labels read as the negative class of a binary task when no `--positive` is given (compared lower-cased). */
export const DEFAULT_NEGATIVE_LABELS = [
  '0',
  'false',
  'no',
  'benign',
  'legitimate',
  'safe',
  'clean',
  'ok',
  'not-offensive',
  'not-hate',
  'non-toxic',
  'neither',
] as const;

const SENTIMENT_ALIASES: Readonly<Record<string, SentimentClass>> = {
  negative: 'negative',
  neg: 'negative',
  neutral: 'neutral',
  neu: 'neutral',
  objective: 'neutral',
  'objective-or-neutral': 'neutral',
  positive: 'positive',
  pos: 'positive',
};

/**
 * Maps a raw label to the positive (`true`) or negative class. With `positive` given, a label is positive
 * exactly when it is in the list (case-insensitive) and everything else is negative. Without it, the label must
 * be one of {@link DEFAULT_POSITIVE_LABELS} or {@link DEFAULT_NEGATIVE_LABELS}; anything else raises
 * {@link InvalidDatasetError} so that a wrong column is not silently read as all-negative.
 *
 * @param raw - the label as read
 * @param origin - where it came from, for the error message
 * @param positive - the labels of the positive class (optional)
 */
export function toBinaryLabel(raw: string | undefined, origin: string, positive?: readonly string[]): boolean {
  if (raw === undefined) {
    throw new InvalidDatasetError(`${origin}: the row has no label. For benign-only files use --label-constant 0.`, {
      details: { origin },
    });
  }
  const value = raw.trim().toLowerCase();
  if (positive !== undefined) return positive.some((label) => label.toLowerCase() === value);
  if ((DEFAULT_POSITIVE_LABELS as readonly string[]).includes(value)) return true;
  if ((DEFAULT_NEGATIVE_LABELS as readonly string[]).includes(value)) return false;
  throw new InvalidDatasetError(
    `${origin}: label "${raw}" is neither a known positive (${DEFAULT_POSITIVE_LABELS.join(', ')}) nor a known negative label. Name the positive class with --positive VALUE.`,
    { details: { origin, label: raw } },
  );
}

/**
 * Maps a raw label to a sentiment class: the names `negative`/`neutral`/`positive` (and `neg`/`neu`/`pos`,
 * `objective`), or through `custom` (raw label → class) first. Anything else raises {@link InvalidDatasetError}.
 *
 * @param raw - the label as read
 * @param origin - where it came from, for the error message
 * @param custom - dataset-specific mapping (optional)
 */
export function toSentimentLabel(raw: string | undefined, origin: string, custom?: Readonly<Record<string, SentimentClass>>): SentimentClass {
  const value = raw?.trim().toLowerCase();
  const mapped = value === undefined ? undefined : (custom?.[value] ?? SENTIMENT_ALIASES[value]);
  if (mapped === undefined) {
    throw new InvalidDatasetError(
      `${origin}: label ${raw === undefined ? '(none)' : `"${raw}"`} is not a sentiment class (negative, neutral, positive).`,
      { details: { origin, label: raw } },
    );
  }
  return mapped;
}
