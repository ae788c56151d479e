import { describe, expect, it } from 'vitest';
import { UsageError } from '../usage-error.js';
import { DEFAULT_INPUT_SCANNERS } from '@llm-shield/node';
import { parseScanArgs, parseThresholds, resolveScannerName } from './scan-args.js';

describe('parseScanArgs', () => {
  it('defaults to the input scanners PromptInjection and Toxicity, sequential', () => {
    const args = parseScanArgs(['hello', 'world']);
    expect(args.text).toBe('hello world');
    expect(args.scanners).toEqual([...DEFAULT_INPUT_SCANNERS]);
    expect(args).toMatchObject({ output: false, mode: 'sequential', failFast: false, json: false, file: undefined });
  });

  it('keeps an explicit empty text', () => {
    expect(parseScanArgs(['']).text).toBe('');
    expect(parseScanArgs([]).text).toBeUndefined();
  });

  it('reads scanners, thresholds, mode and flags', () => {
    const args = parseScanArgs([
      '--scanners',
      'prompt-injection, sentiment',
      '--threshold',
      'PromptInjection=0.7',
      '--threshold=Sentiment=-0.5',
      '--mode',
      'parallel',
      '--fail-fast',
      '--json',
      '--detection-mode',
      'ml',
      'text',
    ]);
    expect(args.scanners).toEqual(['PromptInjection', 'Sentiment']);
    expect([...args.thresholds]).toEqual([
      ['PromptInjection', 0.7],
      ['Sentiment', -0.5],
    ]);
    expect(args).toMatchObject({ mode: 'parallel', failFast: true, json: true, detectionMode: 'ml' });
  });

  it('uses output scanners with --output (default Toxicity) and takes --prompt', () => {
    const args = parseScanArgs(['--output', '--prompt', 'Say hi', 'Hi!']);
    expect(args).toMatchObject({ output: true, prompt: 'Say hi', scanners: ['Toxicity'], text: 'Hi!' });
    expect(() => parseScanArgs(['--output', '--scanners', 'PromptInjection', 'x'])).toThrow(/Unknown scanner/);
  });

  it('raises UsageError for unknown options, bad values and conflicting input', () => {
    expect(() => parseScanArgs(['--nope'])).toThrow(UsageError);
    expect(() => parseScanArgs(['--mode', 'random', 'x'])).toThrow(UsageError);
    expect(() => parseScanArgs(['--threshold', 'PromptInjection=high', 'x'])).toThrow(/expects a number/);
    expect(() => parseScanArgs(['--file', 'a.txt', 'text'])).toThrow(/not both/);
    expect(() => parseScanArgs(['--prompt', 'p', 'x'])).toThrow(/--output/);
    expect(() => parseScanArgs(['--max-length', '0', 'x'])).toThrow(/positive integer/);
  });
});

describe('parseThresholds', () => {
  it('applies a bare number to every selected scanner, later values winning', () => {
    const thresholds = parseThresholds(['0.3', 'toxicity=0.9'], ['PromptInjection', 'Toxicity']);
    expect(Object.fromEntries(thresholds)).toEqual({ PromptInjection: 0.3, Toxicity: 0.9 });
  });

  it('rejects a threshold for a scanner that is not selected', () => {
    expect(() => parseThresholds(['Sentiment=0.1'], ['PromptInjection'])).toThrow(/Unknown scanner/);
  });
});

describe('resolveScannerName', () => {
  it('ignores case and punctuation', () => {
    expect(resolveScannerName('PROMPT_injection', ['PromptInjection'])).toBe('PromptInjection');
  });
});
