import { InvalidDatasetError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { detectDatasetFormat } from './dataset-format.js';
import { parseJsonArray, parseJsonl } from './jsonl.js';
import { examplesFromObjects } from './object-rows.js';
import { parseSemEval } from './semeval.js';
import { parseSstTrees } from './sst-trees.js';
import { parseTweetEval, parseTweetEvalMapping, tweetEvalPaths } from './tweeteval.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('TweetEval pairs', () => {
  it('finds the sibling files from either one', () => {
    expect(tweetEvalPaths('/d/offensive/test_text.txt')).toEqual({
      textPath: '/d/offensive/test_text.txt',
      labelsPath: '/d/offensive/test_labels.txt',
      mappingPath: '/d/offensive/mapping.txt',
    });
    expect(tweetEvalPaths('val_labels.txt')?.textPath).toBe('val_text.txt');
    expect(tweetEvalPaths('data.txt')).toBeUndefined();
  });

  it('pairs lines and names labels through mapping.txt', () => {
    const mapping = parseTweetEvalMapping('0\tnot-offensive\n1\toffensive\n');
    const examples = parseTweetEval('first tweet\nsecond tweet\n', '1\n0\n', 'test_text.txt', mapping);
    expect(examples).toEqual([
      { text: 'first tweet', label: 'offensive', origin: 'test_text.txt:1' },
      { text: 'second tweet', label: 'not-offensive', origin: 'test_text.txt:2' },
    ]);
  });

  it('raises InvalidDatasetError when the line counts differ', () => {
    const error = thrown(() => parseTweetEval('a\nb\nc\n', '0\n1\n', 'test_text.txt'));
    expect(InvalidDatasetError.isInstance(error)).toBe(true);
    expect((error as InvalidDatasetError).code).toBe('LLMS_INVALID_DATASET');
    expect((error as Error).message).toMatch(/3 texts but 2 labels/);
  });
});

describe('SST trees', () => {
  it('takes the root label and the leaves', () => {
    const text = '(3 (2 It) (4 (4 (2 \'s) (4 great)) (2 -LRB-really-RRB-)))\n(0 (1 awful) (2 film))\n(2 (2 A) (2 film))\n(4 (4 Superb))\n(1 (1 dull))\n';
    const examples = parseSstTrees(text, 'test.txt');
    expect(examples.map((e) => e.label)).toEqual(['positive', 'negative', 'neutral', 'positive', 'negative']);
    expect(examples[0]!.text).toBe("It 's great -LRB-really-RRB-");
    expect(examples[1]!.text).toBe('awful film');
  });

  it('maps PTB bracket escapes', () => {
    expect(parseSstTrees('(2 (2 -LRB-) (2 x) (2 -RRB-))', 't')[0]!.text).toBe('( x )');
  });

  it('rejects a malformed line with its number', () => {
    const error = thrown(() => parseSstTrees('(2 (2 ok))\nnot a tree\n', 'test.txt'));
    expect(InvalidDatasetError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('test.txt:2');
  });
});

describe('SemEval TSV', () => {
  it('reads id, label and text without quote processing, dropping trailing tabs', () => {
    const examples = parseSemEval('1\tpositive\t"Great" day\t\n2\tnegative\tbad\tday\n3\tneutral\tok\n', 'gold.txt');
    expect(examples.map((e) => [e.label, e.text])).toEqual([
      ['positive', '"Great" day'],
      ['negative', 'bad\tday'],
      ['neutral', 'ok'],
    ]);
  });

  it('rejects a file without a text column', () => {
    expect(InvalidDatasetError.isInstance(thrown(() => parseSemEval('1\tpositive\n', 'gold.txt')))).toBe(true);
  });
});

describe('JSONL and JSON arrays', () => {
  it('reads fields, auto-detecting text and label', () => {
    const rows = parseJsonl('{"text":"a","label":1}\n\n{"text":"b","label":0}\n', 'x.jsonl');
    expect(examplesFromObjects(rows, 'x.jsonl', {})).toEqual([
      { text: 'a', label: '1', origin: 'x.jsonl:1' },
      { text: 'b', label: '0', origin: 'x.jsonl:3' },
    ]);
  });

  it('raises InvalidDatasetError with the line number of a bad line', () => {
    const error = thrown(() => parseJsonl('{"text":"a"}\n{"text": oops}\n', 'bad.jsonl'));
    expect(InvalidDatasetError.isInstance(error)).toBe(true);
    expect((error as InvalidDatasetError).details.line).toBe(2);
    expect((error as Error).message).toContain('bad.jsonl:2');
  });

  it('reads a JSON array with a chosen text field and no label', () => {
    const rows = parseJsonArray('[{"instruction":"Write a poem","output":"..."}]', 'outputs.json');
    expect(examplesFromObjects(rows, 'outputs.json', { textColumn: 'instruction' })).toEqual([
      { text: 'Write a poem', label: undefined, origin: 'outputs.json#0' },
    ]);
  });

  it('rejects a non-string text field and a missing text field', () => {
    expect(InvalidDatasetError.isInstance(thrown(() => examplesFromObjects(parseJsonl('{"text":3}', 'x'), 'x', {})))).toBe(true);
    expect(InvalidDatasetError.isInstance(thrown(() => examplesFromObjects(parseJsonl('{"body":"a"}', 'x'), 'x', {})))).toBe(true);
  });
});

describe('detectDatasetFormat', () => {
  it('uses the extension and, for .txt/.tsv, the first line', () => {
    expect(detectDatasetFormat('a/b.parquet')).toBe('parquet');
    expect(detectDatasetFormat('a/b.jsonl')).toBe('jsonl');
    expect(detectDatasetFormat('a/outputs.json')).toBe('json');
    expect(detectDatasetFormat('a/b.csv')).toBe('csv');
    expect(detectDatasetFormat('a/test_text.txt')).toBe('tweeteval');
    expect(detectDatasetFormat('trees/test.txt', '(3 (2 a) (3 b))')).toBe('sst');
    expect(detectDatasetFormat('gold.txt', '8019\tneutral\t#x')).toBe('semeval');
    expect(detectDatasetFormat('twitter-2013train-A.tsv', '2640\tnegative\tx')).toBe('semeval');
    expect(detectDatasetFormat('SST-2/dev.tsv', 'sentence\tlabel')).toBe('tsv');
    expect(detectDatasetFormat('notes.txt', 'hello')).toBeUndefined();
  });
});
