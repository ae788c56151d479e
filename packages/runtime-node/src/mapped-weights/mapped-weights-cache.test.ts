import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InferenceFailedError, InvalidConfigError } from '@llm-shield/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeRuntime } from '../node-runtime.js';
import { MAPPED_DATA_FILE, MAPPED_MODEL_FILE, resolveMappedModel } from './mapped-weights-cache.js';

const fixture = fileURLToPath(new URL('../../../../models/fixtures/tiny-roberta-sentiment/model.onnx', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'llm-shield-mapped-'));
const source = join(work, 'source.onnx');
copyFileSync(fixture, source);
const ids = BigInt64Array.from([0n, 713n, 16n, 10n, 1256n, 328n, 2n]);
const feeds = {
  input_ids: { type: 'int64' as const, dims: [1, ids.length], data: ids },
  attention_mask: { type: 'int64' as const, dims: [1, ids.length], data: new BigInt64Array(ids.length).fill(1n) },
};

afterAll(() => rmSync(work, { recursive: true, force: true }));

async function logits(options: Parameters<typeof createNodeRuntime>[0], path: string): Promise<number[]> {
  const session = await createNodeRuntime({ intraOpThreads: 1, logSeverityLevel: 4, ...options }).createSession({ path });
  const out = await session.run(feeds);
  await session.dispose();
  return Array.from(Object.values(out)[0]?.data as Float32Array);
}

describe('memory-mapped weights', () => {
  it('rewrites a model once into the folder, reuses the rewrite, and computes exactly what the source computes', async () => {
    const dir = join(work, 'cache-a');
    const first = await resolveMappedModel(source, { dir, minModelBytes: 0 });
    expect(first.startsWith(dir)).toBe(true);
    expect(first.endsWith(MAPPED_MODEL_FILE)).toBe(true);
    const data = join(first, '..', MAPPED_DATA_FILE);
    expect(statSync(data).size).toBeGreaterThan(statSync(first).size * 10);
    const written = statSync(first).mtimeMs;
    expect(await resolveMappedModel(source, { dir, minModelBytes: 0 })).toBe(first);
    expect(statSync(first).mtimeMs).toBe(written);
    expect(readdirSync(join(first, '..')).sort()).toEqual([MAPPED_MODEL_FILE, MAPPED_DATA_FILE].sort()); // no temp files left
    const lean = { enableCpuMemArena: false, configEntries: { 'session.disable_prepacking': '1' } };
    for (const options of [{}, lean]) {
      const plain = await logits(options, source);
      expect(plain.length).toBeGreaterThan(0);
      expect(await logits({ ...options, mappedWeights: { dir, minModelBytes: 0 } }, source)).toEqual(plain);
    }
  });

  it('rewrites again when the data file is incomplete (a crash, a full disk) instead of loading it', async () => {
    const dir = join(work, 'cache-b');
    const first = await resolveMappedModel(source, { dir, minModelBytes: 0 });
    const data = join(first, '..', MAPPED_DATA_FILE);
    const size = statSync(data).size;
    truncateSync(data, size >> 1);
    expect(await resolveMappedModel(source, { dir, minModelBytes: 0 })).toBe(first);
    expect(statSync(data).size).toBe(size);
    writeFileSync(first, 'not a model');
    expect(await resolveMappedModel(source, { dir, minModelBytes: 0 })).toBe(first);
    expect(await logits({}, first)).toEqual(await logits({}, source));
  });

  it('leaves small models (default: under 16 MiB), models with external data and { bytes } models as they are', async () => {
    const dir = join(work, 'cache-c');
    expect(await resolveMappedModel(source, { dir })).toBe(source);
    const external = fileURLToPath(new URL('../../test/fixtures/external-data/model.onnx', import.meta.url));
    expect(await resolveMappedModel(external, { dir, minModelBytes: 0 })).toBe(external);
    expect(await resolveMappedModel(external, { dir, minModelBytes: 0 })).toBe(external); // the marker, no re-read
    const session = await createNodeRuntime({ logSeverityLevel: 4, mappedWeights: { dir: join(work, 'cache-d'), minModelBytes: 0 } }).createSession({
      bytes: new Uint8Array(await import('node:fs').then((fs) => fs.readFileSync(source))),
    });
    expect(session.inputNames).toContain('input_ids');
    await session.dispose();
    expect(() => statSync(join(work, 'cache-d'))).toThrow();
  });

  it('refuses bad options when the runtime is created, and an unwritable folder with InferenceFailedError', async () => {
    for (const mappedWeights of [{ dir: '' }, { dri: '/tmp' }, { dir: work, minModelBytes: -1 }, { dir: work, minTensorBytes: 0 }, 'yes', []]) {
      expect(() => createNodeRuntime({ mappedWeights } as never)).toThrow(InvalidConfigError);
    }
    expect(() => createNodeRuntime({ mappedWeights: false })).not.toThrow();
    const blocker = join(work, 'a-file');
    writeFileSync(blocker, 'x');
    await expect(resolveMappedModel(source, { dir: join(blocker, 'sub'), minModelBytes: 0 })).rejects.toSatisfy((e) => InferenceFailedError.isInstance(e));
  });
});
