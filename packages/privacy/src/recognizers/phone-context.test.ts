import { describe, expect, it } from 'vitest';
import { analyzePii } from './analyzer.js';
import { createPhoneRecognizer } from './phone.js';

const phone = createPhoneRecognizer();
const found = (text: string) => phone.detect(text).filter((d) => d.score >= 0.5).map((d) => text.slice(d.start, d.end));

describe('phone recognizer context rules', () => {
  it('accepts phone-shaped numbers the library rejects only next to a phone word', () => {
    expect(found("They're not answering at 0680 298 70 63")).toEqual(['0680 298 70 63']);
    expect(found('21 253 109 8211-Office')).toEqual(['21 253 109 8211']);
    expect(analyzePii('我的电话号是(21) 996205563.').map((e) => [e.entityType, e.text])).toEqual([['PHONE_NUMBER', '(21) 996205563']]);
    expect(found('account number 12345678 and order 0680 298 70 63')).toEqual([]);
  });
  it('needs a phone word for another region’s national format', () => {
    expect(found('The restaurant is at 17151 2450 Crown St')).toEqual([]);
  });
});
