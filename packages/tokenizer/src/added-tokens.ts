import { isWhitespace } from './unicode.js';

/** An `added_tokens` entry of `tokenizer.json`. */
export interface AddedTokenConfig {
  id: number;
  content: string;
  single_word?: boolean;
  lstrip?: boolean;
  rstrip?: boolean;
  normalized?: boolean;
  special?: boolean;
}

/** A piece of text: either an added token (`id` set) or plain text to tokenize. */
export interface TextPiece {
  start: number;
  end: number;
  id?: number;
}

const WORD_CHAR = /[\p{Alphabetic}\p{N}]/u;

/**
 * Finds added tokens in text, leftmost-longest, with `single_word`, `lstrip` and `rstrip` as Rust's
 * `AddedVocabulary` applies them (`lstrip`/`rstrip` make the token swallow the whitespace beside it).
 */
export class AddedTokenMatcher {
  private readonly byFirstChar = new Map<number, AddedTokenConfig[]>();
  /** 1 for each code unit that starts some token: most units are skipped without a map lookup. */
  private readonly firstUnits = new Uint8Array(0x10000);
  readonly size: number;

  constructor(tokens: readonly AddedTokenConfig[]) {
    for (const token of tokens) {
      if (token.content.length === 0) continue;
      const key = token.content.charCodeAt(0);
      this.firstUnits[key] = 1;
      const list = this.byFirstChar.get(key) ?? [];
      list.push(token);
      this.byFirstChar.set(key, list);
    }
    for (const list of this.byFirstChar.values()) list.sort((a, b) => b.content.length - a.content.length);
    this.size = tokens.length;
  }

  /** Splits `text[from, to)` into added tokens and the text between them. */
  split(text: string, from = 0, to = text.length): TextPiece[] {
    if (this.size === 0) return [{ start: from, end: to }];
    const pieces: TextPiece[] = [];
    let textStart = from;
    let i = from;
    const firstUnits = this.firstUnits;
    while (i < to) {
      if (firstUnits[text.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      const candidates = this.byFirstChar.get(text.charCodeAt(i));
      const token = candidates?.find(
        (t) => i + t.content.length <= to && text.startsWith(t.content, i) && (!t.single_word || this.isSingleWord(text, i, i + t.content.length, from, to)),
      );
      if (!token) {
        i++;
        continue;
      }
      let start = i;
      let end = i + token.content.length;
      if (token.lstrip) while (start > textStart && isWhitespace(text[start - 1] ?? '')) start--;
      if (token.rstrip) while (end < to && isWhitespace(text[end] ?? '')) end++;
      if (start > textStart) pieces.push({ start: textStart, end: start });
      pieces.push({ start, end, id: token.id });
      textStart = end;
      i = end;
    }
    if (textStart < to) pieces.push({ start: textStart, end: to });
    return pieces;
  }

  private isSingleWord(text: string, start: number, end: number, from: number, to: number): boolean {
    const before = start > from ? String.fromCodePoint(text.codePointAt(start - 1) ?? 0) : '';
    const after = end < to ? String.fromCodePoint(text.codePointAt(end) ?? 0) : '';
    return !WORD_CHAR.test(before) && !WORD_CHAR.test(after);
  }
}
