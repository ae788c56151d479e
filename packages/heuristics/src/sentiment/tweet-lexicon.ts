/**
 * Hand-written additions to the VADER lexicon for tweet-style text: slang, interjections and emoticons that VADER
 * does not list. Written for this project (no third-party source, nothing learned from data): each entry is a
 * common reading of the token on VADER's -4..4 scale, chosen by hand. VADER's own entries are never overridden.
 */
export const TWEET_VALENCE: ReadonlyMap<string, number> = new Map([
  // exasperation, disgust, disappointment
  ['fml', -2.4], ['smfh', -1.5], ['ew', -1.6], ['eww', -1.8], ['ewww', -1.8], ['yikes', -1.2], ['dammit', -2.0],
  ['goddammit', -2.2], ['cringe', -1.4], ['cringey', -1.6], ['cringy', -1.6], ['ughh', -1.8], ['urgh', -1.8],
  ['argh', -1.6], ['grr', -1.5], ['bleh', -0.8], ['wack', -1.5], ['overrated', -1.4], ['letdown', -1.9],
  ['gutted', -2.2], ['sadface', -2.0],
  // enthusiasm
  ['epic', 1.6], ['yaay', 2.4], ['yayy', 2.4], ['stoked', 2.3], ['psyched', 2.1], ['pumped', 1.9],
  ['goodluck', 1.8], ['favs', 1.6], ['faves', 1.6],
  // emoticons the VADER list lacks (repeated mouths such as ":((((" are folded to ":(" by the tokenizer)
  ['-_-', -1.2], ['-.-', -1.2], ['t_t', -2.0], ['t.t', -2.0], [';(', -2.0], [';-(', -2.0], ['=(', -1.8],
  ['^_^', 2.0], ['^^', 1.6], ['^.^', 1.8], ['(=', 1.8], ['=d', 2.2], [':]', 1.6], [':[', -1.6],
]);
