import { describe, expect, it } from 'vitest';
import { preprocessTweet } from './tweet-preprocess.js';

describe('preprocessTweet', () => {
  it('rewrites mentions and links as cardiffnlp documents, splitting on single spaces only', () => {
    expect(preprocessTweet('@bob look https://x.co/a now @ me').text).toBe('@user look http now @ me');
    expect(preprocessTweet('hi\n@bob httpfoo').text).toBe('hi\n@bob http');
    expect(preprocessTweet('plain text').text).toBe('plain text');
  });

  it('maps offsets of the rewritten text back to the input', () => {
    const input = 'hey @alice see https://example.com/x ok';
    const { text, toOriginal } = preprocessTweet(input);
    expect(text).toBe('hey @user see http ok');
    const at = (word: string) => {
      const start = text.indexOf(word);
      const [s, e] = toOriginal(start, start + word.length);
      return input.slice(s, e);
    };
    expect(at('hey')).toBe('hey');
    expect(at('@user')).toBe('@alice');
    expect(at('see')).toBe('see');
    expect(at('http')).toBe('https://example.com/x');
    expect(at('ok')).toBe('ok');
    expect(toOriginal(0, text.length)).toEqual([0, input.length]);
  });

  it('leaves a text without "@" or "http" as it is, with offsets unchanged', () => {
    for (const input of ['plain text', 'HTTP://X.CO upper case is not rewritten', 'email at example dot com', '']) {
      const { text, toOriginal } = preprocessTweet(input);
      expect(text).toBe(input);
      expect(toOriginal(1, 4)).toEqual([1, 4]);
    }
    // "@" or "http" inside a word is not at a word start: nothing rewritten either
    expect(preprocessTweet('mail me at bob@example.com or xhttp').text).toBe('mail me at bob@example.com or xhttp');
  });
});
