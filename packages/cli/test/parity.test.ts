import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelineResult } from '@llm-shield/core';
import { createShield } from '@llm-shield/node';
import { afterAll, describe, expect, it } from 'vitest';
import { createLlmShieldDetector } from '../src/detectors/llm-shield-detector.js';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

const probes: Array<{ kind: string; text: string }> = JSON.parse(
  readFileSync(new URL('../../../tools/fixtures/parity-probes.json', import.meta.url), 'utf8'),
).probes;
const emptyCache = mkdtempSync(join(tmpdir(), 'llm-shield-parity-'));
afterAll(() => rmSync(emptyCache, { recursive: true, force: true }));
const env = { LLM_SHIELD_HUB_CACHE: emptyCache };
const SCANNERS = ['PromptInjection', 'Toxicity', 'Sentiment'] as const;

interface Verdict {
  valid: boolean;
  score: number;
  method: string;
}

function verdicts(result: PipelineResult): Record<string, Verdict> {
  return Object.fromEntries(
    result.runs.map((run) => {
      if (run.status !== 'completed') throw new Error(`${run.id} did not complete`);
      return [run.scanner, { valid: run.result.valid, score: run.result.score, method: run.result.method }];
    }),
  );
}

function expectSame(a: Record<string, Verdict>, b: Record<string, Verdict>, text: string): void {
  for (const scanner of SCANNERS) {
    const left = a[scanner]!;
    const right = b[scanner]!;
    expect({ text, scanner, valid: right.valid, method: right.method }).toEqual({ text, scanner, valid: left.valid, method: left.method });
    expect(Math.abs(left.score - right.score), `${scanner} on ${JSON.stringify(text)}`).toBeLessThanOrEqual(1e-3);
  }
}

describe('one shield: the CLI, the library entry and eval give the same verdicts', () => {
  it('on the 30 parity probes', async () => {
    expect(probes).toHaveLength(30);
    const shield = await createShield({ env, input: [...SCANNERS] });
    const detectors = {
      PromptInjection: await createLlmShieldDetector('prompt-injection', { env }),
      Toxicity: await createLlmShieldDetector('toxicity', { env }),
      Sentiment: await createLlmShieldDetector('sentiment', { env }),
    };
    const flagged = new Set<string>();
    try {
      for (const { text } of probes) {
        const library = verdicts(await shield.scanPrompt(text));
        const io = memoryIo();
        io.io.env = env;
        const code = await main(['scan', '--json', '--scanners', SCANNERS.join(','), text], io.io);
        const cli = verdicts(JSON.parse(io.stdout()));
        expect(code).toBe(Object.values(library).every((verdict) => verdict.valid) ? 0 : 1);
        expectSame(library, cli, text);
        for (const scanner of SCANNERS) {
          const detector = detectors[scanner];
          if (!library[scanner]!.valid) flagged.add(scanner);
          if (detector.kind === 'binary') {
            const prediction = await detector.predict(text);
            expect({ text, scanner, positive: prediction.positive }).toEqual({ text, scanner, positive: !library[scanner]!.valid });
            expect(Math.abs((prediction.score ?? Number.NaN) - library[scanner]!.score)).toBeLessThanOrEqual(1e-3);
          } else {
            const prediction = await detector.predict(text);
            expect(Math.abs((1 - (prediction.score ?? Number.NaN)) / 2 - library[scanner]!.score)).toBeLessThanOrEqual(1e-3);
          }
        }
      }
    } finally {
      await shield.close();
    }
    // The probes exercise both verdicts of every scanner.
    expect([...flagged].sort()).toEqual([...SCANNERS].sort());
  }, 300_000);
});
