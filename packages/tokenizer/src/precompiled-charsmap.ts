import { InvalidConfigError } from '@llm-shield/core';

/**
 * SentencePiece's precompiled normalisation map (`precompiled_charsmap`): a Darts double-array trie over UTF-8
 * byte strings whose values point into a blob of NUL-terminated replacement strings. This is a port of the
 * `spm_precompiled` crate used by Rust `tokenizers`. `@huggingface/tokenizers` ignores the map and applies a
 * hard-coded approximation (a few replacements and NFKC); this class applies the real map.
 */
export class PrecompiledCharsmap {
  private readonly trie: Uint32Array;
  private readonly normalized: Uint8Array;
  private readonly decoder = new TextDecoder();
  private readonly encoder = new TextEncoder();
  private readonly cache = new Map<string, string | null>();

  constructor(bytes: Uint8Array) {
    if (bytes.length < 4) throw new InvalidConfigError('precompiled_charsmap is too short.');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const trieSize = view.getUint32(0, true);
    if (trieSize % 4 !== 0 || 4 + trieSize > bytes.length) throw new InvalidConfigError('precompiled_charsmap has a bad trie size.');
    this.trie = new Uint32Array(trieSize / 4);
    for (let i = 0; i < this.trie.length; i++) this.trie[i] = view.getUint32(4 + i * 4, true);
    this.normalized = bytes.slice(4 + trieSize);
  }

  /**
   * The replacement of the first (shortest) key that is a prefix of `chunk`, or `null` when none is
   * (`spm_precompiled::Precompiled::transform`).
   */
  transform(chunk: string): string | null {
    const cached = this.cache.get(chunk);
    if (cached !== undefined) return cached;
    const result = this.lookup(this.encoder.encode(chunk));
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(chunk, result);
    return result;
  }

  private lookup(key: Uint8Array): string | null {
    const array = this.trie;
    let nodePos = 0;
    let unit = array[nodePos] ?? 0;
    nodePos ^= offset(unit);
    for (const c of key) {
      if (c === 0) break;
      nodePos ^= c;
      unit = array[nodePos] ?? 0;
      if (label(unit) !== c) return null;
      nodePos ^= offset(unit);
      if (((unit >>> 8) & 1) === 1) {
        const index = (array[nodePos] ?? 0) & 0x7fffffff;
        let end = index;
        while (end < this.normalized.length && this.normalized[end] !== 0) end++;
        return this.decoder.decode(this.normalized.subarray(index, end));
      }
    }
    return null;
  }
}

function label(unit: number): number {
  return (unit & (0x80000000 | 0xff)) >>> 0;
}

function offset(unit: number): number {
  return (unit >>> 10) << ((unit & (1 << 9)) >>> 6);
}
