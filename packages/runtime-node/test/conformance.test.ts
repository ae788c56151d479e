import { afterAll } from 'vitest';
import { createNodeRuntime } from '../src/index.js';
import { describeRuntimeConformance } from './conformance.js';

const diffs: Record<string, number> = {};

describeRuntimeConformance({
  name: 'onnxruntime-node',
  createRuntime: () => createNodeRuntime({ intraOpThreads: 1, interOpThreads: 1 }),
  onMaxDiff: (fixture, diff) => (diffs[fixture] = diff),
});

afterAll(() => {
  if (process.env.LLM_SHIELD_REPORT_DIFFS) console.info('onnxruntime-node max |logits - python|:', diffs);
});
