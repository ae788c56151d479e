import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { InferenceFailedError, type InferenceSessionV1 } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createNodeRuntime } from '../src/index.js';
import { batchFeeds, fixtureModelPath, loadReference, logitRows, maxAbsDiff } from './conformance.js';

// Keep onnxruntime's native log quiet when the CUDA provider library is missing (the typed error says it).
ort.env.logLevel = 'fatal';

const model = { bytes: new Uint8Array(readFileSync(fixtureModelPath('tiny-bert-injection'))) };

/** Tries to open a session on the CUDA execution provider alone; undefined with the reason where it cannot. */
async function probeCuda(): Promise<{ session?: InferenceSessionV1; reason?: string }> {
  try {
    return { session: await createNodeRuntime({ executionProviders: ['cuda'], logSeverityLevel: 4 }).createSession(model) };
  } catch (error) {
    expect(InferenceFailedError.isInstance(error), `CUDA failure must be typed: ${String(error)}`).toBe(true);
    return { reason: (error as Error).message };
  }
}

const probe = await probeCuda();

describe('CUDA execution provider', () => {
  it('reports a missing CUDA build or GPU with a typed error', ({ skip }) => {
    if (probe.session) skip('CUDA is available here: nothing to report');
    expect(probe.reason).toMatch(/onnxruntime could not create a session/);
  });

  it.skipIf(probe.session === undefined)(`runs the fixture on CUDA (skipped where CUDA is unavailable: ${probe.reason ?? ''})`, async () => {
    const reference = loadReference('tiny-bert-injection');
    const session = probe.session!;
    const rows = logitRows((await session.run(batchFeeds(reference, reference.samples))).logits);
    rows.forEach((row, i) => expect(maxAbsDiff(row, reference.samples[i]!.logits_onnxruntime)).toBeLessThanOrEqual(1e-3));
    await session.dispose();
  });
});
