import { InvalidConfigError } from '@llm-shield/core';
import { hf } from './hf-library.js';
import { AlignedString, AlignedStringBuilder } from './aligned-string.js';
import { toByteLevel } from './byte-level.js';
import { isBertPunctuation, isWhitespace } from './unicode.js';

/** A pre-tokeniser over aligned strings: splits each input piece into smaller pieces (words). */
export type AlignedPreTokenizer = (pieces: AlignedString[]) => AlignedString[];

/** A `pre_tokenizer` entry of `tokenizer.json`. */
export interface PreTokenizerConfig {
  type: string;
  [key: string]: unknown;
}

/** How the delimiters found by a split are kept (Rust `SplitDelimiterBehavior`). */
export type SplitBehavior = 'Removed' | 'Isolated' | 'MergedWithPrevious' | 'MergedWithNext' | 'Contiguous';

/**
 * Splits `input` at `matches` (sorted, non-overlapping `[start, end)` code-unit ranges of delimiters) with Rust
 * `NormalizedString::split` semantics. With `invert`, the matches are the content and the gaps the delimiters
 * (Rust `Invert(pattern)`); adjacent matches stay separate pieces. Empty pieces are dropped.
 */
export function splitAligned(input: AlignedString, matches: Array<[number, number]>, behavior: SplitBehavior, invert = false): AlignedString[] {
  const pieces: Array<[number, number, boolean]> = [];
  let last = 0;
  for (const [start, end] of matches) {
    if (start > last) pieces.push([last, start, invert]);
    if (end > start) pieces.push([start, end, !invert]);
    last = end;
  }
  if (last < input.length) pieces.push([last, input.length, invert]);
  let kept: Array<[number, number]> = [];
  switch (behavior) {
    case 'Removed':
      kept = pieces.filter((p) => !p[2]).map((p) => [p[0], p[1]]);
      break;
    case 'Isolated':
      kept = pieces.map((p) => [p[0], p[1]]);
      break;
    case 'MergedWithPrevious': {
      let previousMatch = false;
      for (const [start, end, isMatch] of pieces) {
        const lastKept = kept[kept.length - 1];
        if (isMatch && !previousMatch && lastKept) lastKept[1] = end;
        else kept.push([start, end]);
        previousMatch = isMatch;
      }
      break;
    }
    case 'MergedWithNext': {
      let previousMatch = false;
      for (let i = pieces.length - 1; i >= 0; i--) {
        const [start, end, isMatch] = pieces[i] as [number, number, boolean];
        const lastKept = kept[kept.length - 1];
        if (isMatch && !previousMatch && lastKept) lastKept[0] = start;
        else kept.push([start, end]);
        previousMatch = isMatch;
      }
      kept.reverse();
      break;
    }
    case 'Contiguous': {
      let previousMatch = false;
      for (const [start, end, isMatch] of pieces) {
        const lastKept = kept[kept.length - 1];
        if (isMatch === previousMatch && lastKept) lastKept[1] = end;
        else kept.push([start, end]);
        previousMatch = isMatch;
      }
      break;
    }
  }
  if (kept.length === 1 && kept[0]?.[0] === 0 && kept[0][1] === input.length) return [input];
  return kept.filter(([s, e]) => e > s).map(([s, e]) => input.slice(s, e));
}

/** Ranges of the code points of `text` that satisfy `test`, each its own range. */
function charMatches(text: string, test: (char: string) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    const char = width === 1 ? (text[i] ?? '') : text.slice(i, i + 2);
    if (test(char)) out.push([i, i + width]);
    i += width;
  }
  return out;
}

function regexMatches(text: string, pattern: RegExp): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  pattern.lastIndex = 0;
  for (const match of text.matchAll(pattern)) if (match[0].length > 0) out.push([match.index, match.index + match[0].length]);
  return out;
}

/**
 * GPT-2's split pattern with Oniguruma's `\s` (Unicode `White_Space`) instead of JavaScript's (which adds U+FEFF
 * and misses U+0085).
 */
export const BYTE_LEVEL_PATTERN =
  /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\p{White_Space}\p{L}\p{N}]+|\p{White_Space}+(?!\P{White_Space})|\p{White_Space}+/gu;

const WORD_PATTERN = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}]+|[^\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}\p{White_Space}]+/gu;
const NUMERIC = /\p{N}/u;

function byteLevel(config: PreTokenizerConfig): AlignedPreTokenizer {
  const addPrefixSpace = config['add_prefix_space'] === true;
  const useRegex = config['use_regex'] !== false;
  return (pieces) =>
    pieces.flatMap((piece) => {
      let s = piece;
      if (addPrefixSpace && !s.text.startsWith(' ')) {
        const builder = new AlignedStringBuilder(s.length + 1);
        builder.push(' ', s.starts[0] ?? 0, s.starts[0] ?? 0);
        builder.pushFrom(s, 0, s.length);
        s = builder.build();
      }
      const words = useRegex ? splitAligned(s, regexMatches(s.text, BYTE_LEVEL_PATTERN), 'Removed', true) : [s];
      return words.map(toByteLevel);
    });
}

function metaspace(config: PreTokenizerConfig): AlignedPreTokenizer {
  const replacement = typeof config['replacement'] === 'string' ? config['replacement'] : '\u2581';
  const legacyPrefix = config['add_prefix_space'];
  const scheme =
    typeof config['prepend_scheme'] === 'string' ? config['prepend_scheme'] : legacyPrefix === false ? 'never' : 'always';
  const split = config['split'] !== false;
  return (pieces) =>
    pieces.flatMap((piece) => {
      const builder = new AlignedStringBuilder(piece.length + 1);
      const text = piece.text;
      const prepend =
        !text.startsWith(replacement) &&
        !text.startsWith(' ') &&
        (scheme === 'always' || (scheme === 'first' && (piece.starts[0] ?? 0) === 0));
      // the prefix shares the first character's span (Rust: an inserted char takes its neighbour's alignment), the whole
      // code point when it is a surrogate pair
      const firstWidth = (text.charCodeAt(0) & 0xfc00) === 0xd800 && (text.charCodeAt(1) & 0xfc00) === 0xdc00 ? 2 : 1;
      if (prepend) builder.push(replacement, piece.starts[0] ?? 0, piece.ends[firstWidth - 1] ?? 0);
      let last = 0;
      for (let i = 0; i < text.length; i++) {
        if (text.charCodeAt(i) !== 0x20) continue;
        builder.pushFrom(piece, last, i);
        builder.push(replacement, piece.starts[i] ?? 0, piece.ends[i] ?? 0);
        last = i + 1;
      }
      builder.pushFrom(piece, last, text.length);
      const replaced = builder.build();
      if (!split) return [replaced];
      return splitAligned(replaced, literalMatches(replaced.text, replacement), 'MergedWithNext');
    });
}

/** Ranges of the non-overlapping occurrences of `literal` in `text`, left to right (as a global literal regex finds them). */
function literalMatches(text: string, literal: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (literal.length === 0) return out;
  for (let at = text.indexOf(literal); at >= 0; at = text.indexOf(literal, at + literal.length)) out.push([at, at + literal.length]);
  return out;
}

function behaviorOf(config: PreTokenizerConfig, fallback: SplitBehavior): SplitBehavior {
  const value = config['behavior'];
  if (value === undefined || value === null) return fallback;
  const name = String(value).toLowerCase();
  const map: Record<string, SplitBehavior> = {
    removed: 'Removed',
    isolated: 'Isolated',
    merged_with_previous: 'MergedWithPrevious',
    mergedwithprevious: 'MergedWithPrevious',
    merged_with_next: 'MergedWithNext',
    mergedwithnext: 'MergedWithNext',
    contiguous: 'Contiguous',
  };
  const behavior = map[name];
  if (!behavior) throw new InvalidConfigError(`Unknown split behavior ${JSON.stringify(value)} in tokenizer.json.`);
  return behavior;
}

/**
 * Builds an alignment-keeping pre-tokeniser from a `tokenizer.json` `pre_tokenizer` entry (`null`: the whole
 * text is one word). Supported: BertPreTokenizer, ByteLevel, Metaspace, Whitespace, WhitespaceSplit,
 * Punctuation, Digits, Split, Sequence. Raises {@link InvalidConfigError} for other types.
 */
export function createPreTokenizer(config: PreTokenizerConfig | null | undefined): AlignedPreTokenizer {
  if (config === null || config === undefined) return (pieces) => pieces;
  switch (config.type) {
    case 'BertPreTokenizer':
      return (pieces) =>
        pieces
          .flatMap((p) => splitAligned(p, charMatches(p.text, isWhitespace), 'Removed'))
          .flatMap((p) => splitAligned(p, charMatches(p.text, isBertPunctuation), 'Isolated'));
    case 'ByteLevel':
      return byteLevel(config);
    case 'Metaspace':
      return metaspace(config);
    case 'WhitespaceSplit':
      return (pieces) => pieces.flatMap((p) => splitAligned(p, charMatches(p.text, isWhitespace), 'Removed'));
    case 'Whitespace':
      return (pieces) => pieces.flatMap((p) => splitAligned(p, regexMatches(p.text, WORD_PATTERN), 'Removed', true));
    case 'Punctuation': {
      const behavior = behaviorOf(config, 'Isolated');
      return (pieces) => pieces.flatMap((p) => splitAligned(p, charMatches(p.text, isBertPunctuation), behavior));
    }
    case 'Digits': {
      const behavior: SplitBehavior = config['individual_digits'] === true ? 'Isolated' : 'Contiguous';
      return (pieces) => pieces.flatMap((p) => splitAligned(p, charMatches(p.text, (c) => NUMERIC.test(c)), behavior));
    }
    case 'Split': {
      const pattern = new hf.SplitPreTokenizer({ ...config, invert: true }).pattern;
      if (pattern === null) throw new InvalidConfigError('Split pre-tokenizer without a pattern in tokenizer.json.');
      const behavior = behaviorOf(config, 'Isolated');
      const invert = config['invert'] === true;
      return (pieces) =>
        pieces.flatMap((p) => {
          return splitAligned(p, regexMatches(p.text, pattern), behavior, invert);
        });
    }
    case 'Sequence': {
      const steps = ((config['pretokenizers'] as PreTokenizerConfig[] | undefined) ?? []).map(createPreTokenizer);
      return (pieces) => steps.reduce((acc, step) => step(acc), pieces);
    }
    default:
      throw new InvalidConfigError(`Unsupported pre_tokenizer type ${JSON.stringify(config.type)} in tokenizer.json.`);
  }
}

/**
 * True when this pre-tokeniser always splits before a single space that sits between two letters or digits, so
 * that text can be cut there without changing any token (used to bound the work on very long inputs).
 */
export function splitsAtSpaces(config: PreTokenizerConfig | null | undefined): boolean {
  if (!config) return false;
  switch (config.type) {
    case 'BertPreTokenizer':
    case 'WhitespaceSplit':
    case 'Whitespace':
      return true;
    case 'ByteLevel':
      return config['use_regex'] !== false;
    case 'Metaspace':
      return config['split'] !== false;
    case 'Sequence':
      return ((config['pretokenizers'] as PreTokenizerConfig[] | undefined) ?? []).some(splitsAtSpaces);
    default:
      return false;
  }
}
