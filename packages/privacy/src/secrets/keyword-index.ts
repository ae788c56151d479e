/**
 * Finds which of many lower-case keywords occur in a text in one pass: keywords are bucketed by their first two
 * characters (one-character keywords by their single character), and each text position looks up its bucket.
 * Linear in the text length times the (small) bucket size.
 */
export class KeywordIndex {
  readonly #buckets = new Map<string, string[]>();
  readonly #single = new Set<string>();

  constructor(keywords: Iterable<string>) {
    for (const k of new Set(keywords)) {
      if (k.length === 0) continue;
      if (k.length === 1) {
        this.#single.add(k);
        continue;
      }
      const key = k.slice(0, 2);
      const bucket = this.#buckets.get(key);
      if (bucket) bucket.push(k);
      else this.#buckets.set(key, [k]);
    }
  }

  /** The keywords found in `lower` (a lower-cased text). */
  find(lower: string): Set<string> {
    const found = new Set<string>();
    const n = lower.length;
    for (let i = 0; i < n; i++) {
      if (this.#single.size > 0 && this.#single.has(lower[i] as string)) found.add(lower[i] as string);
      if (i + 1 >= n) break;
      const bucket = this.#buckets.get(lower.slice(i, i + 2));
      if (!bucket) continue;
      for (const k of bucket) if (!found.has(k) && lower.startsWith(k, i)) found.add(k);
    }
    return found;
  }
}
