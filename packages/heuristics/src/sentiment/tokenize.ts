import { normalizeText, toOriginalSpan } from '../normalize.js';
import { sentimentLexicon } from './lexicon.js';

/** One token of a text, as the sentiment analyser sees it. */
export interface SentimentToken {
  /** Lower-case, normalised form used for look-ups (punctuation stripped unless the token is an emoticon). */
  word: string;
  /** UTF-16 offsets of the token in the original text. */
  start: number;
  end: number;
  /** The token's original text, `text.slice(start, end)`. */
  text: string;
  /** True when the original token has cased letters and all of them are upper case ("GREAT"). */
  upper: boolean;
  /** True when the token is an emoji. */
  emoji: boolean;
  /** True when the raw token ended a clause (trailing `.`, `!`, `?` or `;`): negation does not reach past it. */
  endsClause: boolean;
}

/** Tokens longer than this are not words (URLs, base64, adversarial runs) and are never looked up. */
export const MAX_SENTIMENT_TOKEN_LENGTH = 64;

const WHITESPACE = /\s/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const PUNCTUATION_OR_SYMBOL = /[\p{P}\p{S}]/u;
const EMOJI_MODIFIER = /[\u{1F3FB}-\u{1F3FF}]/u;

function isStrippable(char: string): boolean {
  return PUNCTUATION_OR_SYMBOL.test(char) && !PICTOGRAPHIC.test(char);
}

/**
 * Splits `text` into whitespace-separated tokens on its normalised (folded) view, with every emoji as a token of
 * its own ("great😂" is two tokens). Leading and trailing punctuation is stripped from a token unless the whole
 * token is a lexicon entry (emoticons such as ":-)" or "</3"). Offsets always refer to the original text.
 * Linear in the length of the text: one pass over code points, and stripping walks each token once from each end.
 */
export function tokenizeForSentiment(text: string): SentimentToken[] {
  const tokens: SentimentToken[] = [];
  if (text.length === 0) return tokens;
  const view = normalizeText(text).folded;
  const folded = view.text;
  const lexicon = sentimentLexicon();

  const push = (start: number, end: number, emoji: boolean) => {
    if (end <= start) return;
    let raw = folded.slice(start, end);
    let from = start;
    let to = end;
    let endsClause = false;
    if (!emoji && !lexicon.has(raw)) {
      // Strip punctuation from both ends, one code unit at a time (punctuation is in the BMP).
      while (from < to && isStrippable(folded[from]!)) from++;
      while (to > from && isStrippable(folded[to - 1]!)) {
        const char = folded[to - 1]!;
        if (char === '.' || char === '!' || char === '?' || char === ';') endsClause = true;
        to--;
      }
      if (to <= from) return; // a run of punctuation that is no emoticon carries nothing
      raw = folded.slice(from, to);
    }
    const span = toOriginalSpan(view, text, from, to);
    const cased = span.text.toLowerCase() !== span.text.toUpperCase();
    tokens.push({
      word: raw.length > MAX_SENTIMENT_TOKEN_LENGTH ? '' : raw,
      start: span.start,
      end: span.end,
      text: span.text,
      upper: cased && span.text === span.text.toUpperCase(),
      emoji,
      endsClause,
    });
  };

  let tokenStart = -1;
  let index = 0;
  while (index < folded.length) {
    const code = folded.codePointAt(index)!;
    const width = code > 0xffff ? 2 : 1;
    const char = width === 1 ? folded[index]! : folded.slice(index, index + width);
    if (WHITESPACE.test(char)) {
      if (tokenStart >= 0) push(tokenStart, index, false);
      tokenStart = -1;
    } else if (PICTOGRAPHIC.test(char)) {
      if (tokenStart >= 0) push(tokenStart, index, false);
      tokenStart = -1;
      let end = index + width;
      // keep skin-tone modifiers with their emoji
      while (end < folded.length && EMOJI_MODIFIER.test(folded.slice(end, end + 2))) end += 2;
      push(index, end, true);
      index = end;
      continue;
    } else if (tokenStart < 0) {
      tokenStart = index;
    }
    index += width;
  }
  if (tokenStart >= 0) push(tokenStart, folded.length, false);
  return tokens;
}
