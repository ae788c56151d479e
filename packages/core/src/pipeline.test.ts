import { describe, expect, it } from 'vitest';
import { ErrorCode, InputTooLargeError, InvalidConfigError, InvalidInputError, LlmShieldError, ScannerFailedError } from './errors.js';
import { scanOutput, scanPrompt } from './pipeline.js';
import { createScanResult } from './result.js';
import type { InputScannerV1, OutputScannerV1, ScanContextV1 } from './scanner.js';

/** A scanner that flags texts containing `word` and can rewrite or delay. */
function wordScanner(
  name: string,
  word: string,
  options: { replaceWith?: string; delayMs?: number; onScan?: (text: string, context: ScanContextV1) => void } = {},
): InputScannerV1 {
  return {
    specificationVersion: 'v1',
    kind: 'input',
    name,
    async scan(prompt, context) {
      options.onScan?.(prompt, context);
      if (options.delayMs) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, options.delayMs);
          context.signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new Error('aborted'));
          });
        });
      }
      const hit = prompt.includes(word);
      const sanitizedText = options.replaceWith !== undefined ? prompt.split(word).join(options.replaceWith) : prompt;
      return createScanResult({ score: hit ? 1 : 0, threshold: 0.5, method: 'heuristic', sanitizedText });
    },
  };
}

describe('scanPrompt', () => {
  it('chains sanitized text in sequential mode, like llm-guard', async () => {
    const seen: string[] = [];
    const result = await scanPrompt(
      [wordScanner('Redact', 'secret', { replaceWith: '[REDACTED]' }), wordScanner('Seen', 'zzz', { onScan: (text) => seen.push(text) })],
      'my secret is here',
    );
    expect(seen).toEqual(['my [REDACTED] is here']);
    expect(result.sanitizedText).toBe('my [REDACTED] is here');
    expect(result.valid).toBe(false);
    expect(result.failedScanners).toEqual(['Redact']);
  });

  it('keeps both results when two scanners share a name', async () => {
    const result = await scanPrompt([wordScanner('Word', 'a'), wordScanner('Word', 'b')], 'b only');
    expect(result.runs.map((run) => run.id)).toEqual(['Word', 'Word#2']);
    const [first, second] = result.runs;
    expect(first?.status === 'completed' && first.result.valid).toBe(true);
    expect(second?.status === 'completed' && second.result.valid).toBe(false);
    expect(result.failedScanners).toEqual(['Word#2']);
  });

  it('stops at the first invalid result with failFast in sequential mode', async () => {
    let thirdRan = false;
    const result = await scanPrompt(
      [wordScanner('A', 'x'), wordScanner('B', 'bad'), wordScanner('C', 'x', { onScan: () => (thirdRan = true) })],
      'bad input',
      { failFast: true },
    );
    expect(thirdRan).toBe(false);
    expect(result.runs.map((run) => run.status)).toEqual(['completed', 'completed', 'skipped']);
    expect(result.valid).toBe(false);
  });

  it('runs all scanners on the original text in parallel mode and times each', async () => {
    const seen: string[] = [];
    const result = await scanPrompt(
      [wordScanner('Redact', 'secret', { replaceWith: '***' }), wordScanner('Seen', 'zzz', { onScan: (text) => seen.push(text) })],
      'a secret',
      { mode: 'parallel' },
    );
    expect(seen).toEqual(['a secret']);
    expect(result.sanitizedText).toBe('a secret');
    for (const run of result.runs) {
      expect(run.status).toBe('completed');
      if (run.status === 'completed') expect(run.durationMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('returns early with failFast in parallel mode and reports the slow scanner as skipped', async () => {
    const result = await scanPrompt([wordScanner('Slow', 'x', { delayMs: 5_000 }), wordScanner('Fast', 'bad')], 'bad', {
      mode: 'parallel',
      failFast: true,
    });
    expect(result.runs.map((run) => run.status)).toEqual(['skipped', 'completed']);
    expect(result.valid).toBe(false);
  });

  it('aggregates the highest risk score and is valid when every scanner is', async () => {
    const result = await scanPrompt([wordScanner('A', 'x'), wordScanner('B', 'y')], 'clean');
    expect(result.valid).toBe(true);
    expect(result.riskScore).toBe(-1);
    const empty = await scanPrompt([], 'anything');
    expect(empty).toMatchObject({ valid: true, runs: [], riskScore: -1 });
  });

  it('wraps a throwing scanner in ScannerFailedError naming it', async () => {
    const broken: InputScannerV1 = {
      specificationVersion: 'v1',
      kind: 'input',
      name: 'Broken',
      scan: async () => {
        throw new TypeError('boom');
      },
    };
    const error = await scanPrompt([wordScanner('Ok', 'x'), broken], 'text').catch((caught: unknown) => caught);
    expect(ScannerFailedError.isInstance(error)).toBe(true);
    expect((error as LlmShieldError).details).toEqual({ scanner: 'Broken' });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    const parallelError = await scanPrompt([broken], 'text', { mode: 'parallel' }).catch((caught: unknown) => caught);
    expect(LlmShieldError.hasCode(parallelError, ErrorCode.ScannerFailed)).toBe(true);
  });

  it('gives typed errors for bad input and config', async () => {
    await expect(scanPrompt([], 42 as unknown as string)).rejects.toSatisfy(InvalidInputError.isInstance);
    await expect(scanPrompt([], 'x'.repeat(11), { maxInputLength: 10 })).rejects.toSatisfy(InputTooLargeError.isInstance);
    await expect(scanPrompt([], 'x', { mode: 'fast' as never })).rejects.toSatisfy(InvalidConfigError.isInstance);
    const output: OutputScannerV1 = { specificationVersion: 'v1', kind: 'output', name: 'Out', scan: async () => createScanResult({ score: 0, threshold: 0.5, method: 'heuristic', sanitizedText: '' }) };
    await expect(scanPrompt([output as unknown as InputScannerV1], 'x')).rejects.toSatisfy(InvalidConfigError.isInstance);
  });

  it('repairs lone surrogates and says how many', async () => {
    const seen: string[] = [];
    const result = await scanPrompt([wordScanner('Seen', 'zzz', { onScan: (text) => seen.push(text) })], 'a\uD800b\uDC00c');
    expect(seen).toEqual(['a\uFFFDb\uFFFDc']);
    expect(result.repairedSurrogates).toBe(2);
  });

  it('rejects with AbortedError when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(scanPrompt([wordScanner('A', 'x')], 'text', { signal: controller.signal })).rejects.toSatisfy((error: unknown) =>
      LlmShieldError.hasCode(error, ErrorCode.Aborted),
    );
  });

  it('shares one vault across the scanners of a run', async () => {
    const vaults = new Set<unknown>();
    await scanPrompt([wordScanner('A', 'x', { onScan: (_t, c) => vaults.add(c.vault) }), wordScanner('B', 'x', { onScan: (_t, c) => vaults.add(c.vault) })], 't');
    expect(vaults.size).toBe(1);
  });
});

/** A scanner that never settles, whatever its signal says. */
function neverScanner(name: string, onSignal?: (signal: AbortSignal | undefined) => void): InputScannerV1 {
  return {
    specificationVersion: 'v1',
    kind: 'input',
    name,
    scan: (_prompt, context) => {
      onSignal?.(context.signal);
      return new Promise<never>(() => undefined);
    },
  };
}

describe('scanPrompt time limits and abort', () => {
  for (const mode of ['sequential', 'parallel'] as const) {
    it(`returns with a failed-closed LLMS_TIMEOUT run for a scanner that never settles (${mode})`, async () => {
      let signal: AbortSignal | undefined;
      const result = await scanPrompt([wordScanner('Ok', 'zzz'), neverScanner('Stuck', (s) => (signal = s)), wordScanner('After', 'zzz')], 'text', {
        mode,
        timeoutMs: 5,
      });
      expect(result.valid).toBe(false);
      expect(result.failedClosed).toContain('Stuck');
      expect(result.failedScanners).toContain('Stuck');
      const stuck = result.runs[1]!;
      expect(stuck.status).toBe('completed');
      if (stuck.status === 'completed') {
        expect(stuck.result).toMatchObject({ valid: false, score: 1, method: 'failed-closed', failure: { code: 'LLMS_TIMEOUT' } });
      }
      expect(result.runs[0]).toMatchObject({ status: 'completed', result: { valid: true } });
      expect(signal?.aborted).toBe(true);
      if (mode === 'sequential') {
        // The scanner after the stuck one never started: it is failed closed too, never reported valid.
        expect(result.runs[2]).toMatchObject({ status: 'completed', result: { method: 'failed-closed', failure: { code: 'LLMS_TIMEOUT' } } });
        expect(result.failedClosed).toEqual(['Stuck', 'After']);
      } else {
        expect(result.failedClosed).toEqual(['Stuck']);
      }
    });

    it(`rejects with AbortedError at once when aborted while a scanner never settles (${mode})`, async () => {
      const controller = new AbortController();
      const pending = scanPrompt([neverScanner('Stuck', () => queueMicrotask(() => controller.abort(new Error('user')))) ], 'text', { mode, signal: controller.signal });
      await expect(pending).rejects.toSatisfy((error: unknown) => LlmShieldError.hasCode(error, ErrorCode.Aborted));
    });
  }

  it('settles in parallel mode when a scanner resolves after the abort', async () => {
    const controller = new AbortController();
    const late: InputScannerV1 = {
      specificationVersion: 'v1',
      kind: 'input',
      name: 'Late',
      scan: async (prompt) => {
        controller.abort();
        await Promise.resolve();
        return createScanResult({ score: 0, threshold: 0.5, method: 'heuristic', sanitizedText: prompt });
      },
    };
    await expect(scanPrompt([late], 'text', { mode: 'parallel', signal: controller.signal })).rejects.toSatisfy((error: unknown) =>
      LlmShieldError.hasCode(error, ErrorCode.Aborted),
    );
  });

  it('reports no failed-closed run when every scanner finishes in time, and refuses a bad timeoutMs', async () => {
    const result = await scanPrompt([wordScanner('A', 'zzz')], 'text', { timeoutMs: 60_000, mode: 'parallel' });
    expect(result).toMatchObject({ valid: true, failedClosed: [] });
    await expect(scanPrompt([], 'x', { timeoutMs: -1 })).rejects.toSatisfy(InvalidConfigError.isInstance);
    await expect(scanPrompt([], 'x', { timeoutMs: Number.NaN })).rejects.toSatisfy(InvalidConfigError.isInstance);
  });

  it('lists scanners that failed closed on their own in failedClosed', async () => {
    const closed: InputScannerV1 = {
      specificationVersion: 'v1',
      kind: 'input',
      name: 'Closed',
      scan: async (prompt) => createScanResult({ score: 1, threshold: 0.5, method: 'failed-closed', valid: false, sanitizedText: prompt, failure: { code: 'LLMS_MODEL_UNAVAILABLE', message: 'gone' } }),
    };
    const result = await scanPrompt([closed, wordScanner('Word', 'text')], 'text');
    expect(result.failedClosed).toEqual(['Closed']);
    expect(result.failedScanners).toEqual(['Closed', 'Word']);
  });
});

describe('scanOutput', () => {
  it('gives output scanners the prompt and the output', async () => {
    const calls: Array<[string, string]> = [];
    const scanner: OutputScannerV1 = {
      specificationVersion: 'v1',
      kind: 'output',
      name: 'Echo',
      async scan(prompt, output) {
        calls.push([prompt, output]);
        return createScanResult({ score: 0, threshold: 0.5, method: 'heuristic', sanitizedText: output });
      },
    };
    const result = await scanOutput([scanner], 'question', 'answer');
    expect(calls).toEqual([['question', 'answer']]);
    expect(result.valid).toBe(true);
  });
});
