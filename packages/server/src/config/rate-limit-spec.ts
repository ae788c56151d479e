import { InvalidConfigError } from '@llm-shield/core';

/** A rate limit: at most `max` requests per client address in `windowMs`. */
export interface RateLimitSpec {
  max: number;
  windowMs: number;
}

const UNITS: Readonly<Record<string, number>> = {
  second: 1_000,
  seconds: 1_000,
  minute: 60_000,
  minutes: 60_000,
  hour: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
};

/** `100/minute`, `10 per second`, `5/2 minutes` (the `limits` syntax llm-guard-api's slowapi reads); linear. */
const LIMIT = /^\s*(\d{1,9})\s*(?:\/|per)\s*(\d{1,6})?\s*([a-z]{3,7})\s*$/i;

/**
 * Parses llm-guard-api's `rate_limit.limit` (`"100/minute"`, `"10 per second"`, `"1000/2 hours"`). Raises
 * `InvalidConfigError` naming `path` for anything else, including several limits separated by `;` (slowapi
 * accepts those; llm-shield takes one).
 *
 * @param value - the limit text
 * @param path - the key path for messages (default `rate_limit.limit`)
 */
export function parseRateLimit(value: string, path = 'rate_limit.limit'): RateLimitSpec {
  const match = typeof value === 'string' && value.length <= 64 ? LIMIT.exec(value) : null;
  const unit = match ? UNITS[match[3]!.toLowerCase()] : undefined;
  const max = match ? Number(match[1]) : 0;
  const count = match?.[2] === undefined ? 1 : Number(match[2]);
  if (!match || unit === undefined || max < 1 || count < 1) {
    throw new InvalidConfigError(`${path}: ${JSON.stringify(value)} is not a rate limit; write e.g. "100/minute" or "10 per second".`, {
      details: { path, value },
    });
  }
  return { max, windowMs: count * unit };
}
