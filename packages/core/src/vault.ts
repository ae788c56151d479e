import { InvalidConfigError, InvalidInputError } from './errors.js';

/** Options of a {@link Vault}. */
export interface VaultOptions {
  /**
   * Most pairs kept (default 10,000). Storing one more evicts the first-stored pair, so a long session
   * cannot grow without bound.
   */
  maxEntries?: number;
  /** Lifetime of a pair in milliseconds from when it was stored (default: none, pairs never expire). */
  ttlMs?: number;
  /** Clock in milliseconds (default `Date.now`); inject one in tests. */
  now?: () => number;
}

/** The serialisable content of a vault, from {@link Vault.serialize}; holds personal data: store it like a secret. */
export interface VaultSnapshot {
  /** Snapshot format version. */
  version: 1;
  /** `[placeholder, value, expiresAt | null]` in storage order. */
  entries: Array<[string, string, number | null]>;
  /** Placeholder-like strings the vault must never restore (typed by a user, not issued by the vault). */
  blocked: string[];
}

interface Entry {
  value: string;
  expiresAt: number | null;
}

const DEFAULT_MAX_ENTRIES = 10_000;
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

function positiveInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new InvalidConfigError(`Vault option ${field} must be a positive integer, got ${String(value)}`, { details: { scanner: 'Vault', field, value } });
  }
  return value;
}

/**
 * Per-request (or per-session) state shared by the scanners of one pipeline: the placeholders an anonymising input
 * scanner created and the original values an output scanner restores. It is an ordinary object, never a process
 * global: create one per request or conversation and pass it in the scan context.
 *
 * Bounded ({@link VaultOptions.maxEntries}, oldest evicted first) and optionally expiring
 * ({@link VaultOptions.ttlMs}, injectable clock). It holds personal data, so it is never printed by accident:
 * `JSON.stringify(vault)`, `String(vault)` and Node's `util.inspect` / `console.log` show only its size. Use
 * {@link Vault.serialize} and {@link Vault.fromJSON} explicitly to keep a vault per session on a server.
 */
export class Vault {
  readonly #entries = new Map<string, Entry>();
  readonly #blocked = new Set<string>();
  readonly #maxEntries: number;
  readonly #ttlMs: number | null;
  readonly #now: () => number;
  #expiring = false;

  constructor(options: VaultOptions = {}) {
    this.#maxEntries = options.maxEntries === undefined ? DEFAULT_MAX_ENTRIES : positiveInteger(options.maxEntries, 'maxEntries');
    if (options.ttlMs !== undefined && !(typeof options.ttlMs === 'number' && options.ttlMs > 0)) {
      throw new InvalidConfigError(`Vault option ttlMs must be a positive number, got ${String(options.ttlMs)}`, {
        details: { scanner: 'Vault', field: 'ttlMs', value: options.ttlMs },
      });
    }
    this.#ttlMs = options.ttlMs ?? null;
    this.#now = options.now ?? Date.now;
  }

  /** Stores `value` under `placeholder`, replacing any earlier value (same position) and renewing its lifetime; beyond the bound the first-stored pair is evicted. */
  set(placeholder: string, value: string): this {
    this.#entries.set(placeholder, { value, expiresAt: this.#ttlMs === null ? null : this.#now() + this.#ttlMs });
    if (this.#ttlMs !== null) this.#expiring = true;
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    return this;
  }

  /** The value stored under `placeholder`, or `undefined` (also when expired or blocked). */
  get(placeholder: string): string | undefined {
    const entry = this.#live(placeholder);
    return entry && !this.#blocked.has(placeholder) ? entry.value : undefined;
  }

  /** True when `placeholder` is stored and not expired. */
  has(placeholder: string): boolean {
    return this.#live(placeholder) !== undefined;
  }

  /** Removes `placeholder`; true when it was stored. */
  delete(placeholder: string): boolean {
    return this.#entries.delete(placeholder);
  }

  /** All live `[placeholder, value]` pairs in storage order. */
  entries(): Array<[string, string]> {
    this.#purge();
    return [...this.#entries].map(([k, e]) => [k, e.value]);
  }

  /** The first live placeholder whose value is `value` and that `accept` (default: any) accepts, or `undefined`. */
  findPlaceholder(value: string, accept: (placeholder: string) => boolean = () => true): string | undefined {
    this.#purge();
    for (const [k, e] of this.#entries) if (e.value === value && accept(k)) return k;
    return undefined;
  }

  /**
   * Marks `placeholder` as never to be restored: a placeholder-like string that arrived from outside (typed by a
   * user), so an output scanner must not turn it into stored data. Bounded like the pairs.
   */
  block(placeholder: string): this {
    this.#blocked.add(placeholder);
    if (this.#blocked.size > this.#maxEntries) this.#blocked.delete(this.#blocked.values().next().value as string);
    return this;
  }

  /** True when `placeholder` was {@link Vault.block}ed. */
  isBlocked(placeholder: string): boolean {
    return this.#blocked.has(placeholder);
  }

  /** Number of live pairs. */
  get size(): number {
    this.#purge();
    return this.#entries.size;
  }

  /** Removes every pair and block. */
  clear(): void {
    this.#entries.clear();
    this.#blocked.clear();
    this.#expiring = false;
  }

  /** The vault's content, to store per session (explicit call only; the data is personal). */
  serialize(): VaultSnapshot {
    this.#purge();
    return {
      version: 1,
      entries: [...this.#entries].map(([k, e]) => [k, e.value, e.expiresAt]),
      blocked: [...this.#blocked],
    };
  }

  /**
   * Rebuilds a vault from {@link Vault.serialize}'s snapshot (or its JSON string) with `options` (bound, TTL,
   * clock); expired pairs are dropped. Throws `InvalidInputError` for a malformed snapshot.
   */
  static fromJSON(snapshot: VaultSnapshot | string, options: VaultOptions = {}): Vault {
    const data: unknown = typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot;
    if (!isSnapshot(data)) throw new InvalidInputError('Vault.fromJSON: not a vault snapshot (version 1)');
    const vault = new Vault(options);
    const now = vault.#now();
    for (const [k, v, expiresAt] of data.entries) {
      if (expiresAt !== null && expiresAt <= now) continue;
      vault.#entries.set(k, { value: v, expiresAt });
      if (expiresAt !== null) vault.#expiring = true;
    }
    while (vault.#entries.size > vault.#maxEntries) vault.#entries.delete(vault.#entries.keys().next().value as string);
    for (const b of data.blocked) vault.block(b);
    return vault;
  }

  /** Redacted: `{ type: 'Vault', size }`, so `JSON.stringify` of a context or log record never carries the data. */
  toJSON(): { type: 'Vault'; size: number; redacted: true } {
    return { type: 'Vault', size: this.size, redacted: true };
  }

  /** Redacted description. */
  toString(): string {
    return `Vault { size: ${this.size}, redacted }`;
  }

  /** Node's `util.inspect` / `console.log`: redacted description. */
  [INSPECT](): string {
    return this.toString();
  }

  #live(placeholder: string): Entry | undefined {
    const entry = this.#entries.get(placeholder);
    if (!entry) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= this.#now()) {
      this.#entries.delete(placeholder);
      return undefined;
    }
    return entry;
  }

  #purge(): void {
    if (!this.#expiring) return;
    const now = this.#now();
    for (const [k, e] of this.#entries) if (e.expiresAt !== null && e.expiresAt <= now) this.#entries.delete(k);
  }
}

function isSnapshot(data: unknown): data is VaultSnapshot {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Partial<VaultSnapshot>;
  return (
    d.version === 1 &&
    Array.isArray(d.entries) &&
    d.entries.every((e) => Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'string' && (e[2] === null || typeof e[2] === 'number')) &&
    Array.isArray(d.blocked) &&
    d.blocked.every((b) => typeof b === 'string')
  );
}
