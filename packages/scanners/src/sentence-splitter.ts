/** A sentence as a span of the input, UTF-16 code units, `start` inclusive, `end` exclusive. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** Characters that end a sentence when followed by white space or the end of the text. */
const TERMINATORS = new Set(['.', '!', '?', '…', '。', '！', '？', '‼', '⁇', '⁈', '⁉', '؟', '۔', '।', '॥']);
/** Characters that may follow a terminator and still belong to the sentence (closing quotes and brackets). */
const CLOSERS = new Set(['"', "'", ')', ']', '}', '»', '”', '’', '」', '』', '）']);

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000 ||
    code === 0x85 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f;
}

/**
 * Splits `text` into sentences in one linear pass: a sentence ends after a run of terminators (`.`, `!`, `?`, `…`,
 * CJK and other full stops) and any closing quotes or brackets, when white space or the end of the text follows;
 * a line break always ends one. Full-width terminators (`。`, `！`, `？`) end a sentence without a following
 * space. Spans exclude the surrounding white space; blank stretches give no sentence. Decimal numbers ("3.14") and
 * dotted names ("example.com") are not split since no space follows the dot; abbreviations ("Dr. Smith") are, which
 * only costs an extra part. Never throws.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const sentences: SentenceSpan[] = [];
  let start = -1;
  const close = (end: number) => {
    let e = end;
    while (e > start && isSpace(text.charCodeAt(e - 1))) e--;
    if (start >= 0 && e > start) sentences.push({ start, end: e });
    start = -1;
  };
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) {
      close(i);
      i++;
      continue;
    }
    if (start < 0) {
      if (isSpace(code)) {
        i++;
        continue;
      }
      start = i;
    }
    const char = text[i] ?? '';
    if (TERMINATORS.has(char)) {
      let j = i + 1;
      while (j < text.length && TERMINATORS.has(text[j] ?? '')) j++;
      while (j < text.length && CLOSERS.has(text[j] ?? '')) j++;
      const fullWidth = char === '。' || char === '！' || char === '？';
      if (j >= text.length || isSpace(text.charCodeAt(j)) || fullWidth) {
        close(j);
      }
      i = j;
      continue;
    }
    i++;
  }
  if (start >= 0) close(text.length);
  return sentences;
}
