#!/usr/bin/env node
// JS heap each production-shaped model's tokenizer keeps (after full garbage collections, its parsed JSON dropped),
// and what three scanners' tokenizers keep together when identical tokenizer files share one instance (as
// @llm-shield/scanners' loader does). Not a test. Usage, from the repository root after `npm run build`:
//   node --expose-gc tools/bench/tokenizer-heap.mjs
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRODUCTION_DIR, PRODUCTION_MODELS } from './ml/production-models.mjs';

if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc');
const { createTokenizer } = await import('@llm-shield/tokenizer');
const heap = () => {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};
const mb = (x) => (x / 1e6).toFixed(1);
const kept = new Map(); // content hash → tokenizer, as the scanners' loader shares them
/** A tokenizer from the files' bytes (in its own frame, so that no temporary outlives it). */
function build(bytes) {
  const tokenizer = createTokenizer(JSON.parse(bytes[0].toString('utf8')), JSON.parse(bytes[1].toString('utf8')));
  tokenizer.encode('warm the tokenizer up once');
  return tokenizer;
}
/** Builds one model's tokenizer; keeps it only if no identical one is kept. Returns the heap it took alone. */
function load(name) {
  const dir = join(PRODUCTION_DIR, name);
  const bytes = [readFileSync(join(dir, 'tokenizer.json')), readFileSync(join(dir, 'tokenizer_config.json'))];
  const key = bytes.map((b) => createHash('sha256').update(b).digest('hex')).join(':');
  const before = heap();
  const tokenizer = build(bytes);
  const own = heap() - before;
  const shared = kept.has(key);
  if (!shared) kept.set(key, tokenizer);
  return { own, shared };
}
const start = heap();
for (const { name } of PRODUCTION_MODELS) {
  const { own, shared } = load(name);
  console.log(`${name}: ${mb(own)} MB${shared ? ' (files identical to an earlier one: the scanners share that instance)' : ''}`);
}
console.log(`three scanners' tokenizers, identical files shared: ${mb(heap() - start)} MB`);
