/**
 * Runs `detect` over `text` in overlapping chunks of `chunkSize` characters, shifting offsets back, so a library
 * with a per-call work cap or costly corner cases stays linear and complete on very long input. Chunk `k` owns the
 * spans that start in its first `chunkSize - overlap` characters; the next chunk starts there, so every span shorter
 * than `overlap` is reported once and whole. Texts up to `chunkSize` are passed whole.
 */
export function detectChunked<T extends { start: number; end: number }>(
  text: string,
  chunkSize: number,
  overlap: number,
  detect: (chunk: string) => T[],
): T[] {
  if (text.length <= chunkSize) return detect(text);
  const step = chunkSize - overlap;
  const out: T[] = [];
  for (let base = 0; base < text.length; base += step) {
    const last = base + chunkSize >= text.length;
    for (const d of detect(text.slice(base, base + chunkSize))) {
      if (!last && d.start >= step) continue;
      out.push({ ...d, start: d.start + base, end: d.end + base });
    }
    if (last) break;
  }
  return out;
}
