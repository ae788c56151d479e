/**
 * A string that remembers, for each of its UTF-16 code units, which range of the original input (in UTF-16 code
 * units) it came from. This is what `@huggingface/tokenizers` lacks to report offsets; the normalisers and
 * pre-tokenisers of this package transform it instead of a plain string.
 */
export class AlignedString {
  /** The current (normalised) text. */
  readonly text: string;
  /** `starts[i]`, `ends[i]`: the original range of code unit `i` of {@link text}. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;

  constructor(text: string, starts: Int32Array, ends: Int32Array) {
    this.text = text;
    this.starts = starts;
    this.ends = ends;
  }

  /** Wraps `text[from, to)` of the original input, each code unit aligned to itself. */
  static fromOriginal(text: string, from = 0, to = text.length): AlignedString {
    const length = to - from;
    const starts = new Int32Array(length);
    const ends = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      starts[i] = from + i;
      ends[i] = from + i + 1;
    }
    return new AlignedString(text.slice(from, to), starts, ends);
  }

  get length(): number {
    return this.text.length;
  }

  /** The original range covered by code units `[from, to)`; `[origin, origin]` when empty. */
  originalRange(from: number, to: number): [number, number] {
    if (to <= from) {
      const at = from < this.starts.length ? (this.starts[from] ?? 0) : to > 0 ? (this.ends[to - 1] ?? 0) : 0;
      return [at, at];
    }
    let start = Number.MAX_SAFE_INTEGER;
    let end = 0;
    for (let i = from; i < to; i++) {
      const s = this.starts[i] ?? 0;
      const e = this.ends[i] ?? 0;
      if (s < start) start = s;
      if (e > end) end = e;
    }
    return [start, end];
  }

  /** The sub-string `[from, to)` with its alignment (views on this string's arrays: aligned strings are never mutated). */
  slice(from: number, to: number): AlignedString {
    return new AlignedString(this.text.slice(from, to), this.starts.subarray(from, to), this.ends.subarray(from, to));
  }
}

/** Builds an {@link AlignedString} piece by piece. */
export class AlignedStringBuilder {
  private readonly parts: string[] = [];
  private starts: Int32Array;
  private ends: Int32Array;
  private size = 0;

  constructor(capacity = 16) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }

  /** Appends `text`, every code unit of it aligned to the original range `[start, end)`. */
  push(text: string, start: number, end: number): void {
    if (text.length === 0) return;
    this.reserve(text.length);
    for (let i = 0; i < text.length; i++) {
      this.starts[this.size] = start;
      this.ends[this.size] = end;
      this.size++;
    }
    this.parts.push(text);
  }

  /** Appends code units `[from, to)` of `source`, keeping their alignment. */
  pushFrom(source: AlignedString, from: number, to: number): void {
    if (to <= from) return;
    this.reserve(to - from);
    if (to - from <= 32) {
      // short runs: a loop costs less than two subarray views
      const starts = this.starts;
      const ends = this.ends;
      let at = this.size;
      for (let i = from; i < to; i++, at++) {
        starts[at] = source.starts[i] as number;
        ends[at] = source.ends[i] as number;
      }
    } else {
      this.starts.set(source.starts.subarray(from, to), this.size);
      this.ends.set(source.ends.subarray(from, to), this.size);
    }
    this.size += to - from;
    this.parts.push(source.text.slice(from, to));
  }

  build(): AlignedString {
    return new AlignedString(this.parts.join(''), this.starts.slice(0, this.size), this.ends.slice(0, this.size));
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.starts.length) return;
    let capacity = this.starts.length * 2;
    while (capacity < this.size + extra) capacity *= 2;
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    starts.set(this.starts.subarray(0, this.size));
    ends.set(this.ends.subarray(0, this.size));
    this.starts = starts;
    this.ends = ends;
  }
}

/**
 * Maps every code point of `source` through `map` (which returns its replacement, `''` to drop it, or `null`
 * to keep it); each replacement is aligned to the original range of the code point it replaces.
 */
export function mapCodePoints(source: AlignedString, map: (char: string, codePoint: number) => string | null): AlignedString {
  const text = source.text;
  let builder: AlignedStringBuilder | undefined;
  // Unchanged runs are copied in one piece; a text nothing replaces is returned as it is (aligned strings are immutable).
  let copied = 0;
  let i = 0;
  while (i < text.length) {
    const codePoint = text.codePointAt(i) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const char = width === 1 ? (text[i] ?? '') : text.slice(i, i + 2);
    const replaced = map(char, codePoint);
    if (replaced !== null) {
      builder ??= new AlignedStringBuilder(text.length + 8);
      builder.pushFrom(source, copied, i);
      if (replaced.length > 0) {
        const [start, end] = source.originalRange(i, i + width);
        builder.push(replaced, start, end);
      }
      copied = i + width;
    }
    i += width;
  }
  if (builder === undefined) return source;
  builder.pushFrom(source, copied, text.length);
  return builder.build();
}
