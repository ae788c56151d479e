import { hasContext } from './context.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
const DATE = new RegExp(
  [
    '\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])',
    '(?:0?[1-9]|[12]\\d|3[01])[/.-](?:0?[1-9]|[12]\\d|3[01])[/.-](?:\\d{4}|\\d{2})',
    `${DAY}\\s(?:of\\s)?${MONTH}\\.?,?\\s\\d{4}`,
    `${MONTH}\\.?\\s${DAY},?\\s\\d{4}`,
  ]
    .map((p) => `(?:${p})`)
    .join('|'),
  'gi',
);
const CONTEXT = /\b(?:born|birth|dob|d\.o\.b\.?|birthday|bday|b-day|geboren|née|né le|nacid[oa])\b[^.\n]{0,40}$/i;

/**
 * Dates of birth (`DATE_OF_BIRTH`, score 0.85, reason `context`): a date (ISO `1990-05-17`, numeric `17/05/1990`,
 * `May 17, 1990`, `17th of May 1990`) preceded within 48 characters, in the same sentence, by a word such as
 * `born`, `birth`, `DOB`, `birthday`. Other dates are not PII and are not reported. Misses: dates of birth
 * without such a word, or after the date (`1990-05-17 is my birthday`).
 */
export const dateOfBirthRecognizer: PiiRecognizer = {
  id: 'date-of-birth',
  entityTypes: ['DATE_OF_BIRTH'],
  detect(text: string): PiiDetection[] {
    const out: PiiDetection[] = [];
    DATE.lastIndex = 0;
    for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (/[\p{L}\p{N}]/u.test(text[start - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(text[end] ?? ' ')) continue;
      if (!hasContext(text, start, end, CONTEXT, 48)) continue;
      out.push({ entityType: 'DATE_OF_BIRTH', start, end, score: 0.85, reason: 'context', recognizer: 'date-of-birth' });
    }
    return out;
  },
};
