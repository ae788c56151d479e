import { InvalidConfigError, type ScanResultV1 } from '@llm-shield/core';

/** Default number of results a scanner's cache keeps: 1,000. */
export const DEFAULT_CACHE_MAX_ENTRIES = 1000;
/** Default lifetime of a cached result: 5 minutes. */
export const DEFAULT_CACHE_TTL_MS = 5 * 60_000;
/** Default longest text that is cached (UTF-16 code units): 65,536. Longer texts are scanned every time. */
export const DEFAULT_CACHE_MAX_TEXT_LENGTH = 65_536;

/**
 * Result cache of a classifier scanner (off by default). Keys are the exact text (never a hash, so that no
 * crafted collision can reuse another text's verdict); each scanner instance has its own cache, so the key
 * implicitly includes that scanner's configuration. Fallback results are not cached (the model may load later).
 */
export interface ResultCacheOptions {
  /** Most results kept; the least recently used goes first (default {@link DEFAULT_CACHE_MAX_ENTRIES}). */
  maxEntries?: number;
  /** Lifetime of a result in milliseconds (default {@link DEFAULT_CACHE_TTL_MS}). */
  ttlMs?: number;
  /** Longest text cached, in UTF-16 code units (default {@link DEFAULT_CACHE_MAX_TEXT_LENGTH}). */
  maxTextLength?: number;
  /** Clock in milliseconds (default `Date.now`); tests inject one. */
  now?: () => number;
}

/** Validated {@link ResultCacheOptions}. */
export interface ResolvedCacheOptions {
  readonly maxEntries: number;
  readonly ttlMs: number;
  readonly maxTextLength: number;
  readonly now: () => number;
}

/**
 * Validates the `cache` option: `undefined`/`false` → no cache, `true` → defaults, an object → its values over the
 * defaults. Raises {@link InvalidConfigError} for bad values.
 */
export function resolveCacheOptions(scanner: string, cache: unknown): ResolvedCacheOptions | undefined {
  if (cache === undefined || cache === false) return undefined;
  const options: ResultCacheOptions = cache === true ? {} : (cache as ResultCacheOptions);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new InvalidConfigError(`${scanner}: cache must be a boolean or { maxEntries, ttlMs, maxTextLength, now }.`, {
      details: { scanner, field: 'cache' },
    });
  }
  const positive = (field: string, value: unknown, integer: boolean): number => {
    if (typeof value !== 'number' || !(value > 0) || (integer ? !Number.isInteger(value) : !Number.isFinite(value))) {
      throw new InvalidConfigError(`${scanner}: cache.${field} must be a positive ${integer ? 'integer' : 'number'}.`, {
        details: { scanner, field: `cache.${field}`, value },
      });
    }
    return value;
  };
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new InvalidConfigError(`${scanner}: cache.now must be a function.`, { details: { scanner, field: 'cache.now' } });
  }
  return Object.freeze({
    maxEntries: positive('maxEntries', options.maxEntries ?? DEFAULT_CACHE_MAX_ENTRIES, true),
    ttlMs: positive('ttlMs', options.ttlMs ?? DEFAULT_CACHE_TTL_MS, false),
    maxTextLength: positive('maxTextLength', options.maxTextLength ?? DEFAULT_CACHE_MAX_TEXT_LENGTH, true),
    now: options.now ?? Date.now,
  });
}

/** A copy of a result, so that callers mutating a result never change the cached one. */
export function copyScanResult(result: ScanResultV1): ScanResultV1 {
  const copy: ScanResultV1 = {
    ...result,
    findings: result.findings.map((finding) => ({ ...finding, rules: [...finding.rules], spans: finding.spans.map((span) => ({ ...span })) })),
  };
  if (result.model) copy.model = { ...result.model };
  if (result.decidingPart) copy.decidingPart = { ...result.decidingPart };
  return copy;
}

/** Least-recently-used cache of scan results with a time to live. */
export class ResultCache {
  private readonly entries = new Map<string, { result: ScanResultV1; expires: number }>();

  constructor(private readonly options: ResolvedCacheOptions) {}

  /** Number of entries held (expired ones included until touched). */
  get size(): number {
    return this.entries.size;
  }

  /** A copy of the cached result of `text`, or `undefined` when absent or expired. */
  get(text: string): ScanResultV1 | undefined {
    if (text.length > this.options.maxTextLength) return undefined;
    const entry = this.entries.get(text);
    if (entry === undefined) return undefined;
    this.entries.delete(text);
    if (entry.expires <= this.options.now()) return undefined;
    this.entries.set(text, entry);
    return copyScanResult(entry.result);
  }

  /** Stores a copy of `result` for `text`, evicting the least recently used entry when full. */
  set(text: string, result: ScanResultV1): void {
    if (text.length > this.options.maxTextLength) return;
    this.entries.delete(text);
    this.entries.set(text, { result: copyScanResult(result), expires: this.options.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** Empties the cache. */
  clear(): void {
    this.entries.clear();
  }
}
