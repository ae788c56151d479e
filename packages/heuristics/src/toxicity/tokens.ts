import type { NormalizedText } from '../normalize.js';
import { canStartWord, mayMatchPartially, resolveSpelled, resolveToxicToken, type TermMatch } from './lexicon.js';
import { MAX_TOXIC_TOKEN_LENGTH } from './obfuscation.js';

/** A token of the text as the toxicity detector sees it. */
export interface ToxicToken {
  /** Lower-case word used by the phrase rules: the de-obfuscated lexicon form if it matched, else the folded token without apostrophes. */
  word: string;
  /** Offsets in the normalised views (`folded` and `leet` share them). */
  viewStart: number;
  viewEnd: number;
  /** The lexicon term this token resolved to, if any. */
  match?: TermMatch;
  /** True when a clause boundary (`.`, `!`, `?`, `;`, `:`, newline) follows the token. */
  clauseEnd: boolean;
}

const SOFT = /[\p{L}\p{N}'*@$#%!|.\-_?+€¡]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const INNER_SEPARATOR = /[.\-_+]/u;
const CLAUSE_BREAK = /[.!?;:\n]/u;
/** Runs of single characters longer than this are not searched for spelled-out words beyond this window. */
const SPELLED_WINDOW = 14;

interface Segment {
  start: number;
  end: number;
  spelled: boolean;
}

function trim(folded: string, start: number, end: number): [number, number] {
  let leadingStar = false;
  while (start < end) {
    const char = folded[start]!;
    if (LETTER_OR_DIGIT.test(char) || char === '@' || char === '$') break;
    if (char === '*') leadingStar = true;
    start++;
  }
  while (end > start) {
    const char = folded[end - 1]!;
    if (LETTER_OR_DIGIT.test(char) || char === '$' || (char === '*' && !leadingStar)) break;
    end--;
  }
  return [start, end];
}

/** Splits one whitespace-free run into word segments (see {@link tokenizeForToxicity}). */
function segmentRun(view: NormalizedText, runStart: number, runEnd: number, out: Segment[]): void {
  const folded = view.folded.text;
  let start = runStart;
  for (let i = runStart; i <= runEnd; i++) {
    // a lone surrogate or any non-soft character splits
    const hard = i === runEnd || !SOFT.test(folded[i]!);
    if (!hard) continue;
    const [s, e] = trim(folded, start, i);
    if (e > s) splitInner(view, s, e, out);
    start = i + 1;
  }
}

function splitInner(view: NormalizedText, start: number, end: number, out: Segment[]): void {
  const folded = view.folded.text;
  const text = folded.slice(start, end);
  if (end - start > MAX_TOXIC_TOKEN_LENGTH || !INNER_SEPARATOR.test(text)) {
    out.push({ start, end, spelled: false });
    return;
  }
  const parts = text.split(/[.\-_+]/u);
  if (parts.length >= 3 && parts.every((part) => part.length === 1)) {
    out.push({ start, end, spelled: true }); // "f.u.c.k", "a-s-s"
    return;
  }
  if (resolveToxicToken(text, view.leet.text.slice(start, end)) !== undefined) {
    out.push({ start, end, spelled: false }); // masked with separators: "f-ck", "sh.t"
    return;
  }
  let partStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && !INNER_SEPARATOR.test(folded[i]!)) continue;
    const [s, e] = trim(folded, partStart, i);
    if (e > s) out.push({ start: s, end: e, spelled: false });
    partStart = i + 1;
  }
}

function withoutSeparators(text: string): string {
  return text.replace(/[.\-_+]/gu, '');
}

/**
 * Tokenises a normalised text for the toxicity rules. Tokens are split at whitespace and at punctuation other
 * than characters used to obfuscate words (`* @ $ # % ! | . - _ ? +`); leading/trailing punctuation is trimmed;
 * "f.u.c.k" is joined; "f-ck" stays whole when it resolves to a masked word, and hyphenated words are split
 * otherwise. Runs of single letters separated by spaces or dots ("a s s h o l e") are joined when a lexicon word
 * is spelled in them. Each token is resolved against the lexicon (see {@link resolveToxicToken}).
 * Linear in the length of the text: one pass to segment, a bounded window for spelled-out runs.
 */
export function tokenizeForToxicity(view: NormalizedText): ToxicToken[] {
  const folded = view.folded.text;
  const leet = view.leet.text;
  const segments: Segment[] = [];
  let runStart = -1;
  for (let i = 0; i <= folded.length; i++) {
    const space = i === folded.length || /\s/u.test(folded[i]!);
    if (space) {
      if (runStart >= 0) segmentRun(view, runStart, i, segments);
      runStart = -1;
    } else if (runStart < 0) {
      runStart = i;
    }
  }

  const tokens: ToxicToken[] = [];
  for (const segment of segments) {
    const foldedText = folded.slice(segment.start, segment.end);
    const leetText = leet.slice(segment.start, segment.end);
    let match: TermMatch | undefined;
    if (segment.spelled) match = resolveSpelled(withoutSeparators(leetText).replace(/[^\p{L}]/gu, ''));
    else match = resolveToxicToken(foldedText, leetText);
    tokens.push({
      word: match?.word ?? (segment.spelled ? withoutSeparators(foldedText) : foldedText.replaceAll("'", '')),
      viewStart: segment.start,
      viewEnd: segment.end,
      ...(match !== undefined ? { match } : {}),
      clauseEnd: false,
    });
  }
  for (let k = 0; k < tokens.length; k++) {
    const gapEnd = k + 1 < tokens.length ? tokens[k + 1]!.viewStart : folded.length;
    const gap = folded.slice(tokens[k]!.viewEnd, gapEnd);
    tokens[k]!.clauseEnd = CLAUSE_BREAK.test(gap);
  }
  return joinSpelledRuns(view, tokens);
}

/** Joins runs of one-letter tokens ("a s s h o l e", "f u c k") that spell a lexicon word. */
function joinSpelledRuns(view: NormalizedText, tokens: ToxicToken[]): ToxicToken[] {
  const leet = view.leet.text;
  const folded = view.folded.text;
  const single = (token: ToxicToken) => token.viewEnd - token.viewStart === 1 && token.match === undefined;
  const out: ToxicToken[] = [];
  let k = 0;
  while (k < tokens.length) {
    if (!single(tokens[k]!)) {
      out.push(tokens[k]!);
      k++;
      continue;
    }
    // collect a run of single characters separated only by spaces or . - _ *
    let end = k + 1;
    while (
      end < tokens.length &&
      single(tokens[end]!) &&
      !tokens[end - 1]!.clauseEnd &&
      tokens[end]!.viewStart - tokens[end - 1]!.viewEnd <= 3 &&
      /^[\s.\-_*]{1,3}$/u.test(folded.slice(tokens[end - 1]!.viewEnd, tokens[end]!.viewStart))
    ) {
      end++;
    }
    if (end - k < 3) {
      for (let j = k; j < end; j++) out.push(tokens[j]!);
      k = end;
      continue;
    }
    let letters = '';
    for (let m = k; m < end; m++) letters += leet[tokens[m]!.viewStart]!;
    let j = k;
    while (j < end) {
      let joined: ToxicToken | undefined;
      const maxLength = canStartWord(letters.slice(j - k, j - k + 2)) ? Math.min(SPELLED_WINDOW, end - j) : 0;
      const exactOnly = maxLength >= 3 && !mayMatchPartially(letters.slice(j - k, j - k + maxLength));
      for (let length = maxLength; length >= 3 && joined === undefined; length--) {
        const match = resolveSpelled(letters.slice(j - k, j - k + length), exactOnly);
        if (match !== undefined) {
          const last = tokens[j + length - 1]!;
          joined = { word: match.word, viewStart: tokens[j]!.viewStart, viewEnd: last.viewEnd, match, clauseEnd: last.clauseEnd };
          out.push(joined);
          j += length;
        }
      }
      if (joined === undefined) {
        out.push(tokens[j]!);
        j++;
      }
    }
    k = end;
  }
  return out;
}
