import { InvalidDatasetError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { parseTsvNoQuotes } from './tsv.js';

describe('parseCsv', () => {
  it('reads quoted fields holding delimiters, escaped quotes and line breaks', () => {
    const text = 'prompt,type\n"Hello, ""world""",benign\n"line one\nline two\r\nline three",jailbreak\nplain,benign\n';
    const records = parseCsv(text);
    expect(records.map((r) => r.fields)).toEqual([
      ['prompt', 'type'],
      ['Hello, "world"', 'benign'],
      ['line one\nline two\r\nline three', 'jailbreak'],
      ['plain', 'benign'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 6]);
  });

  it('handles CRLF, a BOM, empty fields, a missing final newline and blank lines', () => {
    const records = parseCsv('\uFEFFa,b,c\r\n1,,3\r\n\r\n,x,\r\nlast,"",end');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['', 'x', ''],
      ['last', '', 'end'],
    ]);
  });

  it('supports another delimiter', () => {
    expect(parseCsv('a;b\n"x;y";z', { delimiter: ';' }).map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x;y', 'z'],
    ]);
  });

  it('raises InvalidDatasetError with the line of an unterminated quote', () => {
    const error = (() => {
      try {
        parseCsv('a,b\n1,2\n"open,3\nmore', { source: 'f.csv' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(InvalidDatasetError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain('f.csv:3');
  });

  it('is linear: a 2 MB field with many quotes parses quickly', () => {
    const big = `"${'ab""'.repeat(500_000)}",1\n`;
    const records = parseCsv(`text,label\n${big}`);
    expect(records[1]!.fields[0]!.length).toBe(1_500_000);
  });
});

describe('parseTsvNoQuotes', () => {
  it('keeps quotes literally and keeps trailing empty fields', () => {
    const records = parseTsvNoQuotes('1\tpositive\t"quoted" text\t\n2\tnegative\tplain\r\n\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['1', 'positive', '"quoted" text', ''],
      ['2', 'negative', 'plain'],
    ]);
  });
});
