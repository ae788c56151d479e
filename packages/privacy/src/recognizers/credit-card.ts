import { cardIssuer } from './card-issuers.js';
import { isDigit, isWordChar } from './char-classes.js';
import { hasContext } from './context.js';
import { luhnValid } from './luhn.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

const CARD_CONTEXT = /\b(?:card|credit|debit|visa|mastercard|amex|cc|pan)\b/i;

/**
 * Payment card numbers (`CREDIT_CARD`, score 1.0, reason `checksum`): runs of 12–19 digits, optionally grouped by
 * single spaces or hyphens, that pass the Luhn check and fall in a network's IIN range and length
 * ({@link CARD_ISSUERS}); Luhn-valid 13–19 digit numbers outside the listed ranges count (score 0.8, reason
 * `context`) when a word such as `card` or `credit` is within 48 characters before. One left-to-right pass; longer digit runs are skipped whole. Misses: numbers split by
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
      if (digits.length >= 12 && !isWordChar(text, end) && luhnValid(digits)) {
        if (cardIssuer(digits)) out.push({ entityType: 'CREDIT_CARD', start, end, score: 1, reason: 'checksum', recognizer: 'credit-card' });
        else if (digits.length >= 13 && hasContext(text, start, end, CARD_CONTEXT, 48)) {
          out.push({ entityType: 'CREDIT_CARD', start, end, score: 0.8, reason: 'context', recognizer: 'credit-card' });
        }
      }
      i = Math.max(end, i + 1);
    }
    return out;
  },
};
