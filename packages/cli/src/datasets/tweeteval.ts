import { InvalidDatasetError } from '@llm-shield/core';
import type { RawExample } from './raw-example.js';

/** The two files of a TweetEval split and its optional label mapping. */
export interface TweetEvalPaths {
  /** `<split>_text.txt`: one tweet per line. */
  textPath: string;
  /** `<split>_labels.txt`: one label id per line, parallel to the texts. */
  labelsPath: string;
  /** `mapping.txt` beside them (`id<TAB>name` per line). */
  mappingPath: string;
}

/**
 * Given either file of a TweetEval pair (`test_text.txt` or `test_labels.txt`), returns both paths and the
 * mapping file's path. Returns `undefined` when the name does not follow the `<split>_text.txt` pattern.
 *
 * @param path - path to one file of the pair
 */
export function tweetEvalPaths(path: string): TweetEvalPaths | undefined {
  const match = /^(.*?)([^/\\]*)_(text|labels)\.txt$/.exec(path);
  if (!match) return undefined;
  const dir = match[1] ?? '';
  const split = match[2] ?? '';
  return { textPath: `${dir}${split}_text.txt`, labelsPath: `${dir}${split}_labels.txt`, mappingPath: `${dir}mapping.txt` };
}

/** Parses a TweetEval `mapping.txt` (`0<TAB>negative` per line) into id → name. */
export function parseTweetEvalMapping(text: string): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const line of splitLines(text)) {
    const [id, name] = line.split('\t');
    if (id !== undefined && name !== undefined && id.trim() !== '') mapping.set(id.trim(), name.trim());
  }
  return mapping;
}

/**
 * Pairs TweetEval texts with their labels line by line. Label ids are replaced by their names when a mapping
 * is given (`1` → `offensive`). Different line counts raise {@link InvalidDatasetError}.
 *
 * @param texts - content of `<split>_text.txt`
 * @param labels - content of `<split>_labels.txt`
 * @param source - the text file's name, for errors and origins
 * @param mapping - id → label name, from {@link parseTweetEvalMapping}
 */
export function parseTweetEval(texts: string, labels: string, source: string, mapping?: ReadonlyMap<string, string>): RawExample[] {
  const textLines = splitLines(texts);
  const labelLines = splitLines(labels);
  if (textLines.length !== labelLines.length) {
    throw new InvalidDatasetError(
      `${source}: ${textLines.length} texts but ${labelLines.length} labels; the two files of a TweetEval split must have one line each per tweet.`,
      { details: { source, texts: textLines.length, labels: labelLines.length } },
    );
  }
  return textLines.map((text, index) => {
    const id = labelLines[index]!.trim();
    return { text, label: mapping?.get(id) ?? id, origin: `${source}:${index + 1}` };
  });
}

/** Splits on LF/CRLF and drops one trailing empty line (files end with a newline). */
function splitLines(text: string): string[] {
  const lines = text.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}
