import { describe, expect, it } from 'vitest';
import { ukNinoRecognizer } from './uk-nino.js';
import { ssnValid, usSsnRecognizer } from './us-ssn.js';
import { uuidRecognizer } from './uuid.js';

const texts = (r: { detect(t: string): Array<{ start: number; end: number; score: number }> }, t: string) =>
  r.detect(t).map((d) => [t.slice(d.start, d.end), d.score]);

describe('US SSN, UK NINO and UUID recognisers', () => {
  it('finds delimited SSNs in issuable ranges and bare ones only with context', () => {
    expect(texts(usSsnRecognizer, 'id 536-90-4399, other 666-12-3456, 536 90 4399')).toEqual([
      ['536-90-4399', 0.85],
      ['536 90 4399', 0.85],
    ]);
    expect(texts(usSsnRecognizer, 'my SSN is 536904399')).toEqual([['536904399', 0.85]]);
    expect(texts(usSsnRecognizer, 'order 536904399')).toEqual([]);
    expect(ssnValid('000', '12', '3456')).toBe(false);
  });
  it('finds NINOs and refuses excluded prefixes', () => {
    expect(texts(ukNinoRecognizer, 'NI number AB123456C; GB123456A')).toEqual([['AB123456C', 0.95]]);
    expect(texts(ukNinoRecognizer, 'ref JG 10 37 59 A')).toEqual([['JG 10 37 59 A', 0.85]]);
  });
  it('finds UUIDs', () => {
    expect(texts(uuidRecognizer, 'id 123e4567-e89b-12d3-a456-426614174000.')).toEqual([['123e4567-e89b-12d3-a456-426614174000', 0.9]]);
  });
  it('is linear on 10 MB of repeated digits and letters', () => {
    expect(usSsnRecognizer.detect('1'.repeat(10_000_000))).toEqual([]);
    expect(ukNinoRecognizer.detect('AB'.repeat(5_000_000))).toEqual([]);
    expect(uuidRecognizer.detect('a-'.repeat(5_000_000))).toEqual([]);
  });
});
