/**
 * Per-pipeline (or per-session) state shared by the scanners of one pipeline: the placeholders an anonymising
 * input scanner created and the original values an output scanner restores. It is an ordinary object, never a
 * process global: create one per conversation or session.
 */
export class Vault {
  readonly #entries = new Map<string, string>();

  /** Stores `value` under `placeholder`, replacing any earlier value. */
  set(placeholder: string, value: string): this {
    this.#entries.set(placeholder, value);
    return this;
  }

  /** The value stored under `placeholder`, or `undefined`. */
  get(placeholder: string): string | undefined {
    return this.#entries.get(placeholder);
  }

  /** True when `placeholder` is stored. */
  has(placeholder: string): boolean {
    return this.#entries.has(placeholder);
  }

  /** Removes `placeholder`; true when it was stored. */
  delete(placeholder: string): boolean {
    return this.#entries.delete(placeholder);
  }

  /** All `[placeholder, value]` pairs in insertion order. */
  entries(): Array<[string, string]> {
    return [...this.#entries.entries()];
  }

  /** Number of stored pairs. */
  get size(): number {
    return this.#entries.size;
  }

  /** Removes every pair. */
  clear(): void {
    this.#entries.clear();
  }
}
