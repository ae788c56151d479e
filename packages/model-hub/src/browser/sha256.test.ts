import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSha256 } from './sha256.js';

const reference = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('createSha256', () => {
  it('matches node:crypto around the padding boundaries', () => {
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 1000]) {
      const bytes = new Uint8Array(randomBytes(length));
      const hasher = createSha256();
      hasher.update(bytes);
      expect(hasher.hex(), `length ${length}`).toBe(reference(bytes));
    }
    const abc = createSha256();
    abc.update(new TextEncoder().encode('abc'));
    expect(abc.hex()).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the same digest for any chunking', () => {
    const bytes = new Uint8Array(randomBytes(10_000));
    const hasher = createSha256();
    for (let offset = 0, step = 1; offset < bytes.length; offset += step, step = 1 + ((step * 7 + 3) % 191)) {
      hasher.update(bytes.subarray(offset, offset + step));
    }
    expect(hasher.hex()).toBe(reference(bytes));
  });
});
