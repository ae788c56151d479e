import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from '../sentiment/analyze.js';
import { detectToxicity } from './detect.js';

/*
 * How linear time is checked. Structural rule, applied to every regular expression in toxicity/ and sentiment/:
 * each one is a single character class tested on one character, or is anchored and runs on a token whose length
 * is capped (40 characters for toxicity, 64 for sentiment) or on a gap checked to be at most 3 characters long;
 * none has nested quantifiers or alternations over overlapping classes. All phrase rules are token windows of
 * bounded width (no regex), spelled-out runs are searched in a window of 14 letters, and every lexicon look-up is
 * a Map/Set hit or a scan of a fixed list of roots. So the work per character is bounded by a constant.
 *
 * Empirically: each adversarial string below is 100k characters; a quadratic step would take tens of seconds on
 * it, the linear code takes milliseconds. A 10 MB input must finish too (generous bound for shared CI machines).
 */
const ADVERSARIAL_100K: Record<string, string> = {
  'one letter': 'a'.repeat(100_000),
  'spaced letters': 'a '.repeat(50_000),
  'spaced profanity': 'f u c '.repeat(16_667),
  'masks': 'f*'.repeat(50_000),
  'dots': 'a.'.repeat(50_000),
  'hyphens': 'a-'.repeat(50_000),
  'repeated letters': 'fu'.repeat(50_000),
  'digits': '1'.repeat(100_000),
  'punctuation': '!?'.repeat(50_000),
  'stars': '*'.repeat(100_000),
  'emoji': '😀'.repeat(50_000),
  'lone surrogates': '\uD800a\uDC00'.repeat(33_334),
  'zero width': 'a\u200B'.repeat(50_000),
  'controls': '\u0000\u0007\u001F'.repeat(33_334),
  'whitespace': ' \n\t'.repeat(33_334),
  'you kill': 'you kill '.repeat(11_112),
  'not not': 'not '.repeat(25_000),
  'caps': 'HATE '.repeat(20_000),
  'but': 'but '.repeat(25_000),
  'combining marks': 'a\u0301'.repeat(50_000),
};

describe('linear time on adversarial input', () => {
  it.each(Object.entries(ADVERSARIAL_100K))('handles 100k chars of %s quickly', (_name, text) => {
    const toxicity = detectToxicity(text);
    const sentiment = analyzeSentiment(text);
    expect(toxicity.score).toBeGreaterThanOrEqual(0);
    expect(toxicity.score).toBeLessThanOrEqual(1);
    expect(Number.isFinite(sentiment.compound)).toBe(true);
  });

  it('handles 10 MB of input', () => {
    const text = 'You are a f*cking idiot!!! 😀 not good but great. Tell me about Rome. '.repeat(140_000).slice(0, 10_000_000);
    expect(detectToxicity(text).score).toBeGreaterThan(0.5);
    expect(analyzeSentiment(text).findings.every((finding) => finding.spans.length <= 256)).toBe(true);
  }, 300_000);

  it('defines results for degenerate input', () => {
    for (const text of ['', '\uD800', '\uDFFF\uD800', '\u200B\u200B', '\u0000', ' ']) {
      expect(detectToxicity(text)).toEqual({ score: 0, findings: [] });
      expect(analyzeSentiment(text).label).toBe('neutral');
    }
  });
});
