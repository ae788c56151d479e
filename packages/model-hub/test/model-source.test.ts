import { ErrorCode, InvalidConfigError, ModelUnavailableError } from '@llm-shield/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createModelRegistry } from '../src/index.js';
import { createHubModelSource } from '../src/node/index.js';
import { fixtureRepos, GATED_REPO, HEAD_COMMIT, tempCache, tinyEntry, tinyFiles } from './fixtures.js';
import { startHubServer, type HubServer } from './hub-server.js';

let server: HubServer;
let cache: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  server = await startHubServer(fixtureRepos());
});
afterAll(() => server.close());
beforeEach(async () => {
  cache = await tempCache();
});
afterEach(() => cache.cleanup());

const registry = createModelRegistry([tinyEntry(), tinyEntry(HEAD_COMMIT, GATED_REPO)]);

describe('createHubModelSource', () => {
  it('resolves a registry id to verified, readable files (ModelSourceV1)', async () => {
    const progress: string[] = [];
    const source = createHubModelSource({ cacheDir: cache.dir, hubUrl: server.url, token: null, offline: false, registry, onProgress: (p) => progress.push(p.file) });
    const files = await source.resolve('tiny', { variant: 'quantized' });
    expect(files).toMatchObject({ modelId: 'tiny', revision: HEAD_COMMIT, variant: 'quantized' });
    expect(await files.model.read()).toEqual(tinyFiles('head').find((f) => f.path === 'onnx/model_quantized.onnx')!.content);
    expect(files.tokenizerConfig?.path).toMatch(/tokenizer_config\.json$/);
    expect(progress).toContain('onnx/model_quantized.onnx');
  });

  it('reports failures to obtain the model as ModelUnavailableError with the specific error as cause', async () => {
    const source = createHubModelSource({ cacheDir: cache.dir, hubUrl: server.url, token: null, offline: false, registry });
    const error = await source.resolve('gated').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelUnavailableError);
    expect((error as ModelUnavailableError).details['causeCode']).toBe(ErrorCode.HubAuthRequired);
    expect((error as Error).message).toMatch(/HF_TOKEN/);
    await expect(source.resolve('unknown/model')).rejects.toThrow(InvalidConfigError);
    const offline = createHubModelSource({ cacheDir: cache.dir, offline: true, registry });
    await expect(offline.resolve('tiny')).rejects.toThrow(ModelUnavailableError);
  });
});
