import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectPromptInjection } from '@llm-shield/heuristics';
import { describe, expect, it } from 'vitest';
import { loadExamples } from '../src/datasets/load-examples.js';

// The heuristic detector's speed-ups (keyword pre-filter, skipped passes, quick checks) must not change a result:
// on the real prompts of `npm run bench`, the default detector equals the exhaustive one (every rule's regular
// expression over the whole text, every pass), result for result. The package resolves as the CLI imports it (its
// build), so this checks what ships.
const DATASETS = fileURLToPath(new URL('../../../../shared/datasets', import.meta.url));
const haveDatasets = existsSync(DATASETS);
if (!haveDatasets) console.warn(`skipping the real-prompt detector check: ${DATASETS} not found`);

const SOURCES: Array<[string, number]> = [
  ['prompt_injection/jackhhao-jailbreak-classification/datasets/balanced/jailbreak_dataset_test_balanced.csv', Infinity],
  ['prompt_injection/deepset-prompt-injections/data/raw/test-00000-of-00001-701d16158af87368.parquet', Infinity],
  ['benign_prompts/alpaca-eval-805/example/outputs.json', Infinity],
  ['benign_prompts/awesome-chatgpt-prompts/prompts.csv', Infinity],
  ['benign_prompts/nq-open/nq_open/NQ-open.dev.jsonl', 500],
];

describe.skipIf(!haveDatasets)('detectPromptInjection on real prompts (../shared/datasets)', () => {
  it('gives the exhaustive result for every prompt of the benchmark corpus', async () => {
    let texts = 0;
    let flagged = 0;
    for (const [path, limit] of SOURCES) {
      const { examples } = await loadExamples(join(DATASETS, path));
      for (const { text } of examples.slice(0, limit)) {
        const fast = detectPromptInjection(text);
        expect(fast, `${path}: ${JSON.stringify(text.slice(0, 80))}`).toEqual(detectPromptInjection(text, { exhaustive: true }));
        texts++;
        if (fast.score > 0.5) flagged++;
      }
    }
    // the corpus was read and the detector did work on it (130 of the 2,351 bench prompts are flagged)
    expect(texts).toBeGreaterThan(1800);
    expect(flagged).toBeGreaterThan(100);
  });
});
