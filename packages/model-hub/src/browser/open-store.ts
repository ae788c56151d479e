import { InvalidConfigError } from '@llm-shield/core';
import { createCacheApiModelStore, DEFAULT_BROWSER_CACHE_NAME } from './cache-api-store.js';
import type { BrowserModelStore, BrowserStorageKind } from './model-store.js';
import { createOpfsModelStore } from './opfs-store.js';

/** Which browser storage to use: one of {@link BrowserStorageKind}, or `auto` (OPFS where usable, else the Cache API). */
export type BrowserStorageChoice = BrowserStorageKind | 'auto';

/** Options choosing the store of the browser model cache. */
export interface BrowserStoreOptions {
  /** `cache-api`, `opfs`, or `auto`: OPFS when `navigator.storage.getDirectory` and `createWritable` exist, else the Cache API (default `auto`). */
  storage?: BrowserStorageChoice;
  /** Cache API cache name, or OPFS folder name (default {@link DEFAULT_BROWSER_CACHE_NAME}). */
  cacheName?: string;
  /** A store to use instead (e.g. {@link createMemoryModelStore} in tests); `storage` and `cacheName` are then ignored. */
  store?: BrowserModelStore;
}

/** True where the OPFS store can work: `navigator.storage.getDirectory` and writable file streams exist. */
export function isOpfsAvailable(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.storage?.getDirectory === 'function' &&
    typeof FileSystemFileHandle !== 'undefined' &&
    typeof FileSystemFileHandle.prototype.createWritable === 'function'
  );
}

/** The storage `auto` picks here: `opfs`, `cache-api`, or `undefined` when there is neither (not a browser). */
export function detectBrowserStorage(): BrowserStorageKind | undefined {
  if (isOpfsAvailable()) return 'opfs';
  return typeof caches === 'undefined' ? undefined : 'cache-api';
}

/**
 * The store of {@link BrowserStoreOptions}: `options.store` when given, else the OPFS or Cache API store named
 * `cacheName`. Raises {@link InvalidConfigError} when `auto` finds neither (e.g. in Node, or an insecure context).
 */
export function openBrowserModelStore(options: BrowserStoreOptions = {}): BrowserModelStore {
  if (options.store) return options.store;
  const cacheName = options.cacheName ?? DEFAULT_BROWSER_CACHE_NAME;
  const storage = options.storage ?? 'auto';
  const kind = storage === 'auto' ? detectBrowserStorage() : storage;
  if (kind === 'opfs') return createOpfsModelStore(cacheName);
  if (kind === 'cache-api') return createCacheApiModelStore(cacheName);
  if (kind === undefined) {
    throw new InvalidConfigError(
      'Neither the Origin Private File System nor the Cache API is available here (they need a browser and a secure context: ' +
        'https or localhost). Pass `store` (e.g. createMemoryModelStore()) or use @llm-shield/model-hub/node in Node.',
      { details: { storage } },
    );
  }
  throw new InvalidConfigError(`Unknown browser storage ${JSON.stringify(storage)}: use "cache-api", "opfs" or "auto".`, { details: { storage } });
}
