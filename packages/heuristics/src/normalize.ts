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
 * The work is a single pass over the input (runs of printable ASCII lower-cased at once), so a 10 MB text
 * normalises in well under a second, and lone surrogates, controls and the empty string give defined results.
 * The maps back to the original are built on first use.
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
  /** Whether the input is printable ASCII, tab and newlines only (so it has no invisible or non-Latin character). */
  plainAscii: boolean;
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

/** Printable ASCII plus tab and newlines: nothing to drop, fold or decompose, so one-to-one lower-casing. */
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;
/** ASCII characters the leet view changes. */
const LEET_CHARS = /[013457@$|]/;
const LEET_CHARS_GLOBAL = /[013457@$|]/g;
const leetOf = (char: string): string => LEET[char] ?? char;

/** Whether `text` contains a character that the leet view maps to a letter (`0`, `1`, `3`, `@`, `$`, `|` ...). */
export function hasLeetChar(text: string): boolean {
  return LEET_CHARS.test(text);
}

function isPlainAscii(unit: number): boolean {
  return (unit >= 0x20 && unit < 0x7f) || unit === 0x09 || unit === 0x0a || unit === 0x0d;
}

/**
 * The map of a view back to the original, kept as the pieces the normalisation pass produced and expanded to
 * arrays on first use (most texts never need it). Both views of a text share one map. `pieces` holds quads
 * `(view start, original start, original end, view length)`; a negative view length `-n` marks a run of `n`
 * characters that map one to one.
 */
class PieceMap {
  private starts: Int32Array | undefined;
  private ends: Int32Array | undefined;
  /** Whether the view maps one to one onto the original (offset `i` is offset `i`): no arrays needed. */
  readonly identity: boolean;

  constructor(
    private readonly length: number,
    private readonly pieces: readonly number[],
  ) {
    this.identity = pieces.length === 4 && pieces[0] === 0 && pieces[1] === 0 && pieces[3] === -length;
  }

  get originalStart(): Int32Array {
    if (this.starts === undefined) this.build();
    return this.starts!;
  }

  get originalEnd(): Int32Array {
    if (this.ends === undefined) this.build();
    return this.ends!;
  }

  private build(): void {
    const starts = new Int32Array(this.length);
    const ends = new Int32Array(this.length);
    const p = this.pieces;
    for (let k = 0; k < p.length; k += 4) {
      const view = p[k]!;
      const from = p[k + 1]!;
      const to = p[k + 2]!;
      const length = p[k + 3]!;
      if (length < 0) {
        for (let j = 0; j < -length; j++) {
          starts[view + j] = from + j;
          ends[view + j] = from + j + 1;
        }
      } else {
        starts.fill(from, view, view + length);
        ends.fill(to, view, view + length);
      }
    }
    this.starts = starts;
    this.ends = ends;
  }
}

class MappedView implements NormalizedView {
  constructor(
    readonly text: string,
    private readonly map: PieceMap,
  ) {}

  /** Whether offsets of this view are offsets of the original. */
  get identity(): boolean {
    return this.map.identity;
  }

  get originalStart(): Int32Array {
    return this.map.originalStart;
  }

  get originalEnd(): Int32Array {
    return this.map.originalEnd;
  }
}

function views(original: string, folded: string, pieces: readonly number[], invisibleCount: number, homoglyphCount: number, plainAscii = false): NormalizedText {
  const leet = LEET_CHARS.test(folded) ? folded.replace(LEET_CHARS_GLOBAL, leetOf) : folded;
  const map = new PieceMap(folded.length, pieces);
  return { original, folded: new MappedView(folded, map), leet: new MappedView(leet, map), invisibleCount, homoglyphCount, plainAscii };
}

/**
 * Builds the normalised views of `text`. One pass, linear in the length of the text: runs of printable ASCII
 * are lower-cased as a whole (the whole text at once when it is all printable ASCII, the common case), other
 * characters mapped one by one; the maps back to the original are built on first use.
 */
export function normalizeText(text: string): NormalizedText {
  const n = text.length;
  if (PLAIN_ASCII.test(text)) return views(text, text.toLowerCase(), [0, 0, n, -n], 0, 0, true);
  const parts: string[] = [];
  const pieces: number[] = [];
  let viewLength = 0;
  let invisibleCount = 0;
  let homoglyphCount = 0;
  let index = 0;
  while (index < n) {
    const unit = text.charCodeAt(index);
    if (unit < 0x80) {
      if (!isPlainAscii(unit)) {
        // controls other than tab/LF/CR, and DEL, are invisible
        invisibleCount++;
        index++;
        continue;
      }
      let end = index + 1;
      while (end < n && isPlainAscii(text.charCodeAt(end))) end++;
      parts.push(text.slice(index, end).toLowerCase());
      pieces.push(viewLength, index, end, index - end);
      viewLength += end - index;
      index = end;
      continue;
    }
    const codePoint = text.codePointAt(index)!;
    const end = index + (codePoint > 0xffff ? 2 : 1);
    const mapping = mapNonAscii(text.slice(index, end));
    if (mapping.text === null) {
      invisibleCount++;
    } else {
      if (mapping.homoglyph) homoglyphCount++;
      if (mapping.text.length > 0) {
        parts.push(mapping.text);
        pieces.push(viewLength, index, end, mapping.text.length);
        viewLength += mapping.text.length;
      }
    }
    index = end;
  }
  return views(text, parts.join(''), pieces, invisibleCount, homoglyphCount);
}

/** Maps a `[start, end)` range of a view back to a span of the original text. */
export function toOriginalSpan(view: NormalizedView, original: string, start: number, end: number) {
  if (end <= start || view.text.length === 0) return { start: 0, end: 0, text: '' };
  if (view instanceof MappedView && view.identity) {
    // what the arrays would give, without building them (printable ASCII texts map one to one)
    const from = Math.min(Math.max(0, start), view.text.length - 1);
    const to = Math.min(end, view.text.length);
    return { start: from, end: to, text: original.slice(from, to) };
  }
  const originalStart = view.originalStart[Math.min(Math.max(0, start), view.text.length - 1)]!;
  const originalEnd = view.originalEnd[Math.min(end, view.text.length) - 1]!;
  return { start: originalStart, end: originalEnd, text: original.slice(originalStart, originalEnd) };
}
