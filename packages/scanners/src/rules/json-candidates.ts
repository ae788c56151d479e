/**
 * Finds the JSON object candidates of a text as llm-guard does (its recursive regex `\{(?:[^{}]|(?R))*\}`): the
 * outermost balanced `{…}` spans, in order. Braces inside JSON strings (between quotes on one line) do not count.
 * One pass with a stack: linear in the text, also for 10 MB of unbalanced braces.
 *
 * @returns `[start, end)` UTF-16 offsets of each candidate
 */
export function findJsonCandidates(text: string): Array<[number, number]> {
  const open: number[] = [];
  const spans: Array<[number, number]> = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash escapes the next character
      else if (c === 0x22 || c === 0x0a) inString = false;
      continue;
    }
    if (c === 0x7b) open.push(i);
    else if (c === 0x7d) {
      const start = open.pop();
      if (start === undefined) continue;
      while (spans.length > 0 && spans[spans.length - 1]![0] > start) spans.pop();
      spans.push([start, i + 1]);
    } else if (c === 0x22 && open.length > 0) inString = true;
  }
  return spans;
}
