import { readFile } from 'node:fs/promises';
import type { ModelFileV1 } from '@llm-shield/core';

/** A {@link ModelFileV1} for a file on disk; `read()` returns its bytes. */
export function nodeModelFile(path: string): ModelFileV1 {
  return {
    path,
    async read() {
      const buffer = await readFile(path);
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    },
  };
}
