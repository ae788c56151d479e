import { InvalidDatasetError } from '@llm-shield/core';
import type { RawExample } from './raw-example.js';

/** SST root label (0 very negative … 4 very positive) → three-class sentiment. */
export const SST_LABELS: Readonly<Record<string, 'negative' | 'neutral' | 'positive'>> = {
  '0': 'negative',
  '1': 'negative',
  '2': 'neutral',
  '3': 'positive',
  '4': 'positive',
};

const PTB_ESCAPES: Readonly<Record<string, string>> = { '-LRB-': '(', '-RRB-': ')', '-LSB-': '[', '-RSB-': ']', '-LCB-': '{', '-RCB-': '}' };

/**
 * Parses Stanford Sentiment Treebank PTB trees, one sentence per line: the root label (the line's second
 * character, 0–4) is mapped to negative/neutral/positive ({0,1} → negative, 2 → neutral, {3,4} → positive)
 * and the sentence is the leaves joined by spaces. A malformed line raises {@link InvalidDatasetError}.
 *
 * @param text - the whole `trees/<split>.txt`
 * @param source - file name for errors and origins
 */
export function parseSstTrees(text: string, source: string): RawExample[] {
  const examples: RawExample[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const label = SST_LABELS[line.charAt(1)];
    if (line.charAt(0) !== '(' || label === undefined) {
      throw new InvalidDatasetError(`${source}:${index + 1}: not an SST tree (expected "(<0-4> ...").`, {
        details: { source, line: index + 1 },
      });
    }
    const words: string[] = [];
    for (const match of line.matchAll(/\(\d ([^()\s]+)\)/g)) {
      const word = match[1]!;
      words.push(PTB_ESCAPES[word] ?? word);
    }
    examples.push({ text: words.join(' '), label, origin: `${source}:${index + 1}` });
  }
  return examples;
}
