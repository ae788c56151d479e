import { describe, expect, it } from 'vitest';
import { ibanRecognizer } from './iban.js';

const found = (text: string) => ibanRecognizer.detect(text).map((d) => text.slice(d.start, d.end));

describe('ibanRecognizer', () => {
  it('finds checksum-valid IBANs compact, grouped and lower-case', () => {
    expect(found('Pay DE89370400440532013000 or GB82 WEST 1234 5698 7654 32 or fr1420041010050500013m02606.')).toEqual([
      'DE89370400440532013000',
      'GB82 WEST 1234 5698 7654 32',
      'fr1420041010050500013m02606',
    ]);
  });
  it('rejects a wrong check digit and a wrong length', () => {
    expect(found('DE89370400440532013001 DE8937040044053201300')).toEqual([]);
  });
  it('is linear on 10 MB of country-code-like text', () => {
    expect(found('DE00'.repeat(2_500_000))).toEqual([]);
    expect(found('DE89 '.repeat(200_000))).toEqual([]);
  });
});
