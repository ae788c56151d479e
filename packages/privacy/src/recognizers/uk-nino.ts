import { hasContext } from './context.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

const NINO = /(?<![A-Za-z0-9])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g;
const CONTEXT = /\b(?:national\s+insurance|nino|ni\s+number|nin)\b/i;

/**
 * UK National Insurance numbers (`UK_NINO`): HMRC's format (two prefix letters from the allowed sets, not BG, GB,
 * NK, KN, TN, NT or ZZ; six digits; suffix A–D), compact or spaced (score 0.85, reason `pattern`; 0.95 with a
 * context word such as `national insurance`). The format carries no checksum. Misses: lower-case numbers.
 */
export const ukNinoRecognizer: PiiRecognizer = {
  id: 'uk-nino',
  entityTypes: ['UK_NINO'],
  detect(text: string): PiiDetection[] {
    const out: PiiDetection[] = [];
    NINO.lastIndex = 0;
    for (let m = NINO.exec(text); m; m = NINO.exec(text)) {
      const end = m.index + m[0].length;
      const context = hasContext(text, m.index, end, CONTEXT);
      out.push({ entityType: 'UK_NINO', start: m.index, end, score: context ? 0.95 : 0.85, reason: context ? 'context' : 'pattern', recognizer: 'uk-nino' });
    }
    return out;
  },
};
