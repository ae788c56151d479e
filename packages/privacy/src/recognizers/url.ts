import { LinkifyIt } from 'linkify-it';
import { detectChunked } from './chunked.js';
import type { PiiDetection, PiiRecognizer } from './types.js';

let linkify: LinkifyIt | undefined;
/** Cheap pre-check: a scheme, `www.` or a dot between an alphanumeric and two letters (a possible TLD). */
const URL_HINT = /:\/\/|\bwww\.|[a-z0-9]\.[a-z]{2}/i;

function instance(): LinkifyIt {
  linkify ??= new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: false });
  return linkify;
}

/**
 * URLs (`URL`) found by `linkify-it` (markdown-it's link finder): links with a scheme (`https://`, `ftp://`, `//`)
 * score 0.95 (so a URL wins over the IP address inside it), bare host names with a known top-level domain (`acme.com/x`) score 0.6 (reason `library`); `mailto:`
 * links are left to the email recogniser. Long texts are read in 16 KiB chunks. Misses: hosts with TLDs linkify-it
 * does not list in fuzzy mode, URLs broken by spaces.
 */
export const urlRecognizer: PiiRecognizer = {
  id: 'url',
  entityTypes: ['URL'],
  detect(text: string): PiiDetection[] {
    if (!text.includes('.') && !text.includes('//')) return [];
    return detectChunked(text, 16_384, 2_048, (chunk) => {
      if (!URL_HINT.test(chunk)) return [];
      const matches = instance().match(chunk) ?? [];
      const out: PiiDetection[] = [];
      for (const m of matches) {
        if (m.schema === 'mailto:') continue;
        const fuzzy = m.schema === '';
        out.push({ entityType: 'URL', start: m.index, end: m.lastIndex, score: fuzzy ? 0.6 : 0.95, reason: 'library', recognizer: 'url' });
      }
      return out;
    });
  },
};
