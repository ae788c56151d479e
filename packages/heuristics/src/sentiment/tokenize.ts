import { normalizeText, toOriginalSpan } from '../normalize.js';
import { sentimentLexicon } from './lexicon.js';

/** One token of a text, as the sentiment analyser sees it. */
export interface SentimentToken {
  /**
   * Lower-case, normalised form used for look-ups (punctuation stripped unless the token is an emoticon); empty for
   * @mentions, links and tokens over {@link MAX_SENTIMENT_TOKEN_LENGTH} characters, which are never looked up.
   */
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
const CLOSING_BRACKET = /[)\]}>]/u;
const EMOJI_MODIFIER = /[\u{1F3FB}-\u{1F3FF}]/u;

function isStrippable(char: string): boolean {
  return PUNCTUATION_OR_SYMBOL.test(char) && !PICTOGRAPHIC.test(char);
}

/**
 * The emoticon at the end of a raw token, with runs of a repeated character folded (":((((" → ":(", ":-)))" →
 * ":-)"): `at` is where it starts in `raw`; `undefined` when the token does not end in a known emoticon. The token
 * is at most {@link MAX_SENTIMENT_TOKEN_LENGTH} long, so this is bounded work.
 */
function trailingEmoticon(raw: string, lexicon: ReadonlyMap<string, number>): { at: number; word: string } | undefined {
  let at = raw.length;
  while (at > 0 && isStrippable(raw[at - 1]!)) at--;
  // a mouth or nose may be a letter (":D", ":p", "=d"): take one letter after a punctuation eye
  if (at === raw.length && at >= 2 && /[a-z]/u.test(raw[at - 1]!) && isStrippable(raw[at - 2]!)) {
    at--;
    while (at > 0 && isStrippable(raw[at - 1]!)) at--;
  }
  if (raw.length - at < 2) return undefined;
  for (let from = at; from <= raw.length - 2; from++) {
    const tail = raw.slice(from);
    // glued to a word, a closing bracket ends a parenthesis ("(video):"), it is no frowning mouth
    if (from > 0 && CLOSING_BRACKET.test(raw[from]!)) continue;
    const word = tail.replace(/(.)\1+/gu, '$1');
    if (lexicon.has(tail) && from > 0) return { at: from, word: tail };
    if (word.length >= 2 && lexicon.has(word) && (word !== tail || from > 0)) return { at: from, word };
  }
  return undefined;
}

/**
 * Splits `text` into whitespace-separated tokens on its normalised (folded) view, with every emoji as a token of
 * its own ("great😂" is two tokens). Leading and trailing punctuation is stripped from a token unless the whole
 * token is a lexicon entry (emoticons such as ":-)" or "</3"). An emoticon whose mouth is repeated is folded
 * (":((((" → ":(") and one glued to the end of a word becomes a token of its own ("there:(" → "there", ":(").
 * @mentions and links are kept as tokens with an empty `word` (no valence). Offsets always refer to the original
 * text. Linear in the length of the text: one pass over code points, and the per-token work is bounded (stripping
 * walks each token once from each end; emoticon folding only looks at tokens of at most
 * {@link MAX_SENTIMENT_TOKEN_LENGTH} characters).
 */
export function tokenizeForSentiment(text: string): SentimentToken[] {
  const tokens: SentimentToken[] = [];
  if (text.length === 0) return tokens;
  const view = normalizeText(text).folded;
  const folded = view.text;
  const lexicon = sentimentLexicon();

  const emit = (from: number, to: number, word: string, emoji: boolean, endsClause: boolean) => {
    const span = toOriginalSpan(view, text, from, to);
    const cased = span.text.toLowerCase() !== span.text.toUpperCase();
    tokens.push({
      word: word.length > MAX_SENTIMENT_TOKEN_LENGTH ? '' : word,
      start: span.start,
      end: span.end,
      text: span.text,
      upper: cased && span.text === span.text.toUpperCase(),
      emoji,
      endsClause,
    });
  };

  const push = (start: number, end: number, emoji: boolean) => {
    if (end <= start) return;
    let raw = folded.slice(start, end);
    let from = start;
    let to = end;
    let endsClause = false;
    if (!emoji && end - start <= MAX_SENTIMENT_TOKEN_LENGTH && !lexicon.has(raw)) {
      const first = folded[start]!;
      // @mentions and links name things; they carry no sentiment ("@HappyMeal", "http://t.co/gr8").
      if (first === '@' || raw.startsWith('http:') || raw.startsWith('https:') || raw.startsWith('www.')) {
        emit(start, end, '', false, false);
        return;
      }
      // An emoticon with a repeated mouth (":((((" → ":("), alone or glued to a word ("there:(((").
      const emoticon = trailingEmoticon(raw, lexicon);
      if (emoticon !== undefined) {
        if (emoticon.at > 0) push(start, start + emoticon.at, false);
        emit(start + emoticon.at, end, emoticon.word, false, false);
        return;
      }
    }
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
    emit(from, to, raw, emoji, endsClause);
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
