import type { TextSpan } from '@llm-shield/core';
import { splitSentences } from '../sentence-splitter.js';
import type { ContentMatchType } from './content-options.js';

/**
 * The parts of `text` a content scanner judges one by one, as spans of `text` (UTF-16 code units): the whole text
 * (`full`) or each sentence (`sentence`), each part longer than `maxPart` code units cut into windows of at most
 * `maxPart` at the last white space before the limit (or at the limit when there is none; never inside a surrogate
 * pair). White-space-only parts are dropped. Linear in the text's length.
 */
export function textParts(text: string, matchType: ContentMatchType, maxPart: number): TextSpan[] {
  const ranges = matchType === 'sentence' ? splitSentences(text) : [{ start: 0, end: text.length }];
  const parts: TextSpan[] = [];
  for (const range of ranges) {
    let start = range.start;
    while (start < range.end) {
      let end = Math.min(range.end, start + maxPart);
      if (end < range.end) {
        let cut = end;
        const floor = start + Math.floor(maxPart / 2);
        while (cut > floor && !/\s/.test(text[cut - 1] ?? '')) cut--;
        end = cut > floor ? cut : end;
        const code = text.charCodeAt(end - 1);
        if (code >= 0xd800 && code <= 0xdbff && end - 1 > start) end--;
      }
      const slice = text.slice(start, end);
      if (slice.trim() !== '') parts.push({ start, end, text: slice });
      start = end;
    }
  }
  return parts;
}
