import { describe, expect, it } from 'vitest';
import { tokenizeForSentiment } from './tokenize.js';

describe('tokenizeForSentiment', () => {
  it('splits on whitespace, strips punctuation, keeps emoticons and emoji', () => {
    const tokens = tokenizeForSentiment('Wow, GREAT job :-) 👍🏽!');
    expect(tokens.map((token) => token.word)).toEqual(['wow', 'great', 'job', ':-)', '👍🏽']);
    expect(tokens[1]!.upper).toBe(true);
    expect(tokens[0]!.endsClause).toBe(false);
    expect(tokens[4]!.emoji).toBe(true);
  });

  it('reads tweet conventions', () => {
    const text = '@Ann loving it:((( #excited (video): http://t.co/x';
    const tokens = tokenizeForSentiment(text);
    expect(tokens.map((token) => token.word)).toEqual(['', 'loving', 'it', ':(', 'excited', 'video', '']);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('maps offsets back to the original text', () => {
    const text = 'g\u200Bood  ｎｉｃｅ';
    for (const token of tokenizeForSentiment(text)) expect(text.slice(token.start, token.end)).toBe(token.text);
    expect(tokenizeForSentiment(text).map((token) => token.word)).toEqual(['good', 'nice']);
  });
});
