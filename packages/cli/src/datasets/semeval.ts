import { InvalidDatasetError } from '@llm-shield/core';
import { parseTsvNoQuotes } from './tsv.js';
import type { RawExample } from './raw-example.js';

/**
 * Parses SemEval-2017 Task 4 TSV (`tweet_id<TAB>label<TAB>text`, no header, no quote processing). Tabs after
 * the text (some lines end with one) are dropped; tabs inside it are kept. A line with fewer than three fields
 * (e.g. the gold file that holds only ids and labels) raises {@link InvalidDatasetError}.
 *
 * @param text - the whole file
 * @param source - file name for errors and origins
 */
export function parseSemEval(text: string, source: string): RawExample[] {
  return parseTsvNoQuotes(text).map((record) => {
    const [, label, ...rest] = record.fields;
    if (label === undefined || rest.length === 0) {
      throw new InvalidDatasetError(`${source}:${record.line}: expected "id<TAB>label<TAB>text".`, {
        details: { source, line: record.line },
      });
    }
    return { text: rest.join('\t').replace(/\t+$/, ''), label: label.trim(), origin: `${source}:${record.line}` };
  });
}
