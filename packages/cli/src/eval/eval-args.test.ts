import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.js';
import { parseEvalArgs } from './eval-args.js';

describe('parseEvalArgs', () => {
  it('reads every option', () => {
    const parsed = parseEvalArgs([
      '--task',
      'toxicity',
      '--data',
      'a.csv',
      '--data',
      'b.csv',
      '--format',
      'csv',
      '--text-column',
      'comment_text',
      '--label-column',
      'is_bad',
      '--positive',
      'True,yes',
      '--positive',
      '1',
      '--detector',
      'llm-guard-npm',
      '--threshold',
      '0.4',
      '--limit',
      '10',
      '--show-errors',
      '3',
      '--json',
    ]);
    expect(parsed.json).toBe(true);
    expect(parsed.options).toMatchObject({
      task: 'toxicity',
      data: ['a.csv', 'b.csv'],
      format: 'csv',
      textColumn: 'comment_text',
      labelColumn: 'is_bad',
      positive: ['True', 'yes', '1'],
      detector: 'llm-guard-npm',
      threshold: 0.4,
      limit: 10,
      keepErrors: 3,
    });
  });

  it('returns help without requiring other options', () => {
    expect(parseEvalArgs(['--help']).help).toBe(true);
    expect(parseEvalArgs(['-h']).options).toBeUndefined();
  });

  it('raises UsageError for missing or bad options', () => {
    expect(() => parseEvalArgs(['--data', 'a.csv'])).toThrow(/--task is required/);
    expect(() => parseEvalArgs(['--task', 'toxicity'])).toThrow(/--data/);
    expect(() => parseEvalArgs(['--task', 'spam', '--data', 'a'])).toThrow(UsageError);
    expect(() => parseEvalArgs(['--task', 'toxicity', '--data', 'a', '--format', 'xml'])).toThrow(/--format/);
    expect(() => parseEvalArgs(['--task', 'toxicity', '--data', 'a', '--detector', 'gpt'])).toThrow(/--detector/);
    expect(() => parseEvalArgs(['--task', 'toxicity', '--data', 'a', '--limit', '-1'])).toThrow(UsageError);
    expect(() => parseEvalArgs(['--task', 'toxicity', '--data', 'a', 'extra'])).toThrow(/Unexpected argument/);
  });

  it('reads --sweep thresholds and refuses bad ones', () => {
    expect(parseEvalArgs(['--task', 'toxicity', '--data', 'a', '--sweep', '0.3, 0.5,0.9']).options?.sweep).toEqual([0.3, 0.5, 0.9]);
    expect(() => parseEvalArgs(['--task', 'toxicity', '--data', 'a', '--sweep', '1.5'])).toThrow(/\[0, 1\]/);
    expect(() => parseEvalArgs(['--task', 'toxicity', '--data', 'a', '--sweep', ','])).toThrow(UsageError);
  });
});
