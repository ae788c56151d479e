import { DEFAULT_BROWSER_CACHE_NAME } from './cache-api-store.js';
import type { BrowserModelStore } from './model-store.js';

/** What the OPFS store needs of a directory handle beyond TypeScript's DOM types (async iteration, `move`). */
interface DirectoryHandle extends FileSystemDirectoryHandle {
  values(): AsyncIterable<FileSystemDirectoryHandle | FileSystemFileHandle>;
}
type MovableFileHandle = FileSystemFileHandle & { move?: (parent: FileSystemDirectoryHandle, name: string) => Promise<void> };

const isNotFound = (error: unknown) => (error as DOMException)?.name === 'NotFoundError' || (error as DOMException)?.name === 'TypeMismatchError';

/**
 * A {@link BrowserModelStore} in the Origin Private File System (`navigator.storage.getDirectory()`), in the folder
 * `cacheName` (default {@link DEFAULT_BROWSER_CACHE_NAME}): committed entries under `data/<key segments>`, writes in
 * progress under `tmp/<random>`. A write streams into its temporary file (`createWritable`), and `commit` moves it to
 * its key (`FileSystemHandle.move`, or a copy where the browser lacks it) only after the size checks; `abort` deletes
 * it. Temporary files a closed tab left behind are listed by `temporaryKeys()` and removed when a store is opened
 * and they are older than `staleTemporaryMs`.
 *
 * @param cacheName - OPFS folder (default {@link DEFAULT_BROWSER_CACHE_NAME})
 * @param staleTemporaryMs - age after which a temporary file counts as abandoned (default one day)
 */
export function createOpfsModelStore(cacheName: string = DEFAULT_BROWSER_CACHE_NAME, staleTemporaryMs = 86_400_000): BrowserModelStore {
  let opened: Promise<{ data: DirectoryHandle; tmp: DirectoryHandle }> | undefined;
  const open = () => {
    if (typeof navigator === 'undefined' || typeof navigator.storage?.getDirectory !== 'function') {
      return Promise.reject(new TypeError('The Origin Private File System (navigator.storage.getDirectory) is not available here.'));
    }
    opened ??= (async () => {
      const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(cacheName, { create: true });
      const [data, tmp] = await Promise.all([root.getDirectoryHandle('data', { create: true }), root.getDirectoryHandle('tmp', { create: true })]);
      const dirs = { data: data as DirectoryHandle, tmp: tmp as DirectoryHandle };
      for await (const handle of dirs.tmp.values()) {
        const started = parseInt(handle.name.split('-')[0] ?? '', 36);
        if (!(Date.now() - started < staleTemporaryMs)) await dirs.tmp.removeEntry(handle.name, { recursive: true }).catch(() => undefined);
      }
      return dirs;
    })();
    return opened;
  };

  /** The folder holding `key`'s file and the file's name; `undefined` when a folder is missing and `create` is false. */
  const locate = async (key: string, create: boolean): Promise<{ dir: FileSystemDirectoryHandle; name: string } | undefined> => {
    const segments = key.split('/');
    const name = segments.pop() ?? '';
    let dir: FileSystemDirectoryHandle = (await open()).data;
    try {
      for (const segment of segments) dir = await dir.getDirectoryHandle(segment, { create });
    } catch (error) {
      if (!create && isNotFound(error)) return undefined;
      throw error;
    }
    return { dir, name };
  };
  const file = async (key: string): Promise<File | undefined> => {
    const where = await locate(key, false);
    if (!where) return undefined;
    try {
      return await (await where.dir.getFileHandle(where.name)).getFile();
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  };

  async function walk(dir: DirectoryHandle, prefix: string, out: string[]): Promise<void> {
    for await (const handle of dir.values()) {
      if (handle.kind === 'directory') await walk(handle as DirectoryHandle, `${prefix}${handle.name}/`, out);
      else out.push(`${prefix}${handle.name}`);
    }
  }

  return {
    kind: 'opfs',
    async read(key) {
      const found = await file(key);
      return found === undefined ? undefined : new Uint8Array(await found.arrayBuffer());
    },
    size: async (key) => (await file(key))?.size,
    async createWriter(key, size) {
      const { tmp } = await open();
      const tempName = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
      const handle = (await tmp.getFileHandle(tempName, { create: true })) as MovableFileHandle;
      const writable = await handle.createWritable();
      let written = 0;
      let closed = false;
      const discard = async () => {
        if (!closed) {
          closed = true;
          await writable.abort().catch(() => undefined);
        }
        await tmp.removeEntry(tempName).catch(() => undefined);
      };
      return {
        async write(chunk) {
          written += chunk.length;
          await writable.write(chunk as Uint8Array<ArrayBuffer>);
        },
        async commit() {
          try {
            closed = true;
            await writable.close();
            const stored = (await handle.getFile()).size;
            if (written !== size || stored !== size) throw new RangeError(`OPFS store: ${stored} bytes written to ${key}, ${size} declared`);
            const target = await locate(key, true);
            if (!target) throw new TypeError(`OPFS store: cannot create the folder of ${key}`);
            await target.dir.removeEntry(target.name).catch(() => undefined);
            if (typeof handle.move === 'function') {
              await handle.move(target.dir, target.name);
            } else {
              const copy = await (await target.dir.getFileHandle(target.name, { create: true })).createWritable();
              await (await handle.getFile()).stream().pipeTo(copy);
              await tmp.removeEntry(tempName);
            }
          } catch (error) {
            await discard();
            throw error;
          }
        },
        abort: discard,
      };
    },
    async delete(key) {
      const where = await locate(key, false);
      if (!where) return false;
      try {
        await where.dir.removeEntry(where.name);
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
    async keys(prefix = '') {
      const out: string[] = [];
      await walk((await open()).data, '', out);
      return out.filter((key) => key.startsWith(prefix));
    },
    async temporaryKeys() {
      const out: string[] = [];
      await walk((await open()).tmp, 'tmp/', out);
      return out;
    },
  };
}
