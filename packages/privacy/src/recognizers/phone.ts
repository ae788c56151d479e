import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';
import { detectChunked } from './chunked.js';
import { isDigit } from './char-classes.js';
import { hasContext } from './context.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

const PHONE_CONTEXT = /(?:\b(?:phone|tel|telephone|mobile|cell|call|fax|whatsapp|sms|text\s+me|contact|ring|dial|messages?\s+to|answering\s+at|registered|reach\s+(?:me|us)\s+(?:at|on)|desk|office|telefone|celular|telefon|téléphone|teléfono|móvil|handy)\b|电话|電話|手机|手機|传真|傳真|联系|號碼|号码)/i;
const PHONE_CONTEXT_AFTER = /^[\s,:-]{0,3}(?:office|fax|mobile|cell|desk|home|work|tel|phone)\b/i;
/** A phone-shaped digit sequence: optional `+CC`, optional `(area)`, 2–4 digit groups, optional extension. */
const PHONE_SHAPE = /(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,12}(?:[\s.-]\d{2,5}){0,4}(?:\s?[xX]\.?\s?\d{1,5})?(?![\w])/g;

/** Seven digits with at most three separator characters between neighbours: any phone number has such a run. */
const PHONE_LIKE = /\d(?:[^\S\n]{0,2}[().\-/]?[^\S\n]{0,2}\d){6}/;

/** Regions whose national-format numbers are looked for (international `+` numbers are found for every region). */
export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN'];

/**
 * Phone numbers (`PHONE_NUMBER`, reason `library`; score 0.9 for an international `+…` number, 0.75 for a national number of the first region, 0.85
 * with a phone word such as `call`/`phone` within 48 characters before, 0.4 (below the default threshold) for another
 * region's national format without such a word; at least 7 digits), plus phone-shaped digit groups (7–15 digits)
 * that the library rejects when a phone word is within 32 characters before or right after (`office`, `fax`):
 * score 0.7, reason `context`, found and
 * validated by `libphonenumber-js` (Google's libphonenumber metadata): international `+…` numbers of any region and
 * national numbers of `regions` (default {@link DEFAULT_PHONE_REGIONS}). Texts with fewer than 7 digits are skipped;
 * long texts are read in 16 KiB chunks. Misses: numbers that fail validation (unassigned ranges, made-up
 * `555-1234` short forms) and national numbers of regions not listed.
 */
export function createPhoneRecognizer(regions: readonly CountryCode[] = DEFAULT_PHONE_REGIONS): PiiRecognizer {
  return {
    id: 'phone',
    entityTypes: ['PHONE_NUMBER'],
    detect(text: string): PiiDetection[] {
      let digits = 0;
      for (let i = 0; i < text.length && digits < 7; i++) if (isDigit(text.charCodeAt(i))) digits++;
      if (digits < 7 || !PHONE_LIKE.test(text)) return [];
      return detectChunked(text, 16_384, 256, (chunk) => {
        const seen = new Map<number, PiiDetection>();
        for (const region of regions) {
          for (const m of findPhoneNumbersInText(chunk, region)) {
            const prev = seen.get(m.startsAt);
            const raw = chunk.slice(m.startsAt, m.endsAt);
            if (raw.replace(/\D+/g, '').length < 7) continue;
            const international = raw.startsWith('+') || raw.startsWith('00');
            const context = hasContext(chunk, m.startsAt, m.endsAt, PHONE_CONTEXT, 48);
            // a national number of the first region is what most prompts carry; other regions' national formats
            // (short digit groups) collide with house numbers and ids, so they need a phone word nearby
            const score = international ? 0.9 : context ? 0.85 : region === regions[0] ? 0.75 : 0.4;
            const reason = context && !international ? 'context' : 'library';
            if (prev && prev.score >= score) continue;
            seen.set(m.startsAt, { entityType: 'PHONE_NUMBER', start: m.startsAt, end: m.endsAt, score, reason, recognizer: 'phone' });
          }
        }
        // lenient fallback: phone-shaped numbers that libphonenumber rejects (unassigned ranges, odd grouping) count
        // when a phone word is right around them
        PHONE_SHAPE.lastIndex = 0;
        for (let m = PHONE_SHAPE.exec(chunk); m; m = PHONE_SHAPE.exec(chunk)) {
          const start = m.index;
          const end = start + m[0].length;
          const digitCount = m[0].replace(/\D+/g, '').length;
          if (digitCount < 7 || digitCount > 15 || [...seen.values()].some((d) => d.start < end && start < d.end && d.score >= 0.5)) continue;
          if (!(hasContext(chunk, start, end, PHONE_CONTEXT, 32) || PHONE_CONTEXT_AFTER.test(chunk.slice(end, end + 16)))) continue;
          seen.set(start, { entityType: 'PHONE_NUMBER', start, end, score: 0.7, reason: 'context', recognizer: 'phone' });
        }
        return [...seen.values()];
      });
    },
  };
}
