import { describe, expect, it } from 'vitest';
import { isGraphemeJoiner, joinedStretchEnd } from './grapheme-joiners.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const clusters = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

describe('grapheme joiners', () => {
  it('no code point outside the joiner set shares a cluster with a neighbour (every code point checked)', () => {
    const misses: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (isGraphemeJoiner(cp)) continue;
      const c = String.fromCodePoint(cp);
      // a × c (Extend, ZWJ, SpacingMark), c × a (Prepend), c × c (Hangul, regional indicators), CR × LF.
      if (clusters(`a${c}a`).length !== 3 || clusters(c + c).length !== 2 || clusters(`${c}\n`).length !== 2) misses.push(cp.toString(16));
      if (misses.length > 200) break;
    }
    expect(misses).toEqual([]);
  }, 120_000);

  it('stretches cover what may join and end where two non-joiners meet', () => {
    expect(joinedStretchEnd('abc', 0)).toBe(0);
    expect(joinedStretchEnd('ae\u0301x y', 1)).toBe(4); // e + acute + x
    expect(joinedStretchEnd('a\r\nb', 1)).toBe(3);
    expect(joinedStretchEnd('\u0301', 0)).toBe(1);
    expect(joinedStretchEnd('👍🏽 ok', 0)).toBe(5); // emoji + modifier + space
    expect(joinedStretchEnd('🇫🇷🇩🇪x', 0)).toBe(9);
    expect(joinedStretchEnd('a\ud800b', 1)).toBe(1); // a lone surrogate is a cluster by itself
  });

  it('segmenting the stretches alone gives the clusters of the whole text', () => {
    const texts = [
      'Ce\u0301line a\u0301 l\u2019e\u0301cole\r\n\u0928\u092e\u0938\u094d\u0924\u0947 \u0915\u094d\u0937',
      '👨‍👩‍👧‍👦 family 🇫🇷🇩🇪🇫 한국어 \u1100\u1161\u11a8 \u0600\u0661 \u0e01\u0e33 e\u0301\u0302\u0303',
      '\u0301\u0301a\u200d\u200db\ufe0f\ufe0f \r\r\n\n zw\u200c\u200dx \u{1f3fb}\u{1f3fb}',
    ];
    for (const text of texts) {
      const pieces: string[] = [];
      let i = 0;
      while (i < text.length) {
        const end = joinedStretchEnd(text, i);
        if (end === i) {
          const width = (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
          pieces.push(text.slice(i, i + width));
          i += width;
        } else {
          pieces.push(...clusters(text.slice(i, end)));
          i = end;
        }
      }
      expect(pieces).toEqual(clusters(text));
    }
  });
});
