import { describe, expect, it } from 'vitest';
import { createMemoryModelStore } from './memory-store.js';
import { putBytes } from './model-store.js';

describe('createMemoryModelStore', () => {
  it('shows an entry only once committed, keeps the old one until then, and discards aborted or wrongly sized writes', async () => {
    const store = createMemoryModelStore();
    await putBytes(store, 'a/b', new Uint8Array([1, 2]));
    const writer = await store.createWriter('a/b', 3);
    await writer.write(new Uint8Array([7, 8, 9]));
    expect(await store.read('a/b')).toEqual(new Uint8Array([1, 2]));
    expect(await store.temporaryKeys()).toHaveLength(1);
    await writer.commit();
    expect(await store.read('a/b')).toEqual(new Uint8Array([7, 8, 9]));
    expect(await store.size('a/b')).toBe(3);

    const aborted = await store.createWriter('a/c', 1);
    await aborted.write(new Uint8Array([1]));
    await aborted.abort();
    const short = await store.createWriter('a/d', 5);
    await short.write(new Uint8Array([1]));
    await expect(short.commit()).rejects.toThrow(RangeError);
    expect(await store.keys('a/')).toEqual(['a/b']);
    expect(await store.temporaryKeys()).toEqual([]);
    expect(await store.delete('a/b')).toBe(true);
    expect(await store.delete('a/b')).toBe(false);
  });
});
