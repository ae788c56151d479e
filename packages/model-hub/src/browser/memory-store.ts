import type { BrowserModelStore } from './model-store.js';

/** A {@link BrowserModelStore} in memory with the other stores' semantics, for tests and for apps that cache nothing. */
export interface MemoryModelStore extends BrowserModelStore {
  /** The committed entries (live view), for tests. */
  readonly entries: ReadonlyMap<string, Uint8Array>;
}

/** Creates an empty {@link MemoryModelStore}; temporary entries are kept apart until committed. */
export function createMemoryModelStore(): MemoryModelStore {
  const entries = new Map<string, Uint8Array>();
  const temporary = new Map<string, Uint8Array[]>();
  let counter = 0;
  return {
    kind: 'memory',
    entries,
    read: async (key) => {
      const bytes = entries.get(key);
      return bytes === undefined ? undefined : bytes.slice();
    },
    size: async (key) => entries.get(key)?.length,
    async createWriter(key, size) {
      const tempKey = `tmp/${++counter}/${key}`;
      const chunks: Uint8Array[] = [];
      temporary.set(tempKey, chunks);
      let open = true;
      return {
        async write(chunk) {
          if (!open) throw new TypeError(`memory store: write to a closed writer of ${key}`);
          chunks.push(chunk.slice());
        },
        async commit() {
          if (!open) throw new TypeError(`memory store: commit of a closed writer of ${key}`);
          open = false;
          const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
          if (total !== size) {
            temporary.delete(tempKey);
            throw new RangeError(`memory store: ${total} bytes written to ${key}, ${size} declared`);
          }
          const bytes = new Uint8Array(total);
          let offset = 0;
          for (const chunk of chunks) {
            bytes.set(chunk, offset);
            offset += chunk.length;
          }
          temporary.delete(tempKey);
          entries.set(key, bytes);
        },
        async abort() {
          open = false;
          temporary.delete(tempKey);
        },
      };
    },
    delete: async (key) => entries.delete(key),
    keys: async (prefix = '') => [...entries.keys()].filter((key) => key.startsWith(prefix)),
    temporaryKeys: async () => [...temporary.keys()],
  };
}
