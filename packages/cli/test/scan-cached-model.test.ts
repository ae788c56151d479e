import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

const fixture = fileURLToPath(new URL('../../../models/fixtures/tiny-roberta-sentiment/', import.meta.url));
const commit = 'f3ec4d0925f90c3ca7ee7814f52d6ee7cf180445';

/**
 * A Hugging Face cache, laid out as Python's huggingface_hub lays it out (copies instead of symlinks), holding the
 * tiny sentiment fixture under the production sentiment model's repo and file names.
 */
function cacheWithSentimentModel(): string {
  const cache = mkdtempSync(join(tmpdir(), 'llm-shield-cache-'));
  const repo = join(cache, 'models--Xenova--twitter-roberta-base-sentiment-latest');
  const snapshot = join(repo, 'snapshots', commit);
  mkdirSync(join(snapshot, 'onnx'), { recursive: true });
  mkdirSync(join(repo, 'refs'), { recursive: true });
  writeFileSync(join(repo, 'refs', 'main'), commit);
  copyFileSync(join(fixture, 'model.onnx'), join(snapshot, 'onnx', 'model_int8.onnx'));
  for (const file of ['tokenizer.json', 'tokenizer_config.json', 'config.json']) copyFileSync(join(fixture, file), join(snapshot, file));
  return cache;
}

describe.skipIf(!existsSync(fixture))('llm-shield scan with a production model already in the cache', () => {
  const caches: string[] = [];
  afterAll(() => {
    for (const cache of caches) rmSync(cache, { recursive: true, force: true });
  });

  it('loads the cached model offline and says which model and variant answered', async () => {
    const cache = cacheWithSentimentModel();
    caches.push(cache);
    const io = memoryIo();
    io.io.env = { LLM_SHIELD_HUB_CACHE: cache, HF_HUB_OFFLINE: '0' };
    await main(['scan', '--scanners', 'Sentiment', '--json', 'What a lovely day'], io.io);
    const run = JSON.parse(io.stdout()).runs[0];
    expect(run.result.method).toBe('ml');
    expect(run.result.model).toEqual({ id: 'cardiffnlp/twitter-roberta-base-sentiment-latest', variant: 'int8', origin: 'cache' });

    const human = memoryIo();
    human.io.env = { LLM_SHIELD_HUB_CACHE: cache };
    await main(['scan', '--scanners', 'Sentiment', 'What a lovely day'], human.io);
    expect(human.stdout()).toMatch(/ml \(cardiffnlp\/twitter-roberta-base-sentiment-latest\/int8\)/);
  });

  it('uses the embedded model (ml) when nothing is cached, and only the rules with --detection-mode heuristic', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'llm-shield-cache-'));
    caches.push(empty);
    const io = memoryIo();
    io.io.env = { LLM_SHIELD_HUB_CACHE: empty };
    await main(['scan', '--scanners', 'Sentiment', '--json', 'I hate this awful, terrible day'], io.io);
    const embedded = JSON.parse(io.stdout()).runs[0].result;
    expect(embedded.method).toBe('ml');
    expect(embedded.model).toEqual({ id: 'llm-shield/sentiment', variant: 'int8', origin: 'embedded' });

    const cache = cacheWithSentimentModel();
    caches.push(cache);
    const forced = memoryIo();
    forced.io.env = { LLM_SHIELD_HUB_CACHE: cache };
    await main(['scan', '--scanners', 'Sentiment', '--detection-mode', 'heuristic', '--json', 'I hate this awful, terrible day'], forced.io);
    expect(JSON.parse(forced.stdout()).runs[0].result.method).toBe('heuristic');
  });
});
