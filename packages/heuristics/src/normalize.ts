/**
 * Text normalisation for the rule-based detectors. Each view keeps a map from its own UTF-16 index back to the
 * original text, so matches found on a normalised view are reported as spans of the text the user gave.
 *
 * Steps, per code point: drop invisible characters (zero-width, bidi controls, soft hyphen, variation selectors,
 * C0/C1 controls other than tab and newlines); NFKD (fullwidth, ligatures, mathematical alphanumerics, circled
 * letters) and removal of combining marks (diacritics); lower case; fold common homoglyphs (Cyrillic, Greek,
 * a few symbols) to Latin. The leet view additionally maps digits and symbols used as letters (0→o, 1→i, 3→e,
 * 4→a, 5→s, 7→t, @→a, $→s).
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

/** Zero-width, bidi, format characters and controls (except tab, LF, CR) that render as nothing. */
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF0-\uFFF8]|\uDB40[\uDC00-\uDDEF]/u;
const COMBINING_MARK = /\p{M}/gu;

/**
 * Builds the normalised views of `text`. Runs in time linear in the length of the text.
 */
export function normalizeText(text: string): NormalizedText {
  const folded: string[] = [];
  const leet: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let invisibleCount = 0;
  let homoglyphCount = 0;
  let index = 0;
  while (index < text.length) {
    const codePoint = text.codePointAt(index)!;
    const width = codePoint > 0xffff ? 2 : 1;
    const char = text.slice(index, index + width);
    const end = index + width;
    if (INVISIBLE.test(char)) {
      invisibleCount++;
      index = end;
      continue;
    }
    let mapped: string;
    if (codePoint < 0x80) {
      mapped = char.toLowerCase();
    } else {
      const homoglyph = HOMOGLYPHS[char] ?? HOMOGLYPHS[char.toLowerCase()];
      if (homoglyph !== undefined) {
        mapped = homoglyph;
        if (/[\p{L}]/u.test(char)) homoglyphCount++;
      } else {
        mapped = char.normalize('NFKD').replace(COMBINING_MARK, '').toLowerCase();
        let refolded = '';
        for (const part of mapped) refolded += HOMOGLYPHS[part] ?? part;
        mapped = refolded;
      }
    }
    for (let k = 0; k < mapped.length; k++) {
      const out = mapped[k]!;
      folded.push(out);
      leet.push(LEET[out] ?? out);
      starts.push(index);
      ends.push(end);
    }
    index = end;
  }
  const originalStart = Int32Array.from(starts);
  const originalEnd = Int32Array.from(ends);
  return {
    original: text,
    folded: { text: folded.join(''), originalStart, originalEnd },
    leet: { text: leet.join(''), originalStart, originalEnd },
    invisibleCount,
    homoglyphCount,
  };
}

/** Maps a `[start, end)` range of a view back to a span of the original text. */
export function toOriginalSpan(view: NormalizedView, original: string, start: number, end: number) {
  if (end <= start || view.text.length === 0) return { start: 0, end: 0, text: '' };
  const originalStart = view.originalStart[Math.min(start, view.text.length - 1)]!;
  const originalEnd = view.originalEnd[Math.min(end, view.text.length) - 1]!;
  return { start: originalStart, end: originalEnd, text: original.slice(originalStart, originalEnd) };
}
