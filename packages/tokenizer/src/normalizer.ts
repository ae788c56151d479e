import { InvalidConfigError } from '@llm-shield/core';
import { hf } from './hf-library.js';
import { AlignedString, AlignedStringBuilder, mapCodePoints } from './aligned-string.js';
import { decodeBase64 } from './base64.js';
import { PrecompiledCharsmap } from './precompiled-charsmap.js';
import { graphemes, isAscii, isWhitespace } from './unicode.js';

/** A normaliser that keeps the alignment to the original text. */
export type AlignedNormalizer = (input: AlignedString) => AlignedString;

/** A `normalizer` entry of `tokenizer.json`. */
export interface NormalizerConfig {
  type: string;
  [key: string]: unknown;
}

const OTHER = /\p{C}/u;
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
    if (cleanText) {
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
  if (typeof encoded !== 'string' || encoded.length === 0) return (s) => s;
  const charsmap = new PrecompiledCharsmap(decodeBase64(encoded));
  return (input) => {
    const text = input.text;
    const builder = new AlignedStringBuilder(text.length + 8);
    let modified = false;
    // ASCII text needs no grapheme segmentation: every character is its own cluster except CR LF (UAX #29 GB3-5).
    const clusters = isAscii(text) ? asciiGraphemes(text) : graphemes(text);
    for (const [index, grapheme] of clusters) {
      if (grapheme.length < 6 && utf8Length(grapheme) < 6) {
        const replaced = charsmap.transform(grapheme);
        if (replaced !== null) {
          modified = true;
          const [start, end] = input.originalRange(index, index + grapheme.length);
          builder.push(replaced, start, end);
          continue;
        }
      }
      let i = 0;
      while (i < grapheme.length) {
        const cp = grapheme.codePointAt(i) ?? 0;
        const width = cp > 0xffff ? 2 : 1;
        const part = grapheme.slice(i, i + width);
        const replaced = charsmap.transform(part);
        if (replaced === null) builder.pushFrom(input, index + i, index + i + width);
        else {
          modified = true;
          const [start, end] = input.originalRange(index + i, index + i + width);
          builder.push(replaced, start, end);
        }
        i += width;
      }
    }
    return modified ? builder.build() : input;
  };
}

/** The grapheme clusters of ASCII `text` as `[index, cluster]`: one per character, CR LF kept together. */
function* asciiGraphemes(text: string): Generator<[number, string]> {
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) {
      yield [i, '\r\n'];
      i++;
    } else yield [i, text[i] ?? ''];
  }
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
  if (pattern === null) return (s) => s;
  return (input) => {
    const text = input.text;
    pattern.lastIndex = 0;
    const builder = new AlignedStringBuilder(text.length + 8);
    let last = 0;
    let changed = false;
    for (const match of text.matchAll(pattern)) {
      const at = match.index;
      const length = match[0].length;
      if (length === 0) continue;
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
      changed = true;
    }
    if (!changed) return input;
    builder.pushFrom(input, last, text.length);
    return builder.build();
  };
}

function stripNormalizer(config: NormalizerConfig): AlignedNormalizer {
  const left = config['strip_left'] !== false;
  const right = config['strip_right'] !== false;
  return (input) => {
    const text = input.text;
    let from = 0;
    let to = text.length;
    if (left) while (from < to && isWhitespaceAt(text, from)) from += codePointWidth(text, from);
    if (right) while (to > from && isWhitespaceBefore(text, to)) to -= codePointWidthBefore(text, to);
    return from === 0 && to === text.length ? input : input.slice(from, to);
  };
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
  if (config === null || config === undefined) return (s) => s;
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
      return (input) => steps.reduce((s, step) => step(s), input);
    }
    default:
      throw new InvalidConfigError(`Unsupported normalizer type ${JSON.stringify(config.type)} in tokenizer.json.`);
  }
}
