import { countrySpecs, isValidIBAN } from 'ibantools';
import { isAsciiAlnum, isAsciiLetter, isDigit, isWordChar } from './char-classes.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

/**
 * IBANs (`IBAN_CODE`, score 1.0, reason `checksum`): a country code known to `ibantools`, two check digits and the
 * country's BBAN length, written compact or grouped by single spaces/hyphens, validated by `ibantools` (mod-97
 * checksum and the country's BBAN format). Lower-case input is accepted. Bounded work per candidate (≤ 34
 * characters), so linear. Misses: IBANs broken by other separators or line breaks.
 */
export const ibanRecognizer: PiiRecognizer = {
  id: 'iban',
  entityTypes: ['IBAN_CODE'],
  detect(text: string): PiiDetection[] {
    const out: PiiDetection[] = [];
    const n = text.length;
    for (let i = 0; i + 4 <= n; i++) {
      if (!isAsciiLetter(text.charCodeAt(i)) || !isAsciiLetter(text.charCodeAt(i + 1))) continue;
      if (!isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3)) || isWordChar(text, i - 1)) continue;
      const country = text.slice(i, i + 2).toUpperCase();
      const spec = (countrySpecs as Record<string, { chars?: number }>)[country];
      const length = spec?.chars;
      if (!length) continue;
      let compact = '';
      let j = i;
      let end = i;
      while (j < n && compact.length < length) {
        const c = text.charCodeAt(j);
        if (isAsciiAlnum(c)) {
          compact += text[j];
          j++;
          end = j;
        } else if ((c === 32 || c === 45) && j + 1 < n && isAsciiAlnum(text.charCodeAt(j + 1)) && compact.length > 0) {
          j++;
        } else break;
      }
      if (compact.length !== length || isWordChar(text, end)) continue;
      if (isValidIBAN(compact.toUpperCase())) {
        out.push({ entityType: 'IBAN_CODE', start: i, end, score: 1, reason: 'checksum', recognizer: 'iban' });
        i = end - 1;
      }
    }
    return out;
  },
};
