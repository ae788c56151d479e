import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidModelError, ModelUnavailableError } from '@llm-shield/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalFolderModelSource } from './local-folder-source.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'llm-shield-folder-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('createLocalFolderModelSource', () => {
  it('finds the graph of each variant in onnx/ and the tokenizer and config at the root', async () => {
    await mkdir(join(dir, 'onnx'));
    await writeFile(join(dir, 'onnx', 'model.onnx'), new Uint8Array([1, 2, 3]));
    await writeFile(join(dir, 'onnx', 'model_quantized.onnx'), new Uint8Array([4]));
    await writeFile(join(dir, 'tokenizer.json'), '{}');
    await writeFile(join(dir, 'config.json'), '{"id2label":{"0":"a"}}');
    const source = createLocalFolderModelSource(dir);
    expect(source.specificationVersion).toBe('v1');
    const files = await source.resolve('my/model');
    expect(files).toMatchObject({ modelId: 'my/model', revision: 'local', variant: 'fp32' });
    expect(await files.model.read()).toEqual(new Uint8Array([1, 2, 3]));
    expect(files.tokenizerConfig).toBeUndefined();
    const quantized = await source.resolve('my/model', { variant: 'quantized' });
    expect(quantized.model.path).toBe(join(dir, 'onnx', 'model_quantized.onnx'));
  });

  it('rejects a missing folder with ModelUnavailableError and missing or broken files with InvalidModelError', async () => {
    await expect(createLocalFolderModelSource(join(dir, 'nope')).resolve('m')).rejects.toThrow(ModelUnavailableError);
    await writeFile(join(dir, 'model.onnx'), new Uint8Array([1]));
    await expect(createLocalFolderModelSource(dir).resolve('m')).rejects.toThrow(/tokenizer\.json/);
    await writeFile(join(dir, 'tokenizer.json'), '{}');
    await writeFile(join(dir, 'config.json'), '{not json');
    await expect(createLocalFolderModelSource(dir).resolve('m')).rejects.toThrow(InvalidModelError);
    await expect(createLocalFolderModelSource(dir).resolve('m', { variant: 'fp16' })).rejects.toThrow(/model_fp16\.onnx/);
  });
});
