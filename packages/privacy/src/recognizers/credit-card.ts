import { cardIssuer } from './card-issuers.js';
import { isDigit, isWordChar } from './char-classes.js';
import { luhnValid } from './luhn.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

/**
 * Payment card numbers (`CREDIT_CARD`, score 1.0, reason `checksum`): runs of 12–19 digits, optionally grouped by
 * single spaces or hyphens, that pass the Luhn check and fall in a network's IIN range and length
 * ({@link CARD_ISSUERS}). One left-to-right pass; longer digit runs are skipped whole. Misses: numbers split by
 * other separators (dots, slashes) and numbers of networks not listed.
 */
export const creditCardRecognizer: PiiRecognizer = {
  id: 'credit-card',
  entityTypes: ['CREDIT_CARD'],
  detect(text: string): PiiDetection[] {
    const out: PiiDetection[] = [];
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (!isDigit(text.charCodeAt(i)) || isWordChar(text, i - 1)) {
        i++;
        continue;
      }
      const start = i;
      let digits = '';
      let end = i;
      let sep = -1;
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (isDigit(c)) {
          digits += text[j];
          j++;
          end = j;
          if (digits.length > 19) break;
          continue;
        }
        if ((c === 32 || c === 45) && (sep === -1 || sep === c) && j + 1 < n && isDigit(text.charCodeAt(j + 1))) {
          sep = c;
          j++;
          continue;
        }
        break;
      }
      if (digits.length > 19) {
        // skip the rest of this digit run
        while (j < n && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === 32 || text.charCodeAt(j) === 45)) j++;
        i = j;
        continue;
      }
      if (digits.length >= 12 && !isWordChar(text, end) && luhnValid(digits) && cardIssuer(digits)) {
        out.push({ entityType: 'CREDIT_CARD', start, end, score: 1, reason: 'checksum', recognizer: 'credit-card' });
      }
      i = Math.max(end, i + 1);
    }
    return out;
  },
};
