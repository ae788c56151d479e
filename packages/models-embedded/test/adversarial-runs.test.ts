/**
 * Issue 11: zero-width-joiner, variation-selector and combining-mark runs of 13,000 units once hung the tokenizer, so
 * PromptInjection and Sentiment with the embedded models never answered (`AbortSignal.timeout` could not fire in a
 * synchronous loop). This runs the scanners as `llm-shield scan` builds them (embedded int8 graph, onnxruntime-node,
 * the model answering) on those inputs and checks that they answer with the model (not a fallback) and a score in
 * [0, 1]. Not a timing test: a hang fails by the test timeout.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the scan context and model-source contract the scanners take
import { Vault, type ModelFilesV1, type ModelSourceV1, type ScanResultV1 } from '@llm-shield/core';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the scanners run on the Node runtime users get
import { createNodeRuntime } from '@llm-shield/runtime-node';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the scanners users build with the embedded models
import { PromptInjection, Sentiment } from '@llm-shield/scanners';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_MODELS, type EmbeddedModelTask } from '../src/index.js';

const MODELS = fileURLToPath(new URL('../models/', import.meta.url));

/** The embedded model's int8 files, as a model source. */
function embeddedSource(task: EmbeddedModelTask): ModelSourceV1 {
  const model = EMBEDDED_MODELS[task];
  const file = (relative: string) => ({
    path: join(MODELS, relative),
    read: async () => new Uint8Array(await readFile(join(MODELS, relative))),
  });
  return {
    specificationVersion: 'v1',
    resolve: async (): Promise<ModelFilesV1> => ({
      modelId: `llm-shield/${model.name}`,
      revision: 'embedded',
      variant: 'int8',
      model: file(model.files.int8 ?? model.files.fp32),
      tokenizer: file(model.files.tokenizer),
      tokenizerConfig: file(model.files.tokenizerConfig),
      config: file(model.files.config),
    }),
  };
}

/** Input names and their texts (built in the test: vitest formats `it.each` rows, so rows stay small). */
const INPUTS: ReadonlyArray<readonly [string, string, string]> = [
  ['U+200D × 13,000', '', '\u200d'],
  ['e + U+0301 × 13,000', 'e', '\u0301'],
  ['U+FE0F × 13,000', '', '\ufe0f'],
];

function expectModelAnswer(result: ScanResultV1): void {
  expect(result.method).toBe('ml');
  expect(Number.isFinite(result.score)).toBe(true);
  expect(result.score).toBeGreaterThanOrEqual(0);
  expect(result.score).toBeLessThanOrEqual(1);
}

describe('embedded models answer on zero-width, variation-selector and combining-mark runs', { timeout: 120_000 }, () => {
  const runtime = createNodeRuntime({ intraOpThreads: 1 });
  const model = (task: EmbeddedModelTask) => ({
    source: embeddedSource(task),
    runtime,
    id: `llm-shield/${task}`,
    variant: 'int8' as const,
  });
  const promptInjection = new PromptInjection({
    model: model('prompt-injection'),
    mode: 'ml',
  });
  const sentiment = new Sentiment({ model: model('sentiment'), mode: 'ml' });

  it.each(INPUTS)('PromptInjection answers on %s', async (_name, head, unit) => {
    expectModelAnswer(
      await promptInjection.scan(head + unit.repeat(13_000), {
        vault: new Vault(),
      })
    );
  });

  it.each(INPUTS)('Sentiment answers on %s', async (_name, head, unit) => {
    expectModelAnswer(await sentiment.scan(head + unit.repeat(13_000), { vault: new Vault() }));
  });
});
