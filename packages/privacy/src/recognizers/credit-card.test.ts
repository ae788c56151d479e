import { describe, expect, it } from 'vitest';
import { cardIssuer } from './card-issuers.js';
import { creditCardRecognizer } from './credit-card.js';
import { luhnValid } from './luhn.js';

const found = (text: string) => creditCardRecognizer.detect(text).map((d) => text.slice(d.start, d.end));

describe('creditCardRecognizer', () => {
  it('finds Luhn-valid numbers in issuer ranges, compact, spaced or hyphenated', () => {
    expect(found('visa 4111111111111111, amex 3782-822463-10005, mc 5555 5555 5555 4444.')).toEqual([
      '4111111111111111',
      '3782-822463-10005',
      '5555 5555 5555 4444',
    ]);
  });
  it('rejects a bad checksum, an unknown issuer range and digits inside longer runs', () => {
    expect(found('4111111111111112 and 1234567812345670 and 41111111111111110000000')).toEqual([]);
  });
  it('checks Luhn and issuers', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(cardIssuer('378282246310005')?.name).toBe('amex');
    expect(cardIssuer('2221000000000009')?.name).toBe('mastercard');
  });
  it('is linear on 10 MB of digits and of spaced digits', () => {
    expect(found('1'.repeat(10_000_000))).toEqual([]);
    expect(found('4 '.repeat(1_000_000))).toEqual([]);
    const text = 'x '.repeat(500_000) + '4111 1111 1111 1111';
    expect(found(text)).toEqual(['4111 1111 1111 1111']);
  });
});
