import { hasContext } from './context.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

const DELIMITED = /(?<![\d-])(\d{3})([- .])(\d{2})\2(\d{4})(?![\d-]|\.\d)/g;
const BARE = /(?<![\d-])\d{9}(?![\d-])/g;
const CONTEXT = /\b(?:ssn|ssns|social\s+security|social\s+sec|ss#|ss\s+number|taxpayer)\b/i;

/** True when area, group and serial are in the ranges the SSA issues (no 000/666/9xx area, 00 group, 0000 serial). */
export function ssnValid(area: string, group: string, serial: string): boolean {
  if (area === '000' || area === '666' || area.startsWith('9')) return false;
  if (group === '00' || serial === '0000') return false;
  const all = area + group + serial;
  if (/^(\d)\1{8}$/.test(all) || all === '123456789' || all === '078051120' || all === '219099999') return false;
  return true;
}

/**
 * US Social Security numbers (`US_SSN`): `123-45-6789` with one consistent separator (`-`, space or dot) in
 * SSA-issuable ranges (score 0.85, reason `pattern`; 0.95 with a context word like `SSN` within 48 characters
 * before), and bare 9-digit numbers only with such a context word (0.85, reason `context`). Misses: bare numbers
 * without context (too many false positives), numbers with mixed separators.
 */
export const usSsnRecognizer: PiiRecognizer = {
  id: 'us-ssn',
  entityTypes: ['US_SSN'],
  detect(text: string): PiiDetection[] {
    const out: PiiDetection[] = [];
    DELIMITED.lastIndex = 0;
    for (let m = DELIMITED.exec(text); m; m = DELIMITED.exec(text)) {
      if (!ssnValid(m[1] as string, m[3] as string, m[4] as string)) continue;
      const end = m.index + m[0].length;
      const context = hasContext(text, m.index, end, CONTEXT);
      out.push({ entityType: 'US_SSN', start: m.index, end, score: context ? 0.95 : 0.85, reason: context ? 'context' : 'pattern', recognizer: 'us-ssn' });
    }
    BARE.lastIndex = 0;
    for (let m = BARE.exec(text); m; m = BARE.exec(text)) {
      const v = m[0];
      if (!ssnValid(v.slice(0, 3), v.slice(3, 5), v.slice(5))) continue;
      const end = m.index + 9;
      if (!hasContext(text, m.index, end, CONTEXT)) continue;
      out.push({ entityType: 'US_SSN', start: m.index, end, score: 0.85, reason: 'context', recognizer: 'us-ssn' });
    }
    return out;
  },
};
