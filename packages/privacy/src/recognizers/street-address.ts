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
const LEAD_SCAN = /\b(?:address(?:\s+is)?|lives?\s+(?:at|on)|living\s+at|located\s+at|is\s+at|moved\s+to|ship(?:ping)?\s+to|deliver(?:y)?\s+to|send\s+(?:it\s+|a\s+new\s+one\s+)?to|mail(?:ing)?\s+(?:address|to))\s*:?\s{0,4}/gi;
const PO_BOX = /(?<![\w-])P\.?\s?O\.?\s?Box\s\d{1,6}/gi;
const CONTEXT_LEAD = /\b(?:address(?:\s+is)?|lives?\s+(?:at|on)|living\s+at|located\s+at|office\s+is\s+at|is\s+at|moved\s+to|ship(?:ping)?\s+to|deliver(?:y)?\s+to|send\s+(?:it|a\s+new\s+one)?\s*to|mail(?:ing)?\s+(?:address|to))\s*:?\s{0,4}$/i;
const CONTEXT = /\b(?:address|live[sd]?\s+(?:at|on)|living\s+at|located\s+at|ship(?:ping)?\s+to|deliver(?:y)?\s+to|mail(?:ing)?\s+to|resid(?:e|es|ing|ence))\b/i;

/**
 * Street addresses (`STREET_ADDRESS`, reason `pattern`, score 0.7; 0.85 with a context word such as `address`,
 * `live at`, `ship to` within 48 characters before): a house number, up to four capitalised street-name words and a
 * street suffix (`Street`, `Ave`, `Rd`, `Lane`, `Blvd`, …), with an optional unit (`Apt 4B`) and
 * `City, ST 12345` tail; and `PO Box 123`. Bounded quantifiers only (linear). Misses: addresses without a house
 * number or suffix (`Calle Mayor 5`) outside such context, lower-cased addresses. Context rule (score 0.6): after
 * `address:`, `lives at`, `office is at`, `ship to`…, the text to the end of the sentence or a blank line (≤ 120
 * characters) when it holds a digit and a word (international layouts, multi-line addresses).
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
    // context rule: after `address:` / `lives at` / `office is at`, the text up to the end of the sentence or a blank
    // line, when it holds a digit (house number or postcode) — catches international layouts the pattern misses
    LEAD_SCAN.lastIndex = 0;
    for (let m = LEAD_SCAN.exec(text); m; m = LEAD_SCAN.exec(text)) {
      const start = m.index + m[0].length;
      if (!CONTEXT_LEAD.test(text.slice(Math.max(0, m.index - 8), start))) continue;
      let end = start;
      const limit = Math.min(text.length, start + 120);
      while (end < limit) {
        const c = text[end] as string;
        if (c === '\n' && text[end + 1] === '\n') break;
        if ((c === '.' || c === '!' || c === '?' || c === ';') && (end + 1 >= text.length || /\s/.test(text[end + 1] as string)) && !/\b(?:Apt|St|Ave|Rd|Dr|No|u)$/.test(text.slice(Math.max(start, end - 4), end))) break;
        end++;
      }
      while (end > start && /[\s,]/.test(text[end - 1] as string)) end--;
      const candidate = text.slice(start, end);
      if (end - start < 6 || !/\d/.test(candidate) || !/\p{L}{3}/u.test(candidate) || /@|https?:|www\./.test(candidate)) continue;
      out.push({ entityType: 'STREET_ADDRESS', start, end, score: 0.6, reason: 'context', recognizer: 'street-address' });
    }
    return out;
  },
};
