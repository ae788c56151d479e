/** Which browser storage holds the model files. */
export type BrowserStorageKind = 'cache-api' | 'opfs';

/**
 * A write in progress to one key of a {@link BrowserModelStore}. Nothing is visible under the key (and an earlier
 * entry under it stays intact) until {@link BrowserStoreWriter.commit} resolves; {@link BrowserStoreWriter.abort}
 * discards everything written.
 */
export interface BrowserStoreWriter {
  /** Appends bytes to the pending entry. */
  write(chunk: Uint8Array): Promise<void>;
  /** Makes the written bytes the entry of the key, replacing any earlier one. */
  commit(): Promise<void>;
  /** Discards the pending entry; safe to call after a failed write, and more than once. */
  abort(): Promise<void>;
}

/**
 * Byte storage for model files in a browser: string keys (`/`-separated) to immutable byte entries. Entries appear
 * only whole, through a {@link BrowserStoreWriter} committed after verification, so a reader never sees a partial one.
 * Implementations: {@link createCacheApiModelStore}, {@link createOpfsModelStore}, {@link createMemoryModelStore}.
 */
export interface BrowserModelStore {
  /** What backs the store: `cache-api`, `opfs`, `memory`, or an implementation's own name. */
  readonly kind: string;
  /** The bytes of an entry, or `undefined` when there is none. */
  read(key: string): Promise<Uint8Array | undefined>;
  /** The size of an entry in bytes, or `undefined` when there is none. */
  size(key: string): Promise<number | undefined>;
  /**
   * Starts writing an entry of exactly `size` bytes (see {@link BrowserStoreWriter}); `commit` rejects, and keeps
   * nothing, when a different number of bytes was written.
   */
  createWriter(key: string, size: number): Promise<BrowserStoreWriter>;
  /** Removes an entry; resolves `false` when there was none. */
  delete(key: string): Promise<boolean>;
  /** Keys of the committed entries that start with `prefix` (default: all), in no particular order. */
  keys(prefix?: string): Promise<string[]>;
  /**
   * Pending or abandoned temporary entries (a write in progress, or one a closed tab never finished), for checks and
   * clean-up; empty for stores whose pending writes are invisible (the Cache API's).
   */
  temporaryKeys(): Promise<string[]>;
}

/** Writes `bytes` as the whole entry of `key` (small values: manifests, refs). */
export async function putBytes(store: BrowserModelStore, key: string, bytes: Uint8Array): Promise<void> {
  const writer = await store.createWriter(key, bytes.length);
  try {
    await writer.write(bytes);
    await writer.commit();
  } catch (error) {
    await writer.abort().catch(() => undefined);
    throw error;
  }
}
