import type { BrowserModelStore } from './model-store.js';

/** Default name of the Cache API cache and of the OPFS folder that hold llm-shield's model files. */
export const DEFAULT_BROWSER_CACHE_NAME = 'llm-shield-models';

/** Entries are stored under synthetic URLs on this origin (the `.invalid` TLD never resolves; nothing is fetched). */
const KEY_BASE = 'https://model-hub.llm-shield.invalid/';
const SIZE_HEADER = 'x-llm-shield-size';

/** Turns a store key into the URL the Cache API entry is stored under (each `/`-separated segment URL-encoded). */
export function cacheApiKeyUrl(key: string): string {
  return KEY_BASE + key.split('/').map(encodeURIComponent).join('/');
}

/**
 * A {@link BrowserModelStore} over the Cache API (`caches.open(cacheName)`, default
 * {@link DEFAULT_BROWSER_CACHE_NAME}). A write is a `cache.put` of a streamed response under the final key whose
 * stream is closed only by `commit` (after verification) and errored by `abort`: `cache.put` adds an entry only once
 * its body has completed, and rejects without touching an earlier entry when the body errors, so the in-flight put is
 * the temporary entry and a partial body is never stored. Requires a secure context (https or localhost).
 */
export function createCacheApiModelStore(cacheName: string = DEFAULT_BROWSER_CACHE_NAME): BrowserModelStore {
  let opened: Promise<Cache> | undefined;
  const open = () => {
    if (typeof caches === 'undefined') {
      return Promise.reject(new TypeError('The Cache API (globalThis.caches) is not available here: it needs a secure context (https or localhost).'));
    }
    opened ??= caches.open(cacheName);
    return opened;
  };
  const match = async (key: string) => (await open()).match(cacheApiKeyUrl(key));
  return {
    kind: 'cache-api',
    async read(key) {
      const response = await match(key);
      return response === undefined ? undefined : new Uint8Array(await response.arrayBuffer());
    },
    async size(key) {
      const response = await match(key);
      if (response === undefined) return undefined;
      await response.body?.cancel().catch(() => undefined);
      const size = Number(response.headers.get(SIZE_HEADER));
      return Number.isSafeInteger(size) ? size : undefined;
    },
    async createWriter(key, size) {
      const cache = await open();
      const stream = new TransformStream<Uint8Array, Uint8Array>();
      const writer = stream.writable.getWriter();
      const response = new Response(stream.readable, {
        headers: { 'content-type': 'application/octet-stream', [SIZE_HEADER]: String(size) },
      });
      const putting = cache.put(cacheApiKeyUrl(key), response);
      putting.catch(() => undefined); // awaited by commit / abort
      let written = 0;
      let closed = false;
      const abort = async () => {
        if (!closed) {
          closed = true;
          await writer.abort(new Error('aborted')).catch(() => undefined);
        }
        await putting.catch(() => undefined);
      };
      return {
        async write(chunk) {
          written += chunk.length;
          // A write waits for the put to take the chunk; a failed put surfaces here rather than hanging.
          await Promise.race([writer.write(chunk), putting.then(() => Promise.reject(new Error('cache.put ended early')))]);
        },
        async commit() {
          if (written !== size) {
            await abort();
            throw new RangeError(`Cache API store: ${written} bytes written to ${key}, ${size} declared`);
          }
          closed = true;
          await writer.close();
          await putting;
        },
        abort,
      };
    },
    delete: async (key) => (await open()).delete(cacheApiKeyUrl(key)),
    async keys(prefix = '') {
      const requests = await (await open()).keys();
      return requests
        .map((request) => request.url)
        .filter((url) => url.startsWith(KEY_BASE))
        .map((url) => url.slice(KEY_BASE.length).split('/').map(decodeURIComponent).join('/'))
        .filter((key) => key.startsWith(prefix));
    },
    temporaryKeys: async () => [],
  };
}
