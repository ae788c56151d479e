import type { SentimentToken } from './tokenize.js';

/** Words after which "like" is the verb ("I like it", "don't like"), not the preposition ("looks like rain"). */
const LIKE_VERB_CONTEXT: ReadonlySet<string> = new Set([
  'i', 'we', 'you', 'they', 'u', 'ya', 'really', 'totally', 'would', "i'd", "we'd", 'do', 'does', 'did', "don't",
  'dont', "doesn't", 'doesnt', "didn't", 'didnt', 'not', 'to', 'also', 'still', 'actually', 'just', 'kinda', 'so',
]);

/** Words that open a Title-case greeting ("Happy Birthday", "Merry Christmas"), not a name. */
const GREETINGS: ReadonlySet<string> = new Set(['happy', 'merry', 'congrats', 'congratulations']);

function isAcronym(token: SentimentToken | undefined): boolean {
  return token !== undefined && token.text.length >= 2 && token.upper && /^\p{Lu}+$/u.test(token.text);
}

function isTitleCase(token: SentimentToken | undefined): boolean {
  if (token === undefined || token.text.length < 2) return false;
  const first = token.text[0]!;
  const rest = token.text.slice(1);
  return first !== first.toLowerCase() && rest === rest.toLowerCase() && /\p{L}/u.test(rest);
}

/**
 * Returns why a lexicon word at `index` carries no sentiment in its context, or `undefined` when it does:
 * - `like` not used as a verb ("looks like", "like a boss") — the most frequent false positive in tweets;
 * - a Title-case word inside a run of Title-case words (or before an acronym) that does not start a sentence
 *   ("the Super Bowl", "Manchester United", "Amazon Prime", "Miss USA"): a name, not an opinion.
 */
export function nonSentimentUse(tokens: readonly SentimentToken[], index: number): string | undefined {
  const token = tokens[index]!;
  if (token.word === 'like' || token.word === 'likes') {
    if (token.word === 'likes') return undefined;
    const previous = tokens[index - 1];
    if (previous === undefined || previous.endsClause || !LIKE_VERB_CONTEXT.has(previous.word)) return 'like-preposition';
    return undefined;
  }
  if (!isTitleCase(token)) return undefined;
  const previous = tokens[index - 1];
  // a @mention or link before the word starts a new sentence ("@ann Happy Friday")
  const sentenceStart = previous === undefined || previous.endsClause || previous.word === '';
  if (sentenceStart) return undefined;
  if (GREETINGS.has(token.word)) return undefined;
  const next = tokens[index + 1];
  if (isTitleCase(previous) || isTitleCase(next) || isAcronym(next)) return 'proper-name';
  return undefined;
}
