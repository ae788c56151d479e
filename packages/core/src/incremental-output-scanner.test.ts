import { describe, expect, it } from 'vitest';
import { InvalidConfigError } from './errors.js';
import { IncrementalOutputScanner } from './incremental-output-scanner.js';
import type { PipelineResult } from './pipeline.js';

function verdict(text: string, valid: boolean, sanitizedText = text): PipelineResult {
  return { valid, sanitizedText, riskScore: valid ? 0 : 1, runs: [], failedScanners: valid ? [] : ['Fake'], failedClosed: [], durationMs: 0, repairedSurrogates: 0 };
}

function recorder(isBad: (text: string) => boolean = () => false) {
  const seen: string[] = [];
  const scan = async (text: string) => {
    seen.push(text);
    return verdict(text, !isBad(text));
  };
  return { seen, scan };
}

describe('IncrementalOutputScanner', () => {
  it('releases whole sentences only after scanning them, with the previous text as context', async () => {
    const { seen, scan } = recorder();
    const scanner = new IncrementalOutputScanner(scan, { contextChars: 10 });
    expect((await scanner.push('Hello the')).release).toBe('');
    expect((await scanner.push('re. Pi is 3.14 ok')).release).toBe('Hello there. ');
    expect((await scanner.push('. End')).release).toBe('Pi is 3.14 ok. ');
    expect((await scanner.flush()).release).toBe('End');
    expect(seen).toEqual(['Hello there. ', 'lo there. Pi is 3.14 ok. ', ' 3.14 ok. End']);
  });

  it('stops at the sentence that fails and releases nothing after it', async () => {
    const { scan } = recorder((text) => text.includes('BAD'));
    const scanner = new IncrementalOutputScanner(scan, { contextChars: 0 });
    const step = await scanner.push('One. Two. BAD three. Four. ');
    expect(step.release).toBe('One. Two. ');
    expect(step.violation?.failedScanners).toEqual(['Fake']);
    expect(step.withheld).toBe('BAD three. Four. ');
    expect(scanner.stopped).toBe(true);
    expect((await scanner.push('more. ')).release).toBe('');
    expect((await scanner.flush()).release).toBe('');
  });

  it('cuts text without punctuation at a window boundary and keeps the scanned total linear', async () => {
    const { seen, scan } = recorder();
    const scanner = new IncrementalOutputScanner(scan, { contextChars: 20, maxHoldChars: 64 });
    const word = 'lorem ';
    let released = '';
    for (let index = 0; index < 2000; index++) released += (await scanner.push(word)).release;
    released += (await scanner.flush()).release;
    expect(released).toBe(word.repeat(2000));
    expect(Math.max(...seen.map((text) => text.length))).toBeLessThanOrEqual(64 + 20);
    const stats = scanner.stats;
    expect(stats.scannedChars).toBeLessThanOrEqual(word.length * 2000 + stats.scans * 20);
  });

  it('handles a 1 MB delta without a boundary and never splits a surrogate pair', async () => {
    const { seen, scan } = recorder();
    const scanner = new IncrementalOutputScanner(scan, { contextChars: 0, maxHoldChars: 1000 });
    const big = '😀'.repeat(500_000);
    const step = await scanner.push(big);
    const rest = await scanner.flush();
    expect(step.release + rest.release).toBe(big);
    for (const text of seen) expect(text.charCodeAt(text.length - 1) >= 0xdc00).toBe(true);
  });

  it('releases the sanitized segment (scanned alone) when a scanner changes the text', async () => {
    const scan = async (text: string) => verdict(text, true, text.replaceAll('[EMAIL_1]', 'a@b.io'));
    const scanner = new IncrementalOutputScanner(scan, { contextChars: 50 });
    const first = await scanner.push('Write to [EMAIL_1] now. Then ');
    const second = await scanner.push('reply to [EMAIL_1]. ');
    expect(first.release + second.release).toBe('Write to a@b.io now. Then reply to a@b.io. ');
  });

  it('refuses bad sizes with InvalidConfigError naming the option', () => {
    const { scan } = recorder();
    expect(() => new IncrementalOutputScanner(scan, { maxHoldChars: 2 })).toThrow(InvalidConfigError);
    try {
      new IncrementalOutputScanner(scan, { contextChars: -1 });
    } catch (error) {
      expect((error as InvalidConfigError).details['field']).toBe('contextChars');
    }
  });
});
