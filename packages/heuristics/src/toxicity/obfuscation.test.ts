import { describe, expect, it } from 'vitest';
import { collapseRuns, fitsMask, hasLongRun, isMasked, squeeze } from './obfuscation.js';
import { resolveToxicToken } from './lexicon.js';

describe('obfuscation helpers', () => {
  it('collapses runs of three or more', () => {
    expect(collapseRuns('fuuuuck', 1)).toBe('fuck');
    expect(collapseRuns('assssss', 2)).toBe('ass');
    expect(collapseRuns('good', 1)).toBe('good');
    expect(hasLongRun('fuuuck')).toBe(true);
    expect(hasLongRun('book')).toBe(false);
  });

  it('squeezes every run', () => {
    expect(squeeze('fuuck')).toBe('fuck');
    expect(squeeze('')).toBe('');
  });

  it('recognises masks', () => {
    expect(isMasked('f*ck')).toBe(true);
    expect(isMasked('a-z')).toBe(false);
    expect(isMasked('*bold')).toBe(false);
    expect(fitsMask('f**k', 'fuck')).toBe(true);
    expect(fitsMask('f**k', 'fish')).toBe(false);
    expect(fitsMask('f**k', 'fucks')).toBe(false);
  });

  it('resolves tokens, and leaves benign words alone', () => {
    expect(resolveToxicToken('sh1t', 'shit')?.term.form).toBe('shit');
    expect(resolveToxicToken('f*ck', 'f*ck')?.obfuscation).toBe('mask');
    for (const word of ['scunthorpe', 'assassin', 'class', 'cocktail', 'sussex', 'therapist', 'grapes', 'bobby', 'sheet']) {
      expect(resolveToxicToken(word, word)).toBeUndefined();
    }
    expect(resolveToxicToken('x'.repeat(1000), 'x'.repeat(1000))).toBeUndefined();
  });
});
