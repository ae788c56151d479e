import { afterAll } from 'vitest';
import { createWebRuntime } from '../src/index.js';
// The one conformance suite lives with runtime-node's tests; this backend runs the same file.
// eslint-disable-next-line @nx/enforce-module-boundaries -- test-only import of the shared conformance suite
import { describeRuntimeConformance } from '../../runtime-node/test/conformance.js';

const diffs: Record<string, number> = {};

describeRuntimeConformance({
  name: 'onnxruntime-web (wasm)',
  createRuntime: () => createWebRuntime({ intraOpThreads: 1 }),
  onMaxDiff: (fixture, diff) => (diffs[fixture] = diff),
});

afterAll(() => {
  if (process.env.LLM_SHIELD_REPORT_DIFFS) console.info('onnxruntime-web max |logits - python|:', diffs);
});
