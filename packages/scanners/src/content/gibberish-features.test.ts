import { describe, expect, it } from 'vitest';
import { charClass, decodeLogProbs, gibberishFeatures, gibberishProbability, stripNonLanguage, words } from './gibberish-features.js';
import { GIBBERISH_BIAS, GIBBERISH_WEIGHTS, gibberishTables } from './gibberish-model.js';

describe('gibberish features', () => {
  it('maps characters to the 30-symbol alphabet', () => {
    expect(charClass('a'.charCodeAt(0))).toBe(0);
    expect(charClass('Z'.charCodeAt(0))).toBe(25);
    expect(charClass(' '.charCodeAt(0))).toBe(26);
    expect(charClass('7'.charCodeAt(0))).toBe(27);
    expect(charClass('!'.charCodeAt(0))).toBe(28);
    expect(charClass('é'.charCodeAt(0))).toBe(29);
  });

  it('removes URLs, e-mail and paths; splits words', () => {
    expect(stripNonLanguage('see https://x.io/a?b=1 or mail a.b@c.org now').replace(/\s+/g, ' ')).toBe('see or mail now');
    expect(words("It's 3.5 times BIGGER")).toEqual(["it's", '<number>', 'times', 'bigger']);
  });

  it('separates English from noise', () => {
    const tables = gibberishTables();
    const english = gibberishFeatures('Could you please help me write a short letter to my landlord?', tables);
    const noise = gibberishFeatures('qzxv wpfk jjqx zzkv bnmq', tables);
    expect(english.charLogProb).toBeGreaterThan(noise.charLogProb);
    expect(english.knownWords).toBeGreaterThan(noise.knownWords);
    expect(gibberishProbability(english, GIBBERISH_WEIGHTS, GIBBERISH_BIAS)).toBeLessThan(0.5);
    expect(gibberishProbability(noise, GIBBERISH_WEIGHTS, GIBBERISH_BIAS)).toBeGreaterThan(0.97);
  });

  it('decodes quantised log-probabilities', () => {
    expect([...decodeLogProbs(btoa(String.fromCharCode(0, 16, 32)), 16)]).toEqual([-0, -1, -2]);
  });
});
