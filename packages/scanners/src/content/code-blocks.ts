import type { TextSpan } from '@llm-shield/core';

/** Where a piece of code was found. */
export type CodeBlockKind = 'fenced' | 'inline' | 'unfenced';

/** A piece of code in a text. */
export interface CodeBlock {
  /** How it was delimited: a Markdown fence (``` or ~~~), an inline backtick span, or lines that read as code. */
  kind: CodeBlockKind;
  /** The code itself (without fences or backticks), as a span of the scanned text in UTF-16 code units. */
  span: TextSpan;
  /** The fence's info string (first word, lower case), e.g. `python`; absent when there is none. */
  hint?: string;
  /** How sure the detector is that this is code, in [0, 1]: 1 for a fenced block with content. */
  confidence: number;
}

/** Line scores below this do not count as code lines. */
const CODE_LINE_MIN = 1;
/** Spans and blocks kept per text; a 10 MB input gives a bounded result. */
export const MAX_CODE_BLOCKS = 1000;

const KEYWORD_START =
  /^\s*(?:def |class |import |from \S+ import |function\b|const |let |var |public |private |protected |static |return\b|#include|#define|package |func |fn |using |namespace |struct |enum |interface |impl |pub |async |await |elif |else\s*[:{]|except\b|try\s*[:{]|catch\s*\(|finally\s*[:{]|for\s*\(|while\s*\(|if\s*\(|switch\s*\(|do\s*\{|echo |printf\(|print\(|console\.\w+\(|System\.out\.|std::|SELECT\s.+\sFROM\s|INSERT\s+INTO\s|UPDATE\s+\S+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(?:TABLE|INDEX|VIEW|DATABASE)\s|DROP\s+(?:TABLE|DATABASE)\s|<\?php|<!DOCTYPE|<html|<div|<script|sudo |npm |pip |git |curl |wget |chmod |rm -|cd \S|ls -|\$ |>>> |@\w+\(|\w+ := )/;
const LINE_END = /(?:[;{}]|\)\s*:|\belse:|\btry:|\):\s*$)\s*$/;
const OPERATORS = /(?:=>|===?|!==?|&&|\|\||->|::|\+=|-=|\+\+|--\s*$|<\/\w+>|\/\/ |\/\*|\*\/|^\s*#\s*\w+.*$)/;
const CALL = /\b[A-Za-z_$][\w$]*\([^()]{0,200}\)/;
const ASSIGN = /^\s*[A-Za-z_$][\w$.[\]'"]*\s*=\s*\S/;
const WORDS = /[A-Za-z\u00C0-\uFFFF]+/g;
const SYMBOLS = /[{}()[\];=<>$_|&*\\]/g;

/**
 * How much one line reads as code rather than prose: keywords that start statements, statement endings (`;`, `{`,
 * `}`), operators, calls, assignments and symbol density add up; long lines of plain words ending like a sentence
 * count nothing. Lines over 2,000 characters are judged by their first 2,000. Linear in the line's length.
 */
export function codeLineScore(line: string): number {
  const text = line.length > 2000 ? line.slice(0, 2000) : line;
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  let score = 0;
  if (KEYWORD_START.test(text)) score += 1.5;
  if (LINE_END.test(trimmed)) score += 1;
  if (OPERATORS.test(trimmed)) score += 1;
  if (CALL.test(trimmed)) score += 0.5;
  if (ASSIGN.test(text)) score += 1;
  const symbols = trimmed.match(SYMBOLS)?.length ?? 0;
  if (symbols / trimmed.length > 0.08) score += 0.5;
  const words = trimmed.match(WORDS)?.length ?? 0;
  // A sentence: many words, few symbols, sentence punctuation at the end.
  if (words >= 6 && symbols <= 2 && /[.?!:,]["')\]]?$|\w$/.test(trimmed) && !KEYWORD_START.test(text)) return 0;
  if (/^\s*(?:[-*•]|\d+[.)])\s+[A-Z]/.test(text) && symbols <= 2) return 0;
  return score;
}

function confidenceFromScore(total: number): number {
  return 1 - Math.exp(-total);
}

interface Line {
  start: number;
  end: number;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 0x0a) {
      let end = i;
      if (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
      out.push({ start, end });
      start = i + 1;
    }
  }
  return out;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const INLINE = /`([^`\n]{1,500})`/g;

/**
 * Finds the code in `text`, in one pass over its lines:
 * - **fenced**: Markdown blocks between ``` or ~~~ fences (an unclosed fence runs to the end), confidence 1;
 * - **inline**: `backtick` spans outside fences whose content reads as code ({@link codeLineScore} ≥ 1);
 * - **unfenced**: runs of lines that read as code (each scoring ≥ 1, blank lines and deeper-indented lines inside
 *   a run kept), with a confidence of `1 - exp(-sum of line scores)`.
 * At most {@link MAX_CODE_BLOCKS} blocks, in text order. Linear in the text's length.
 */
export function findCodeBlocks(text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  const all = lines(text);
  let run: { start: number; end: number; total: number; lines: number } | undefined;
  const flushRun = () => {
    if (run && (run.lines >= 2 || run.total >= 2.5)) {
      const slice = text.slice(run.start, run.end);
      blocks.push({ kind: 'unfenced', span: { start: run.start, end: run.end, text: slice }, confidence: confidenceFromScore(run.total) });
    }
    run = undefined;
  };
  let i = 0;
  while (i < all.length && blocks.length < MAX_CODE_BLOCKS) {
    const line = all[i]!;
    const content = text.slice(line.start, line.end);
    const fence = FENCE.exec(content);
    if (fence) {
      flushRun();
      const marker = fence[1]!;
      const hint = fence[2] ? fence[2].toLowerCase() : undefined;
      let j = i + 1;
      while (j < all.length) {
        const candidate = text.slice(all[j]!.start, all[j]!.end);
        if (candidate.trimStart().startsWith(marker) && candidate.trim().replace(/[`~]/g, '') === '' && candidate.trim().length >= marker.length) break;
        j++;
      }
      const start = all[i + 1]?.start ?? line.end;
      const end = j < all.length ? Math.max(start, all[j]!.start - 1) : text.length;
      const code = text.slice(start, Math.max(start, end));
      if (code.trim() !== '') {
        const block: CodeBlock = { kind: 'fenced', span: { start, end: Math.max(start, end), text: code }, confidence: 1 };
        if (hint) block.hint = hint;
        blocks.push(block);
      }
      i = j + 1;
      continue;
    }
    const score = codeLineScore(content);
    const blank = content.trim() === '';
    const indented = /^\s+\S/.test(content);
    if (score >= CODE_LINE_MIN || (run && (blank || indented))) {
      if (!blank) {
        if (run) {
          run.end = line.end;
          run.total += score;
          if (score >= CODE_LINE_MIN) run.lines++;
        } else {
          run = { start: line.start + (content.length - content.trimStart().length), end: line.end, total: score, lines: 1 };
        }
      }
    } else {
      flushRun();
      INLINE.lastIndex = 0;
      for (let m = INLINE.exec(content); m !== null && blocks.length < MAX_CODE_BLOCKS; m = INLINE.exec(content)) {
        const inner = m[1]!;
        const innerScore = codeLineScore(inner) + (/[(){}[\];=<>$/.]/.test(inner) ? 0.5 : 0);
        if (innerScore >= CODE_LINE_MIN) {
          const start = line.start + m.index + 1;
          blocks.push({ kind: 'inline', span: { start, end: start + inner.length, text: inner }, confidence: confidenceFromScore(innerScore) });
        }
      }
    }
    i++;
  }
  flushRun();
  return blocks.slice(0, MAX_CODE_BLOCKS);
}
