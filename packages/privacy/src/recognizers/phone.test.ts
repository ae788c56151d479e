import { describe, expect, it } from 'vitest';
import { createPhoneRecognizer } from './phone.js';

const phone = createPhoneRecognizer();
const found = (text: string) => phone.detect(text).map((d) => text.slice(d.start, d.end));

describe('phone recognizer', () => {
  it('finds international and national numbers that libphonenumber validates', () => {
    expect(found('Call +1 415 555 0100 or (650) 253-0000, London +44 20 7946 0958.')).toEqual([
      '+1 415 555 0100',
      '(650) 253-0000',
      '+44 20 7946 0958',
    ]);
  });
  it('scores international numbers above national ones and skips short digit runs', () => {
    const [intl, national] = phone.detect('+1 415 555 0100 and (650) 253-0000');
    expect(intl?.score).toBeGreaterThan(national?.score ?? 1);
    expect(found('room 1990, year 2024')).toEqual([]);
  });
  it('finds a number at the end of a 1 MB text and nothing in 10 MB of digits', () => {
    expect(found('word '.repeat(200_000) + '+44 20 7946 0958')).toEqual(['+44 20 7946 0958']);
    expect(found('7'.repeat(10_000_000))).toEqual([]);
  });
});
