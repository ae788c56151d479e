import { createScanResult, type Finding, type ScanResultV1, type TextSpan } from '@llm-shield/core';
import { assertKnownKeys } from '../scanner-config.js';
import { RuleInputScanner, RULE_THRESHOLD } from './rule-scanner.js';
import { MAX_SPANS_PER_FINDING } from './span-redaction.js';

/** The kinds of invisible characters {@link InvisibleText} reports (finding categories). */
export type InvisibleCharacterKind =
  | 'zero_width'
  | 'bidi_control'
  | 'tag'
  | 'variation_selector'
  | 'format'
  | 'control'
  | 'private_use'
  | 'unassigned';

/** Every code point worth a closer look; most texts have none. */
const CANDIDATE = /^[\p{Cf}\p{Co}\p{Cn}\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]$/u;
let bmpTable: Uint8Array | undefined;

/** 1 for each BMP code unit that is a candidate (surrogates excluded: pairs are decoded, lone ones are not flagged). */
function candidateTable(): Uint8Array {
  if (bmpTable) return bmpTable;
  bmpTable = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue;
    if (CANDIDATE.test(String.fromCharCode(c))) bmpTable[c] = 1;
  }
  return bmpTable;
}

function isAstralCandidate(cp: number): boolean {
  if (cp >= 0xe0000) return true; // tags, variation selectors supplement, private-use planes, unassigned
  return CANDIDATE.test(String.fromCodePoint(cp));
}

const PICTOGRAPHIC = /^\p{Extended_Pictographic}$/u;
const EMOJI_BASE = /^[\p{Extended_Pictographic}\p{Emoji_Component}#*0-9\u00A9\u00AE]$/u;
const JOINED_LETTER = /^[\p{L}\p{M}]$/u;
const LATIN = /^[\p{Script=Latin}\p{Script=Common}]$/u;
const PRIVATE_USE = /^\p{Co}$/u;
const UNASSIGNED = /^\p{Cn}$/u;

function kindOf(cp: number): InvisibleCharacterKind {
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0x180e) return 'zero_width';
  if (cp === 0x061c || cp === 0x200e || cp === 0x200f || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) return 'bidi_control';
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'tag';
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return 'variation_selector';
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return 'control';
  const ch = String.fromCodePoint(cp);
  if (PRIVATE_USE.test(ch)) return 'private_use';
  if (UNASSIGNED.test(ch)) return 'unassigned';
  return 'format';
}

/** The code point that ends just before `index`, or -1. */
function codePointBefore(text: string, index: number): number {
  if (index <= 0) return -1;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

function is(re: RegExp, cp: number): boolean {
  if (cp < 0) return false;
  if (cp < 0x80) return re === LATIN || (re === EMOJI_BASE && (cp === 0x23 || cp === 0x2a || (cp >= 0x30 && cp <= 0x39))) || (re === JOINED_LETTER && ASCII_LETTER[cp] === 1);
  return re.test(String.fromCodePoint(cp));
}

const ASCII_LETTER = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_LETTER[c] = /[A-Za-z]/.test(String.fromCharCode(c)) ? 1 : 0;

/** The start of the emoji (or letter) before `index`, skipping emoji modifiers and presentation selectors. */
function baseBefore(text: string, index: number): number {
  let i = index;
  for (let steps = 0; steps < 4; steps++) {
    const cp = codePointBefore(text, i);
    if (cp === 0xfe0f || cp === 0xfe0e || (cp >= 0x1f3fb && cp <= 0x1f3ff) || cp === 0x20e3) {
      i -= cp > 0xffff ? 2 : 1;
      continue;
    }
    return cp;
  }
  return -1;
}

/**
 * True when the invisible character at `index` is a legitimate part of the text: a ZWJ inside an emoji sequence
 * (👩‍💻), a ZWJ/ZWNJ between two letters of a script that uses them (Persian, Indic scripts; not Latin), one
 * variation selector after an emoji or keycap base, or the tag letters of a subdivision flag (🏴 + tags + cancel).
 */
function isLegitimate(text: string, index: number, cp: number, allowedTagEnd: number): boolean {
  if (cp === 0x200d || cp === 0x200c) {
    const next = text.codePointAt(index + 1) ?? -1;
    if (cp === 0x200d && is(PICTOGRAPHIC, baseBefore(text, index)) && is(PICTOGRAPHIC, next)) return true;
    const before = codePointBefore(text, index);
    return is(JOINED_LETTER, before) && is(JOINED_LETTER, next) && !is(LATIN, before) && !is(LATIN, next);
  }
  if (cp === 0xfe0f || cp === 0xfe0e) {
    const before = codePointBefore(text, index);
    return is(EMOJI_BASE, before) && before !== 0xfe0f && before !== 0xfe0e;
  }
  if (cp >= 0xe0020 && cp <= 0xe007f) return index < allowedTagEnd;
  return false;
}

/** The end of a subdivision-flag tag sequence starting at `index` (after U+1F3F4), or `index` when there is none. */
function flagTagsEnd(text: string, index: number): number {
  let i = index;
  let letters = 0;
  while (letters <= 6) {
    const cp = text.codePointAt(i);
    if (cp === 0xe007f) return letters >= 2 ? i + 2 : index;
    if (cp === undefined || cp < 0xe0030 || cp > 0xe007a) return index;
    i += 2;
    letters++;
  }
  return index;
}

/** InvisibleText takes no options (as llm-guard's). */
export type InvisibleTextConfig = Record<string, never>;

/**
 * llm-guard's InvisibleText (input): finds invisible characters, reports them by kind with their spans and strips
 * them from `sanitizedText`. Flagged: zero-width characters, bidirectional controls, tag characters (U+E0000 block),
 * variation selectors that follow no emoji, other format characters (Cf), control characters other than tab, line
 * feed and carriage return, private-use (Co) and unassigned (Cn) code points. Not flagged: ZWJ inside emoji sequences,
 * ZWJ/ZWNJ between letters of scripts that need them (not Latin), one variation selector after an emoji, subdivision
 * flag tags. llm-guard also strips every control character (line feeds too) once the text has a non-ASCII character;
 * here tab, LF and CR are always kept. Score 1 (risk 1) when flagged, else 0 (risk -1).
 */
export class InvisibleText extends RuleInputScanner<Readonly<InvisibleTextConfig>> {
  /** @param config - must be empty (or absent). */
  constructor(config: InvisibleTextConfig = {}) {
    assertKnownKeys('InvisibleText', config, []);
    super('InvisibleText', Object.freeze({}));
  }

  /** Checks one prompt. */
  check(text: string): ScanResultV1 {
    const table = candidateTable();
    const byKind = new Map<InvisibleCharacterKind, { count: number; spans: TextSpan[]; codes: Set<string> }>();
    const parts: string[] = [];
    let cursor = 0;
    let allowedTagEnd = -1;
    const n = text.length;
    for (let index = 0; index < n; index++) {
      const unit = text.charCodeAt(index);
      let cp = unit;
      if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < n) {
        const low = text.charCodeAt(index + 1);
        if (low >= 0xdc00 && low <= 0xdfff) cp = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
      }
      const width = cp > 0xffff ? 2 : 1;
      if (width === 1 ? table[unit] === 0 : !isAstralCandidate(cp)) {
        index += width - 1;
        continue;
      }
      if (cp >= 0xe0020 && cp <= 0xe007f && index > allowedTagEnd && codePointBefore(text, index) === 0x1f3f4) allowedTagEnd = flagTagsEnd(text, index);
      if (isLegitimate(text, index, cp, allowedTagEnd)) {
        index += width - 1;
        continue;
      }
      const kind = kindOf(cp);
      let entry = byKind.get(kind);
      if (!entry) {
        entry = { count: 0, spans: [], codes: new Set<string>() };
        byKind.set(kind, entry);
      }
      entry.count++;
      if (entry.codes.size < 20) entry.codes.add(`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
      const last = entry.spans[entry.spans.length - 1];
      if (last && last.end === index) last.end = index + width;
      else if (entry.spans.length < MAX_SPANS_PER_FINDING) entry.spans.push({ start: index, end: index + width, text: '' });
      if (index > cursor) parts.push(text.slice(cursor, index));
      cursor = index + width;
      index += width - 1;
    }
    if (byKind.size === 0) {
      return createScanResult({ score: 0, threshold: RULE_THRESHOLD, method: 'heuristic', sanitizedText: text, explanation: 'passed: no invisible character' });
    }
    parts.push(text.slice(cursor));
    for (const entry of byKind.values()) for (const span of entry.spans) span.text = text.slice(span.start, span.end);
    const findings: Finding[] = [...byKind.entries()].map(([kind, entry]) => ({ category: kind, score: 1, rules: [...entry.codes], spans: entry.spans }));
    const total = [...byKind.values()].reduce((sum, e) => sum + e.count, 0);
    return createScanResult({
      score: 1,
      threshold: RULE_THRESHOLD,
      method: 'heuristic',
      sanitizedText: parts.join(''),
      findings,
      explanation: `flagged: ${total} invisible character${total === 1 ? '' : 's'} (${findings.map((f) => f.category).join(', ')}), stripped`,
    });
  }
}
