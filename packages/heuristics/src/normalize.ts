/**
 * Text normalisation for the rule-based detectors. Each view keeps a map from its own UTF-16 index back to the
 * original text, so matches found on a normalised view are reported as spans of the text the user gave.
 *
 * Steps, per code point: drop invisible characters (zero-width, bidi controls, soft hyphen, variation selectors,
 * C0/C1 controls other than tab and newlines); NFKD (fullwidth, ligatures, mathematical alphanumerics, circled
 * letters) and removal of combining marks (diacritics); lower case; fold common homoglyphs (Cyrillic, Greek,
 * a few symbols) to Latin. The leet view additionally maps digits and symbols used as letters (0→o, 1→i, 3→e,
 * 4→a, 5→s, 7→t, @→a, $→s, |→l).
 *
 * The work is a single pass over the input with typed-array buffers, so a 10 MB text normalises in about a
 * second and lone surrogates, controls and the empty string give defined results.
 */

/** A normalised view of a text with its map back to the original. */
export interface NormalizedView {
  /** The normalised text. */
  text: string;
  /**
   * `originalStart[i]` is the UTF-16 offset in the original text of the code point that produced
   * `text[i]`; `originalEnd[i]` is the offset just after it.
   */
  originalStart: Int32Array;
  originalEnd: Int32Array;
}

/** The views of one text that the detectors match against. */
export interface NormalizedText {
  /** The input, unchanged. */
  original: string;
  /** Invisible characters removed, NFKD without marks, lower case, homoglyphs folded. */
  folded: NormalizedView;
  /** `folded` with leetspeak digits/symbols mapped to letters; same length and map as `folded`. */
  leet: NormalizedView;
  /** Number of invisible characters that were removed (zero-width, bidi, controls). */
  invisibleCount: number;
  /** Number of characters changed by homoglyph folding. */
  homoglyphCount: number;
}

const HOMOGLYPHS: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
  ѕ: 's', і: 'i', ї: 'i', ј: 'j', һ: 'h', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', ӏ: 'l',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
  // Latin look-alikes and symbols
  ı: 'i', ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ŀ: 'l', ß: 'ss', æ: 'ae', œ: 'oe',
  '‘': "'", '’': "'", '‚': "'", '‛': "'", '“': '"', '”': '"', '„': '"', '‟': '"',
  '‐': '-', '‑': '-', '‒': '-', '–': '-', '—': '-', '―': '-', '−': '-',
  '\u00A0': ' ', '\u2000': ' ', '\u2001': ' ', '\u2002': ' ', '\u2003': ' ', '\u2004': ' ', '\u2005': ' ',
  '\u2006': ' ', '\u2007': ' ', '\u2008': ' ', '\u2009': ' ', '\u200A': ' ', '\u202F': ' ', '\u205F': ' ',
  '\u3000': ' ',
};

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '|': 'l' };

/** Leet replacement per ASCII code unit (0 = unchanged). */
const LEET_CODES = new Uint16Array(128);
for (const [from, to] of Object.entries(LEET)) LEET_CODES[from.charCodeAt(0)] = to.charCodeAt(0);

/** Zero-width, bidi, format characters and controls (except tab, LF, CR) that render as nothing. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]|\uDB40[\uDC00-\uDDEF]/u;
const COMBINING_MARK = /\p{M}/gu;
const LETTER = /\p{L}/u;

/** How a non-ASCII code point normalises: `null` when invisible. */
interface Mapping {
  text: string | null;
  homoglyph: boolean;
}

/** Memo of non-ASCII mappings; bounded so adversarial input cannot grow it without limit. */
const MEMO = new Map<string, Mapping>();
const MEMO_LIMIT = 4096;

function mapNonAscii(char: string): Mapping {
  const cached = MEMO.get(char);
  if (cached !== undefined) return cached;
  let result: Mapping;
  if (INVISIBLE.test(char)) {
    result = { text: null, homoglyph: false };
  } else {
    const homoglyph = HOMOGLYPHS[char] ?? HOMOGLYPHS[char.toLowerCase()];
    if (homoglyph !== undefined) {
      result = { text: homoglyph, homoglyph: LETTER.test(char) };
    } else {
      // Lone surrogates survive normalize() unchanged; every other code point gets NFKD without marks.
      const decomposed = char.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
      let refolded = '';
      for (const part of decomposed) refolded += HOMOGLYPHS[part] ?? part;
      result = { text: refolded, homoglyph: false };
    }
  }
  if (MEMO.size < MEMO_LIMIT) MEMO.set(char, result);
  return result;
}

/** Growable UTF-16 + offset buffers for one pass. */
class ViewBuilder {
  length = 0;
  folded: Uint16Array;
  leet: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.folded = new Uint16Array(size);
    this.leet = new Uint16Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }

  push(code: number, start: number, end: number): void {
    if (this.length === this.folded.length) this.grow();
    const i = this.length++;
    this.folded[i] = code;
    this.leet[i] = code < 128 ? LEET_CODES[code] || code : code;
    this.starts[i] = start;
    this.ends[i] = end;
  }

  private grow(): void {
    const size = this.folded.length * 2;
    const grow16 = (a: Uint16Array) => {
      const b = new Uint16Array(size);
      b.set(a);
      return b;
    };
    const grow32 = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.folded = grow16(this.folded);
    this.leet = grow16(this.leet);
    this.starts = grow32(this.starts);
    this.ends = grow32(this.ends);
  }
}

/** Decodes UTF-16 code units to a string in chunks (avoids argument-count limits). */
function decode(units: Uint16Array, length: number): string {
  const CHUNK = 8192;
  const parts: string[] = [];
  for (let i = 0; i < length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[]));
  }
  return parts.join('');
}

/**
 * Builds the normalised views of `text`. Runs in time linear in the length of the text.
 */
export function normalizeText(text: string): NormalizedText {
  const builder = new ViewBuilder(text.length + 16);
  let invisibleCount = 0;
  let homoglyphCount = 0;
  let index = 0;
  while (index < text.length) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) {
      // ASCII fast path: controls other than tab/LF/CR (and DEL) are invisible; letters lower-cased.
      if ((unit < 0x20 && unit !== 0x09 && unit !== 0x0a && unit !== 0x0d) || unit === 0x7f) {
        invisibleCount++;
      } else {
        builder.push(unit >= 0x41 && unit <= 0x5a ? unit + 0x20 : unit, index, index + 1);
      }
      index++;
      continue;
    }
    const codePoint = text.codePointAt(index)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const end = index + width;
    const mapping = mapNonAscii(text.slice(index, end));
    if (mapping.text === null) {
      invisibleCount++;
    } else {
      if (mapping.homoglyph) homoglyphCount++;
      for (let k = 0; k < mapping.text.length; k++) builder.push(mapping.text.charCodeAt(k), index, end);
    }
    index = end;
  }
  const originalStart = builder.starts.slice(0, builder.length);
  const originalEnd = builder.ends.slice(0, builder.length);
  return {
    original: text,
    folded: { text: decode(builder.folded, builder.length), originalStart, originalEnd },
    leet: { text: decode(builder.leet, builder.length), originalStart, originalEnd },
    invisibleCount,
    homoglyphCount,
  };
}

/** Maps a `[start, end)` range of a view back to a span of the original text. */
export function toOriginalSpan(view: NormalizedView, original: string, start: number, end: number) {
  if (end <= start || view.text.length === 0) return { start: 0, end: 0, text: '' };
  const originalStart = view.originalStart[Math.min(Math.max(0, start), view.text.length - 1)]!;
  const originalEnd = view.originalEnd[Math.min(end, view.text.length) - 1]!;
  return { start: originalStart, end: originalEnd, text: original.slice(originalStart, originalEnd) };
}
