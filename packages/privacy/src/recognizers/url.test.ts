import { describe, expect, it } from 'vitest';
import { urlRecognizer } from './url.js';

const found = (text: string) => urlRecognizer.detect(text).map((d) => [text.slice(d.start, d.end), d.score]);

describe('urlRecognizer', () => {
  it('finds scheme URLs (0.9) and bare domains (0.6), not mail addresses', () => {
    expect(found('see https://example.com/a?b=1 and www.acme.org, mail me@acme.com')).toEqual([
      ['https://example.com/a?b=1', 0.95],
      ['www.acme.org', 0.6],
    ]);
  });
  it('is linear on 1 MB of nested brackets, dots and @', () => {
    expect(found('('.repeat(500_000) + 'https://a.io' + ')'.repeat(500_000)).map((f) => f[0])).toEqual(['https://a.io']);
    expect(found('.'.repeat(1_000_000))).toEqual([]);
    expect(found('@'.repeat(1_000_000))).toEqual([]);
  });
});
