import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentence-splitter.js';

const texts = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
  it('splits at terminators followed by space, at line breaks, and trims', () => {
    expect(texts('Hello world. How are you?  Fine!\nNext line')).toEqual(['Hello world.', 'How are you?', 'Fine!', 'Next line']);
    expect(texts('He said "stop!" Then left.')).toEqual(['He said "stop!"', 'Then left.']);
    expect(texts('Pi is 3.14 and example.com is a site')).toEqual(['Pi is 3.14 and example.com is a site']);
    expect(texts('第一句。第二句。')).toEqual(['第一句。', '第二句。']);
  });

  it('gives nothing for blank text and stays linear on huge input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\t ')).toEqual([]);
    const huge = 'a. '.repeat(200_000) + '!'.repeat(200_000);
    expect(splitSentences(huge).length).toBe(200_001);
  });
});
