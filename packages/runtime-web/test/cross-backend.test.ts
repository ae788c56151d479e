import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWebRuntime } from '../src/index.js';
// Test only: the two backends must agree. Production code of runtime-web never depends on runtime-node.
// eslint-disable-next-line @nx/enforce-module-boundaries -- test-only cross-check against the node backend
import { createNodeRuntime } from '@llm-shield/runtime-node';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test-only import of the shared conformance suite
import { batchFeeds, FIXTURE_NAMES, fixtureModelPath, loadReference, logitRows, maxAbsDiff, sampleLogits, TOLERANCE } from '../../runtime-node/test/conformance.js';

describe('onnxruntime-web and onnxruntime-node agree', () => {
  const node = createNodeRuntime({ intraOpThreads: 1, interOpThreads: 1 });
  const web = createWebRuntime({ intraOpThreads: 1 });

  for (const fixture of FIXTURE_NAMES) {
    it(`${fixture}: same logits within ${TOLERANCE}, single texts and a padded batch`, async () => {
      const bytes = new Uint8Array(readFileSync(fixtureModelPath(fixture)));
      const reference = loadReference(fixture);
      const [a, b] = await Promise.all([node.createSession({ bytes }), web.createSession({ bytes })]);
      try {
        expect(b.inputNames).toEqual(a.inputNames);
        const [rowsA, rowsB] = [await sampleLogits(a, reference), await sampleLogits(b, reference)];
        rowsA.forEach((row, i) => expect(maxAbsDiff(row, rowsB[i]!)).toBeLessThanOrEqual(TOLERANCE));
        const feeds = batchFeeds(reference, reference.samples);
        const [batchA, batchB] = [logitRows((await a.run(feeds)).logits), logitRows((await b.run(feeds)).logits)];
        batchA.forEach((row, i) => expect(maxAbsDiff(row, batchB[i]!)).toBeLessThanOrEqual(TOLERANCE));
      } finally {
        await Promise.all([a.dispose(), b.dispose()]);
      }
    });
  }
});
