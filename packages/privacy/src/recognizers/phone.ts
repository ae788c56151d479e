import { findPhoneNumbersInText, type CountryCode } from 'libphonenumber-js';
import { detectChunked } from './chunked.js';
import { isDigit } from './char-classes.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

/** Regions whose national-format numbers are looked for (international `+` numbers are found for every region). */
export const DEFAULT_PHONE_REGIONS: readonly CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN'];

/**
 * Phone numbers (`PHONE_NUMBER`, reason `library`; score 0.9 for an international `+…` number, 0.75 for a national one; at least 7 digits), found and
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
      if (digits < 7) return [];
      return detectChunked(text, 16_384, 256, (chunk) => {
        const seen = new Map<number, PiiDetection>();
        for (const region of regions) {
          for (const m of findPhoneNumbersInText(chunk, region)) {
            const prev = seen.get(m.startsAt);
            if (prev && prev.end >= m.endsAt) continue;
            const raw = chunk.slice(m.startsAt, m.endsAt);
            if (raw.replace(/\D+/g, '').length < 7) continue;
            const international = raw.startsWith('+') || raw.startsWith('00');
            seen.set(m.startsAt, { entityType: 'PHONE_NUMBER', start: m.startsAt, end: m.endsAt, score: international ? 0.9 : 0.75, reason: 'library', recognizer: 'phone' });
          }
        }
        return [...seen.values()];
      });
    },
  };
}
