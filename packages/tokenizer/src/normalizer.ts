import { InvalidConfigError } from '@llm-shield/core';
import { hf } from './hf-library.js';
import { AlignedString, AlignedStringBuilder, mapCodePoints } from './aligned-string.js';
import { decodeBase64 } from './base64.js';
import { PrecompiledCharsmap } from './precompiled-charsmap.js';
import { graphemes, isAscii, isWhitespace } from './unicode.js';
import { isGraphemeJoiner, joinedStretchEnd } from './grapheme-joiners.js';

/**
 * A normalised stretch each of whose code units comes from one code unit of the input stretch: unit `i` is aligned
 * to input unit `origin[i]` (counted from the stretch's start; `origin` absent: unit `i`). Origins increase.
 */
export interface UnitMapped {
  text: string;
  origin: Int32Array | undefined;
}

/**
 * The normalised text of `text[from, to)` when every unit of it comes from one input unit (see {@link UnitMapped}:
 * units replaced one for one, runs collapsed onto one of their units, ends stripped), computed without aligned
 * strings; `undefined` when not, or when the quick check cannot tell (the caller then normalises the general way).
 */
export type UnitMap = (text: string, from: number, to: number) => UnitMapped | undefined;

/**
 * A normaliser that keeps the alignment to the original text; `unitMap`, when present, is its {@link UnitMap}
 * (present for null, Strip, Precompiled, Replace and Sequences of these).
 */
export type AlignedNormalizer = ((input: AlignedString) => AlignedString) & { unitMap?: UnitMap };

function withUnitMap(normalize: (input: AlignedString) => AlignedString, unitMap: UnitMap): AlignedNormalizer {
  return Object.assign(normalize, { unitMap });
}

/** The {@link UnitMap} of a normaliser that changes nothing. */
const unchanged = (text: string, from: number, to: number): UnitMapped => ({
  text: from === 0 && to === text.length ? text : text.slice(from, to),
  origin: undefined,
});

/** A `normalizer` entry of `tokenizer.json`. */
export interface NormalizerConfig {
  type: string;
  [key: string]: unknown;
}

const OTHER = /\p{C}/u;
const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
const NONSPACING_MARK = /\p{Mn}/u;
const NONSPACING_MARKS = /\p{Mn}/gu;

/** Rust `tokenizers`' `is_chinese_char` (the CJK blocks BERT isolates). */
function isChineseChar(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x20000 && cp <= 0x2a6df) ||
    (cp >= 0x2a700 && cp <= 0x2b73f) ||
    (cp >= 0x2b740 && cp <= 0x2b81f) ||
    (cp >= 0x2b920 && cp <= 0x2ceaf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2f800 && cp <= 0x2fa1f)
  );
}

function bertNormalizer(config: NormalizerConfig): AlignedNormalizer {
  const cleanText = config['clean_text'] !== false;
  const chinese = config['handle_chinese_chars'] !== false;
  const lowercase = config['lowercase'] !== false;
  const stripAccents = typeof config['strip_accents'] === 'boolean' ? config['strip_accents'] : lowercase;
  return (input) => {
    let s = input;
    // Printable ASCII (U+0020–U+007E) is left as it is by clean_text: skip the per-character pass.
    if (cleanText && NOT_PRINTABLE_ASCII.test(s.text)) {
      s = mapCodePoints(s, (char, cp) => {
        if (char === '\t' || char === '\n' || char === '\r') return ' ';
        if (cp === 0 || cp === 0xfffd || OTHER.test(char)) return '';
        return isWhitespace(char) ? (char === ' ' ? null : ' ') : null;
      });
    }
    if (chinese && !isAscii(s.text)) s = mapCodePoints(s, (char, cp) => (isChineseChar(cp) ? ` ${char} ` : null));
    if (stripAccents && !isAscii(s.text)) {
      s = mapCodePoints(s, (char) => {
        const decomposed = char.normalize('NFD');
        if (decomposed === char && !NONSPACING_MARK.test(char)) return null;
        return decomposed.replace(NONSPACING_MARKS, '');
      });
    }
    if (lowercase) s = lowercaseAligned(s);
    return s;
  };
}

/** Lowercases code point by code point, as Rust `char::to_lowercase` (no final-sigma context, unlike JS). */
function lowercaseAligned(input: AlignedString): AlignedString {
  if (isAscii(input.text)) {
    const lower = input.text.toLowerCase();
    return lower === input.text ? input : new AlignedString(lower, input.starts, input.ends);
  }
  return mapCodePoints(input, (char) => {
    const lower = char.toLowerCase();
    return lower === char ? null : lower;
  });
}

function precompiledNormalizer(config: NormalizerConfig): AlignedNormalizer {
  const encoded = config['precompiled_charsmap'];
  if (typeof encoded !== 'string' || encoded.length === 0) return withUnitMap((s) => s, unchanged);
  const charsmap = new PrecompiledCharsmap(decodeBase64(encoded));
  /** `charsmap.transform` of each BMP code unit alone, filled on first use (`undefined`: not looked up yet). */
  const single: Array<string | null | undefined> = new Array<string | null | undefined>(0x10000);
  const transformUnit = (code: number): string | null => {
    let replaced = single[code];
    if (replaced === undefined) {
      replaced = charsmap.transform(String.fromCharCode(code));
      single[code] = replaced;
    }
    return replaced;
  };
  /**
   * Per BMP code unit: 0 not computed yet, 1 left as it is, 2 replaced by the one unit in `unitReplacement`, 3 other
   * (a surrogate, a unit that may join a neighbour in a grapheme cluster, a longer or empty replacement). A text of
   * units 1 and 2 only is one cluster per unit, each transformed alone (see the normaliser below).
   */
  const unitKind = new Uint8Array(0x10000);
  const unitReplacement = new Uint16Array(0x10000);
  const unitMap: UnitMap = (text, from, to) => {
    let changed = false;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      let kind = unitKind[code] as number;
      if (kind === 0) {
        const replaced = (code & 0xf800) === 0xd800 || isGraphemeJoiner(code) ? '' : transformUnit(code);
        kind = replaced === null ? 1 : replaced.length === 1 && (replaced.charCodeAt(0) & 0xf800) !== 0xd800 ? 2 : 3;
        if (kind === 2) unitReplacement[code] = replaced?.charCodeAt(0) ?? 0;
        unitKind[code] = kind;
      }
      if (kind === 3) return undefined;
      if (kind === 2) changed = true;
    }
    if (!changed) return unchanged(text, from, to);
    let out = '';
    let copied = from;
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (unitKind[code] !== 2) continue;
      out += text.slice(copied, i) + String.fromCharCode(unitReplacement[code] as number);
      copied = i + 1;
    }
    return { text: out + text.slice(copied, to), origin: undefined };
  };
  return withUnitMap((input) => {
    // As Rust's `Precompiled` normaliser: each grapheme cluster under 6 UTF-8 bytes is looked up whole, then (when
    // it has no entry, or is longer) each of its code points. Most clusters are one code point; only stretches where
    // a code point may join its neighbour (see joinedStretchEnd) are segmented with Intl.Segmenter. Unchanged runs
    // are copied into the result in one piece.
    const text = input.text;
    const n = text.length;
    let builder: AlignedStringBuilder | undefined;
    let copied = 0;
    // Alignment as Rust's `replace` + `NormalizedString::transform`: the new text's j-th code point takes the j-th
    // replaced code point's span; extra code points of an expansion share the last one's; replaced code points past
    // the new text's end are dropped (so "e" + U+0301 → "é" spans the "e" only, as the Rust offsets do).
    const replace = (from: number, to: number, replaced: string): void => {
      builder ??= new AlignedStringBuilder(n + 8);
      builder.pushFrom(input, copied, from);
      let old = from;
      let start = 0;
      let end = 0;
      for (let r = 0; r < replaced.length; ) {
        const width = (replaced.charCodeAt(r) & 0xfc00) === 0xd800 && r + 1 < replaced.length ? 2 : 1;
        if (old < to) {
          const oldWidth = (text.charCodeAt(old) & 0xfc00) === 0xd800 && old + 1 < to && (text.charCodeAt(old + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
          [start, end] = input.originalRange(old, old + oldWidth);
          old += oldWidth;
        }
        builder.push(replaced.slice(r, r + width), start, end);
        r += width;
      }
      copied = to;
    };
    let i = 0;
    while (i < n) {
      const stretchEnd = joinedStretchEnd(text, i);
      if (stretchEnd === i) {
        const code = text.charCodeAt(i);
        const pair = (code & 0xfc00) === 0xd800 && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
        const replaced = pair ? charsmap.transform(text.slice(i, i + 2)) : transformUnit(code);
        const next = i + (pair ? 2 : 1);
        if (replaced !== null) replace(i, next, replaced);
        i = next;
        continue;
      }
      for (const [offset, grapheme] of graphemes(text.slice(i, stretchEnd))) {
        const index = i + offset;
        if (grapheme.length < 6 && utf8Length(grapheme) < 6) {
          const replaced = charsmap.transform(grapheme);
          if (replaced !== null) {
            replace(index, index + grapheme.length, replaced);
            continue;
          }
        }
        let k = 0;
        while (k < grapheme.length) {
          const width = (grapheme.codePointAt(k) ?? 0) > 0xffff ? 2 : 1;
          const replaced = charsmap.transform(grapheme.slice(k, k + width));
          if (replaced !== null) replace(index + k, index + k + width, replaced);
          k += width;
        }
      }
      i = stretchEnd;
    }
    if (builder === undefined) return input;
    builder.pushFrom(input, copied, n);
    return builder.build();
  }, unitMap);
}

/** Byte length of `text` in UTF-8 (a lone surrogate counts 3, as TextEncoder's U+FFFD). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function replaceNormalizer(config: NormalizerConfig): AlignedNormalizer {
  // The library translates the Oniguruma pattern to a JavaScript RegExp; reuse its translation.
  const pattern = new hf.ReplaceNormalizer(config).pattern;
  const content = typeof config['content'] === 'string' ? config['content'] : '';
  if (pattern === null) return withUnitMap((s) => s, unchanged);
  const unitMap: UnitMap = (text, from, to) => {
    const slice = unchanged(text, from, to).text;
    pattern.lastIndex = 0;
    let out = '';
    let origin: Int32Array | undefined;
    let n = 0;
    let last = 0;
    for (const match of slice.matchAll(pattern)) {
      const at = match.index;
      const length = match[0].length;
      if (length === 0) continue;
      // a longer replacement is aligned to the whole match: not one unit each
      if (content.length > length) return undefined;
      origin ??= new Int32Array(slice.length);
      for (let i = last; i < at; i++) origin[n++] = i;
      // as the normaliser: each replacement unit aligned to one of the match's last units
      for (let k = 0; k < content.length; k++) origin[n++] = at + length - content.length + k;
      out += slice.slice(last, at) + content;
      last = at + length;
    }
    if (origin === undefined) return { text: slice, origin: undefined };
    for (let i = last; i < slice.length; i++) origin[n++] = i;
    return { text: out + slice.slice(last), origin: origin.subarray(0, n) };
  };
  return withUnitMap((input) => {
    const text = input.text;
    pattern.lastIndex = 0;
    let builder: AlignedStringBuilder | undefined;
    let last = 0;
    for (const match of text.matchAll(pattern)) {
      const at = match.index;
      const length = match[0].length;
      if (length === 0) continue;
      builder ??= new AlignedStringBuilder(text.length + 8);
      builder.pushFrom(input, last, at);
      if (content.length <= length) {
        // As Rust does, a shorter replacement is aligned to the end of the match (e.g. "  " → " " keeps the last space).
        for (let k = 0; k < content.length; k++) {
          const source = at + length - content.length + k;
          builder.push(content[k] ?? '', input.starts[source] ?? 0, input.ends[source] ?? 0);
        }
      } else {
        const [start, end] = input.originalRange(at, at + length);
        builder.push(content, start, end);
      }
      last = at + length;
    }
    if (builder === undefined) return input;
    builder.pushFrom(input, last, text.length);
    return builder.build();
  }, unitMap);
}

function stripNormalizer(config: NormalizerConfig): AlignedNormalizer {
  const left = config['strip_left'] !== false;
  const right = config['strip_right'] !== false;
  return withUnitMap(
    (input) => {
      const text = input.text;
      let from = 0;
      let to = text.length;
      if (left) while (from < to && isWhitespaceAt(text, from)) from += codePointWidth(text, from);
      if (right) while (to > from && isWhitespaceBefore(text, to)) to -= codePointWidthBefore(text, to);
      return from === 0 && to === text.length ? input : input.slice(from, to);
    },
    (text, from, to) => {
      let start = from;
      let end = to;
      if (left) while (start < end && isWhitespaceAt(text, start)) start += codePointWidth(text, start);
      if (right) while (end > start && isWhitespaceBefore(text, end)) end -= codePointWidthBefore(text, end);
      if (start === from && end === to) return unchanged(text, from, to);
      const origin = new Int32Array(end - start);
      for (let i = 0; i < origin.length; i++) origin[i] = start - from + i;
      return { text: text.slice(start, end), origin };
    },
  );
}

function isWhitespaceAt(text: string, i: number): boolean {
  return isWhitespace(String.fromCodePoint(text.codePointAt(i) ?? 0));
}
function isWhitespaceBefore(text: string, end: number): boolean {
  return isWhitespace(text.slice(end - codePointWidthBefore(text, end), end));
}
function codePointWidth(text: string, i: number): number {
  return (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
}
function codePointWidthBefore(text: string, end: number): number {
  const low = text.charCodeAt(end - 1);
  return end >= 2 && (low & 0xfc00) === 0xdc00 && (text.charCodeAt(end - 2) & 0xfc00) === 0xd800 ? 2 : 1;
}

function unicodeNormalizer(form: 'NFC' | 'NFD' | 'NFKC' | 'NFKD'): AlignedNormalizer {
  return (input) => {
    if (isAscii(input.text)) return input;
    const builder = new AlignedStringBuilder(input.text.length + 8);
    let changed = false;
    for (const [index, grapheme] of graphemes(input.text)) {
      const normalized = grapheme.normalize(form);
      if (normalized === grapheme) builder.pushFrom(input, index, index + grapheme.length);
      else {
        changed = true;
        const [start, end] = input.originalRange(index, index + grapheme.length);
        builder.push(normalized, start, end);
      }
    }
    return changed ? builder.build() : input;
  };
}

/**
 * Builds an alignment-keeping normaliser from a `tokenizer.json` `normalizer` entry (`null`: identity).
 * Supported: BertNormalizer, Precompiled, Replace, Strip, StripAccents, Lowercase, NFC, NFD, NFKC, NFKD,
 * Prepend, Sequence. Raises {@link InvalidConfigError} for other types.
 */
export function createNormalizer(config: NormalizerConfig | null | undefined): AlignedNormalizer {
  if (config === null || config === undefined) return withUnitMap((s) => s, unchanged);
  switch (config.type) {
    case 'BertNormalizer':
      return bertNormalizer(config);
    case 'Precompiled':
      return precompiledNormalizer(config);
    case 'Replace':
      return replaceNormalizer(config);
    case 'Strip':
      return stripNormalizer(config);
    case 'StripAccents':
      return (s) => (isAscii(s.text) ? s : mapCodePoints(s, (char) => (NONSPACING_MARK.test(char) ? '' : null)));
    case 'Lowercase':
      return lowercaseAligned;
    case 'NFC':
    case 'NFD':
    case 'NFKC':
    case 'NFKD':
      return unicodeNormalizer(config.type);
    case 'Prepend': {
      const prepend = typeof config['prepend'] === 'string' ? config['prepend'] : '';
      return (input) => {
        if (input.length === 0 || prepend.length === 0) return input;
        const builder = new AlignedStringBuilder(input.length + prepend.length);
        builder.push(prepend, input.starts[0] ?? 0, input.ends[0] ?? 0);
        builder.pushFrom(input, 0, input.length);
        return builder.build();
      };
    }
    case 'Sequence': {
      const steps = ((config['normalizers'] as NormalizerConfig[] | undefined) ?? []).map(createNormalizer);
      const normalize = (input: AlignedString): AlignedString => steps.reduce((s, step) => step(s), input);
      // each step maps the previous step's result unit for unit
      const maps = steps.map((step) => step.unitMap);
      if (!maps.every((map) => map !== undefined)) return normalize;
      return withUnitMap(normalize, (text, from, to) => {
        let current = unchanged(text, from, to);
        for (const map of maps) {
          const next = (map as UnitMap)(current.text, 0, current.text.length);
          if (next === undefined) return undefined;
          let origin = current.origin;
          if (next.origin !== undefined) {
            const previous = origin;
            origin = previous === undefined ? next.origin : next.origin.map((i) => previous[i] as number);
          }
          current = { text: next.text, origin };
        }
        return current;
      });
    }
    default:
      throw new InvalidConfigError(`Unsupported normalizer type ${JSON.stringify(config.type)} in tokenizer.json.`);
  }
}
