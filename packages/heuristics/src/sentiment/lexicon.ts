import { EMOJI_VALENCE } from './emoji-lexicon.js';
import { TWEET_VALENCE } from './tweet-lexicon.js';
import { VADER_LEXICON_DATA } from './vader-lexicon.js';

let lexicon: Map<string, number> | undefined;

/**
 * The VADER lexicon as a map, parsed from {@link VADER_LEXICON_DATA} on first use, plus the hand-written tweet
 * entries of {@link TWEET_VALENCE} for tokens VADER does not list.
 */
export function sentimentLexicon(): ReadonlyMap<string, number> {
  if (lexicon === undefined) {
    const parsed = new Map<string, number>();
    for (const line of VADER_LEXICON_DATA.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) parsed.set(line.slice(0, tab), Number(line.slice(tab + 1)));
    }
    for (const [token, valence] of TWEET_VALENCE) if (!parsed.has(token)) parsed.set(token, valence);
    lexicon = parsed;
  }
  return lexicon;
}

/** Strips skin-tone modifiers and variation selectors so that "👍🏽" looks up as "👍". */
function emojiBase(token: string): string {
  let out = '';
  for (const char of token) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x1f3fb && code <= 0x1f3ff) || (code >= 0xfe00 && code <= 0xfe0f) || code === 0x200d) continue;
    out += char;
  }
  return out;
}

/**
 * Valence of one lower-case token on VADER's -4..4 scale: the VADER lexicon, then the emoji table; `undefined` when
 * the token carries none.
 */
export function tokenValence(token: string): number | undefined {
  const fromLexicon = sentimentLexicon().get(token);
  if (fromLexicon !== undefined) return fromLexicon;
  return EMOJI_VALENCE.get(token) ?? (token.length > 2 ? EMOJI_VALENCE.get(emojiBase(token)) : undefined);
}
