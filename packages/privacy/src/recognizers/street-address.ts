import { hasContext } from './context.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

const SUFFIX =
  '(?:Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Alley|Crescent|Cres|Close|Grove|Gardens|Row|Mews|Walk|Hill|Park|Loop|Run|Pike|Path|Plaza|Point|Ridge|View|Crossing|Expressway|Freeway|Heights|Meadows)';
const WORD = "[A-Z][A-Za-z'.-]{0,24}";
const UNIT = "(?:,?\\s(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|Room|Rm|#)\\.?\\s?#?[A-Za-z0-9-]{1,6})?";
const CITY_STATE_ZIP = `(?:,?\\s{1,3}${WORD}(?:\\s${WORD}){0,2},?\\s(?:[A-Z]{2}|${WORD})\\.?\\s\\d{5}(?:-\\d{4})?)?`;
const ADDRESS = new RegExp(
  `(?<![\\w-])\\d{1,6}[A-Za-z]?\\s(?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?\\s)?(?:${WORD}\\s){0,3}${SUFFIX}\\.?(?![A-Za-z])(?:\\s(?:N|S|E|W|NE|NW|SE|SW)\\.?(?![A-Za-z]))?${UNIT}${CITY_STATE_ZIP}`,
  'g',
);
const PO_BOX = /(?<![\w-])P\.?\s?O\.?\s?Box\s\d{1,6}/gi;
const CONTEXT = /\b(?:address|live[sd]?\s+(?:at|on)|living\s+at|located\s+at|ship(?:ping)?\s+to|deliver(?:y)?\s+to|mail(?:ing)?\s+to|resid(?:e|es|ing|ence))\b/i;

/**
 * Street addresses (`STREET_ADDRESS`, reason `pattern`, score 0.7; 0.85 with a context word such as `address`,
 * `live at`, `ship to` within 48 characters before): a house number, up to four capitalised street-name words and a
 * street suffix (`Street`, `Ave`, `Rd`, `Lane`, `Blvd`, …), with an optional unit (`Apt 4B`) and
 * `City, ST 12345` tail; and `PO Box 123`. Bounded quantifiers only (linear). Misses: addresses without a house
 * number or suffix (`Calle Mayor 5`), most non-US/UK layouts, lower-cased addresses.
 */
export const streetAddressRecognizer: PiiRecognizer = {
  id: 'street-address',
  entityTypes: ['STREET_ADDRESS'],
  detect(text: string): PiiDetection[] {
    const out: PiiDetection[] = [];
    for (const re of [ADDRESS, PO_BOX]) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const end = m.index + m[0].length;
        const context = hasContext(text, m.index, end, CONTEXT, 48);
        out.push({ entityType: 'STREET_ADDRESS', start: m.index, end, score: context ? 0.85 : 0.7, reason: context ? 'context' : 'pattern', recognizer: 'street-address' });
      }
    }
    return out;
  },
};
