import { describe, expect, it } from 'vitest';
import { dateOfBirthRecognizer } from './date-of-birth.js';
import { personNameRecognizer } from './person-name.js';
import { streetAddressRecognizer } from './street-address.js';

const found = (r: { detect(t: string): Array<{ start: number; end: number }> }, text: string) => r.detect(text).map((d) => text.slice(d.start, d.end));

describe('context recognisers', () => {
  it('reports dates of birth only after a birth word', () => {
    expect(found(dateOfBirthRecognizer, 'I was born on May 17, 1990. DOB: 1985-02-03. Meeting on 2024-01-05.')).toEqual(['May 17, 1990', '1985-02-03']);
  });
  it('finds street addresses with unit and city tail, and PO boxes', () => {
    expect(found(streetAddressRecognizer, 'Ship to 221B Baker Street, Apt 2, London. Or 742 Evergreen Terrace, Springfield, IL 62704 or PO Box 1234.')).toEqual([
      '221B Baker Street, Apt 2',
      '742 Evergreen Terrace, Springfield, IL 62704',
      'PO Box 1234',
      '221B Baker Street, Apt 2, London',
    ]);
  });
  it('takes the text after an address cue when it holds a number (international layouts)', () => {
    expect(found(streetAddressRecognizer, 'Kevin had given Alma his address: 5049 Harjukuja 54, SEINÄJOKI. Thanks')).toEqual(['5049 Harjukuja 54, SEINÄJOKI']);
    expect(found(streetAddressRecognizer, 'My address is unknown to me.')).toEqual([]);
  });
  it('finds names from the lexicon, honorifics and context', () => {
    expect(found(personNameRecognizer, 'My name is Zorblax Quint. Ask Dr. Watson or Maria Garcia; then james smith replied.')).toEqual([
      'Zorblax Quint',
      'Watson',
      'Maria Garcia',
      'james smith',
    ]);
    expect(found(personNameRecognizer, 'The quick brown fox jumps over the lazy dog in March.')).toEqual([]);
  });
  it('is linear on 1 MB of capitalised words, digits and nested brackets', () => {
    expect(found(personNameRecognizer, 'John '.repeat(200_000)).length).toBe(50_000);
    expect(found(streetAddressRecognizer, '1 Main '.repeat(150_000))).toEqual([]);
    expect(found(dateOfBirthRecognizer, 'born 1/1/'.repeat(100_000) + '[('.repeat(100_000))).toEqual([]);
  });
});
