import { describe, expect, it } from 'vitest';
import { ErrorCode, InvalidConfigError, InvalidInputError, LlmShieldError, ScannerFailedError } from './errors.js';
import { scanOutput, scanPrompt, type PipelineResult } from './pipeline.js';
import { scanOutputMany, scanPromptMany, type BatchInputScannerV1 } from './pipeline-many.js';
import { createScanResult, type ScanResultV1 } from './result.js';
import type { InputScannerV1, OutputScannerV1 } from './scanner.js';

function judge(prompt: string, word: string, replaceWith: string | undefined): ScanResultV1 {
  const hit = prompt.includes(word);
  const sanitizedText = replaceWith !== undefined ? prompt.split(word).join(replaceWith) : prompt;
  return createScanResult({ score: hit ? 0.9 : 0.1, threshold: 0.5, method: 'heuristic', sanitizedText });
}

/** Flags texts containing `word` (optionally rewriting it); records how it was called. */
function wordScanner(name: string, word: string, replaceWith?: string, calls: string[][] = []): InputScannerV1 {
  return {
    specificationVersion: 'v1',
    kind: 'input',
    name,
    async scan(prompt) {
      calls.push([prompt]);
      return judge(prompt, word, replaceWith);
    },
  };
}

/** The same scanner with `scanMany`. */
function batchScanner(name: string, word: string, replaceWith?: string, calls: string[][] = []): BatchInputScannerV1 {
  return {
    ...wordScanner(name, word, replaceWith),
    async scanMany(prompts) {
      calls.push([...prompts]);
      return prompts.map((prompt) => judge(prompt, word, replaceWith));
    },
  };
}

/** A result without its timings, for comparing a batched run with single runs. */
function untimed(result: PipelineResult): unknown {
  return { ...result, durationMs: 0, runs: result.runs.map((run) => (run.status === 'completed' ? { ...run, durationMs: 0 } : run)) };
}

const prompts = ['my secret is bad', 'hello', 'bad and secret', '', 'secret\uD800 lone surrogate'];

describe('scanPromptMany', () => {
  it('returns what scanPrompt returns per prompt, with chaining, batching the scanners that have scanMany', async () => {
    const batched: string[][] = [];
    const single: string[][] = [];
    const scanners = [batchScanner('Redact', 'secret', '[REDACTED]', batched), wordScanner('Bad', 'bad', undefined, single), batchScanner('Seen', 'REDACTED')];
    const many = await scanPromptMany(scanners, prompts);
    const each = await Promise.all(prompts.map((prompt) => scanPrompt(scanners, prompt)));
    expect(many.map(untimed)).toEqual(each.map(untimed));
    expect(many[0]!.sanitizedText).toBe('my [REDACTED] is bad');
    expect(many[2]!.failedScanners).toEqual(['Redact', 'Bad', 'Seen']);
    expect(many[4]!.repairedSurrogates).toBe(1);
    expect(batched).toEqual([prompts.map((prompt) => prompt.replace('\uD800', '\uFFFD'))]);
    // The scanner without scanMany sees each prompt as the first scanner sanitized it.
    expect(single.slice(0, 5).map(([text]) => text)).toEqual(['my [REDACTED] is bad', 'hello', 'bad and [REDACTED]', '', '[REDACTED]\uFFFD lone surrogate']);
  });

  it('stops per prompt with failFast and batches only the prompts still running', async () => {
    const calls: string[][] = [];
    const scanners = [batchScanner('Bad', 'bad'), batchScanner('Secret', 'secret', undefined, calls)];
    const many = await scanPromptMany(scanners, prompts, { failFast: true });
    const each = await Promise.all(prompts.map((prompt) => scanPrompt(scanners, prompt, { failFast: true })));
    expect(many.map(untimed)).toEqual(each.map(untimed));
    expect(many[0]!.runs[1]).toMatchObject({ status: 'skipped' });
    expect(calls).toEqual([['hello', '', 'secret\uFFFD lone surrogate']]);
  });

  it('runs every scanner on the original prompts in parallel mode; failFast skips the runs after the first invalid one', async () => {
    const scanners = [batchScanner('Redact', 'secret', '[REDACTED]'), wordScanner('Bad', 'bad')];
    const many = await scanPromptMany(scanners, prompts, { mode: 'parallel' });
    const each = await Promise.all(prompts.map((prompt) => scanPrompt(scanners, prompt, { mode: 'parallel' })));
    expect(many.map(untimed)).toEqual(each.map(untimed));
    const fast = await scanPromptMany(scanners, ['secret bad', 'bad'], { mode: 'parallel', failFast: true });
    expect(fast[0]!.runs.map((run) => run.status)).toEqual(['completed', 'skipped']);
    expect(fast[1]!.runs.map((run) => run.status)).toEqual(['completed', 'completed']);
    expect(fast[1]!.failedScanners).toEqual(['Bad']);
  });

  it('fails closed every prompt a scanner had not finished when timeoutMs expires', async () => {
    const never: BatchInputScannerV1 = { ...batchScanner('Slow', 'x'), scanMany: () => new Promise<ScanResultV1[]>(() => undefined) };
    const results = await scanPromptMany([batchScanner('Fast', 'bad'), never, wordScanner('After', 'y')], ['a bad', 'b'], { timeoutMs: 20 });
    for (const result of results) {
      expect(result.valid).toBe(false);
      expect(result.failedClosed).toEqual(['Slow', 'After']);
      expect(result.runs[0]).toMatchObject({ status: 'completed', result: { method: 'heuristic' } });
    }
    expect(results[1]!.failedScanners).toEqual(['Slow', 'After']);
  });

  it('rejects the batch with typed errors: abort, a throwing scanner, bad input, bad config, a wrong result count', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(scanPromptMany([batchScanner('A', 'a')], ['x'], { signal: controller.signal })).rejects.toMatchObject({ code: ErrorCode.Aborted });
    const throwing: BatchInputScannerV1 = { ...batchScanner('Boom', 'a'), scanMany: () => Promise.reject(new Error('kaput')) };
    const failure = await scanPromptMany([throwing], ['x']).catch((error: unknown) => error);
    expect(ScannerFailedError.isInstance(failure)).toBe(true);
    expect((failure as LlmShieldError).details).toEqual({ scanner: 'Boom' });
    const short: BatchInputScannerV1 = { ...batchScanner('Short', 'a'), scanMany: async () => [] };
    await expect(scanPromptMany([short], ['x'])).rejects.toSatisfy((error) => ScannerFailedError.isInstance(error));
    await expect(scanPromptMany([batchScanner('A', 'a')], 'x' as unknown as string[])).rejects.toSatisfy((error) => InvalidInputError.isInstance(error));
    await expect(scanPromptMany([batchScanner('A', 'a')], ['ok', 42 as unknown as string])).rejects.toSatisfy((error) => InvalidInputError.isInstance(error));
    await expect(scanPromptMany([batchScanner('A', 'a')], ['x'], { mode: 'x' as 'parallel' })).rejects.toSatisfy((error) => InvalidConfigError.isInstance(error));
    expect(await scanPromptMany([batchScanner('A', 'a')], [])).toEqual([]);
  });
});

describe('scanOutputMany', () => {
  it('gives per-text scanners each output with its prompt, batch scanners the outputs, and matches scanOutput', async () => {
    const seen: Array<[string, string]> = [];
    const relevance: OutputScannerV1 = {
      specificationVersion: 'v1',
      kind: 'output',
      name: 'Echo',
      async scan(prompt, output) {
        seen.push([prompt, output]);
        return judge(output, prompt, undefined);
      },
    };
    const toxic = { ...batchScanner('Toxic', 'bad', '***'), kind: 'output' as const, scan: async (_prompt: string, output: string) => judge(output, 'bad', '***') };
    const scanners: OutputScannerV1[] = [toxic, relevance];
    const ask = ['p1', 'p2'];
    const answers = ['bad p1', 'fine'];
    const many = await scanOutputMany(scanners, ask, answers);
    const each = await Promise.all(ask.map((prompt, index) => scanOutput(scanners, prompt, answers[index]!)));
    expect(many.map(untimed)).toEqual(each.map(untimed));
    expect(many[0]!.sanitizedText).toBe('*** p1');
    expect(seen.slice(0, 2)).toEqual([['p1', '*** p1'], ['p2', 'fine']]);
    await expect(scanOutputMany(scanners, ['a'], [])).rejects.toSatisfy((error) => InvalidInputError.isInstance(error));
    await expect(scanOutputMany([batchScanner('In', 'a')] as unknown as OutputScannerV1[], ['a'], ['b'])).rejects.toSatisfy((error) => InvalidConfigError.isInstance(error));
  });
});
