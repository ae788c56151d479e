import type { TextSpan } from '@llm-shield/core';
import { findEncodedBlobs } from './encoded.js';
import type { SpacedRun } from './spaced-letters.js';

/** A non-pattern obfuscation signal that fired. */
export interface ObfuscationSignal {
  id: string;
  weight: number;
  spans: TextSpan[];
}

/** Words that make a decoded blob or a spaced-letter run an attack. */
const ATTACK_WORDS =
  /ignore|disregard|forget|instruction|system ?prompt|jailbreak|pretend|bypass|override|reveal|password|secret|you are now|do anything|developer mode|no restrictions|unfiltered|vergiss|ignoriere|anweisung|saythat|sayyes|tellme|yourprompt|pwned/;

const MAX_SPANS = 5;

/** The characters {@link invisibleInsideWords} looks for. */
const INVISIBLE_CHAR = /[\u00ad\u034f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]/;
/** The characters that make a word mixed-script in {@link mixedScriptWords}. */
const CYRILLIC_OR_GREEK_CHAR = /[\u0370-\u052f]/;

function span(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

/**
 * Characters that only appear in evasion of an English/German rule: Cyrillic and Greek letters,
 * fullwidth forms, zero-width and bidi controls, mathematical alphanumerics (surrogates), enclosed letters.
 */
export function isEvasionChar(code: number): boolean {
  return (
    (code >= 0x0370 && code <= 0x052f) ||
    (code >= 0xff01 && code <= 0xff5e) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0xfeff ||
    code === 0x00ad ||
    code === 0x034f ||
    (code >= 0xd800 && code <= 0xdfff) ||
    (code >= 0x2460 && code <= 0x24ff) ||
    code < 0x09 ||
    (code > 0x0d && code < 0x20)
  );
}

/** True when the original span contains a character from {@link isEvasionChar}. */
export function hasEvasionChar(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (isEvasionChar(text.charCodeAt(i))) return true;
  return false;
}

function isLatin(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}
function isCyrillicOrGreek(code: number): boolean {
  return code >= 0x0370 && code <= 0x052f;
}

/** Words that mix Latin with Cyrillic or Greek letters ("іgnоrе"): a homoglyph-evasion signal. */
export function mixedScriptWords(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  let start = -1;
  let latin = false;
  let other = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x20;
    const l = isLatin(code);
    const o = isCyrillicOrGreek(code);
    const zeroWidth = (code >= 0x200b && code <= 0x200d) || code === 0x2060 || code === 0xfeff;
    if (l || o || zeroWidth) {
      if (start < 0) {
        start = i;
        latin = false;
        other = false;
      }
      latin ||= l;
      other ||= o;
    } else if (start >= 0) {
      if (latin && other) spans.push(span(text, start, i));
      start = -1;
    }
  }
  return spans;
}

/** Zero-width or format characters between two letters ("ig\u200bnore"). */
export function invisibleInsideWords(text: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const isWordChar = (code: number) => isLatin(code) || isCyrillicOrGreek(code) || (code >= 0xc0 && code <= 0x24f);
  const isInvisible = (code: number) =>
    (code >= 0x200b && code <= 0x200f) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2060 && code <= 0x206f) || code === 0xfeff || code === 0x00ad || code === 0x034f;
  for (let i = 1; i < text.length - 1; i++) {
    if (!isInvisible(text.charCodeAt(i))) continue;
    let j = i;
    while (j < text.length && isInvisible(text.charCodeAt(j))) j++;
    if (j < text.length && isWordChar(text.charCodeAt(i - 1)) && isWordChar(text.charCodeAt(j))) spans.push(span(text, i - 1, j + 1));
    i = j;
  }
  return spans;
}

/**
 * Computes the obfuscation signals that are not plain patterns: invisible characters inside words,
 * mixed-script words, spaced-out letters, and base64/hex blobs that decode to attack text. `decodeBlobs: false`
 * skips the blob search, for a caller that knows the text has no run of blob characters long enough;
 * `precheck: false` runs every pass even when a quick test shows it cannot find anything (same result);
 * `plainAscii: true` (the text is printable ASCII only, see `NormalizedText.plainAscii`) skips the passes that look
 * for invisible, Cyrillic and Greek characters.
 */
export function obfuscationSignals(
  original: string,
  spacedRuns: readonly SpacedRun[],
  spacedSpans: readonly TextSpan[],
  decodeBlobs = true,
  precheck = true,
  plainAscii = false,
): ObfuscationSignal[] {
  const signals: ObfuscationSignal[] = [];
  // the letter-by-letter passes only run when the characters they look for occur at all
  if (!precheck || (!plainAscii && INVISIBLE_CHAR.test(original))) {
    const invisible = invisibleInsideWords(original);
    if (invisible.length >= 1) signals.push({ id: 'ob.invisible_in_words', weight: invisible.length >= 3 ? 0.45 : 0.25, spans: invisible.slice(0, MAX_SPANS) });
  }
  if (!precheck || (!plainAscii && CYRILLIC_OR_GREEK_CHAR.test(original))) {
    const mixed = mixedScriptWords(original);
    if (mixed.length >= 1) signals.push({ id: 'ob.mixed_script', weight: mixed.length >= 3 ? 0.45 : 0.3, spans: mixed.slice(0, MAX_SPANS) });
  }
  if (spacedRuns.length > 0) {
    const longRuns: TextSpan[] = [];
    const attackRuns: TextSpan[] = [];
    spacedRuns.forEach((run, index) => {
      const where = spacedSpans[index];
      if (where === undefined) return;
      if (run.joined.length >= 8) longRuns.push(where);
      if (ATTACK_WORDS.test(run.joined.replace(/ /g, ''))) attackRuns.push(where);
    });
    if (longRuns.length > 0) signals.push({ id: 'ob.spaced_letters', weight: 0.3, spans: longRuns.slice(0, MAX_SPANS) });
    if (attackRuns.length > 0) signals.push({ id: 'ob.spaced_attack_words', weight: 0.7, spans: attackRuns.slice(0, MAX_SPANS) });
  }
  if (!decodeBlobs) return signals;
  const blobs = findEncodedBlobs(original);
  const attackBlobs = blobs.filter((blob) => ATTACK_WORDS.test(blob.decoded.toLowerCase()));
  if (attackBlobs.length > 0) signals.push({ id: 'ob.encoded_instructions', weight: 0.75, spans: attackBlobs.slice(0, MAX_SPANS).map((b) => span(original, b.start, b.end)) });
  return signals;
}
