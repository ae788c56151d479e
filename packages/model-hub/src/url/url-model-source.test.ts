import { createHash } from 'node:crypto';
import { ChecksumMismatchError, InvalidModelError, ModelUnavailableError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createMemoryModelStore } from '../browser/memory-store.js';
import { createUrlModelSource, urlModelStoreKey } from './url-model-source.js';

const text = (value: string) => new TextEncoder().encode(value);
const FILES: Record<string, Uint8Array> = {
  'model_int8.onnx': new Uint8Array([8, 1, 2, 3, 4, 5]),
  'model.onnx': new Uint8Array([32, 1, 2, 3]),
  'config.json': text('{"id2label":{"0":"BENIGN","1":"INJECTION"}}'),
  'tokenizer.json': text('{"model":{}}'),
  'tokenizer_config.json': text('{"model_max_length":512}'),
};
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A fetch over FILES under https://models.test/m/, recording every URL asked. */
function fakeFetch(files: Record<string, Uint8Array | undefined> = FILES) {
  const asked: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    asked.push(url);
    const name = url.replace(/^https:\/\/models\.test\/(m|renamed)\//, '');
    const bytes = files[name];
    return bytes === undefined ? new Response('not found', { status: 404 }) : new Response(bytes.slice());
  }) as typeof globalThis.fetch;
  return { fetch, asked };
}

function listed(prefix = 'https://models.test/m/', names = ['model_int8.onnx', 'config.json', 'tokenizer.json', 'tokenizer_config.json']) {
  return Object.fromEntries(names.map((name) => [name, { url: `${prefix}${name}`, size: FILES[name]!.length, sha256: sha(FILES[name]!) }]));
}

describe('createUrlModelSource', () => {
  it('serves a folder URL: config and tokenizer config at once, the graph and tokenizer when read', async () => {
    const { fetch, asked } = fakeFetch();
    const files = await createUrlModelSource('https://models.test/m/', { fetch }).resolve('my-model', { variant: 'int8' });
    expect(files).toMatchObject({ modelId: 'my-model', revision: 'url', variant: 'int8' });
    expect(asked).toEqual(['https://models.test/m/config.json', 'https://models.test/m/tokenizer_config.json']);
    expect(await files.model.read()).toEqual(FILES['model_int8.onnx']);
    expect(await files.tokenizer.read()).toEqual(FILES['tokenizer.json']);
    expect(await files.tokenizerConfig!.read()).toEqual(FILES['tokenizer_config.json']);
    expect(asked).toHaveLength(4);
  });

  it('leaves out a tokenizer_config.json the folder does not have, and defaults to fp32', async () => {
    const { fetch } = fakeFetch({ ...FILES, 'tokenizer_config.json': undefined });
    const files = await createUrlModelSource('https://models.test/m/', { fetch }).resolve('m');
    expect(files.variant).toBe('fp32');
    expect(files.tokenizerConfig).toBeUndefined();
    expect(await files.model.read()).toEqual(FILES['model.onnx']);
  });

  it('raises ModelUnavailableError for a missing config.json or an unreachable server', async () => {
    const { fetch } = fakeFetch({ ...FILES, 'config.json': undefined });
    await expect(createUrlModelSource('https://models.test/m/', { fetch }).resolve('m')).rejects.toSatisfy((error) => ModelUnavailableError.isInstance(error) && /404/.test((error as Error).message));
    const broken = (async () => {
      throw new TypeError('fetch failed');
    }) as typeof globalThis.fetch;
    await expect(createUrlModelSource('https://models.test/m/', { fetch: broken }).resolve('m')).rejects.toSatisfy(ModelUnavailableError.isInstance);
  });

  it('keeps verified files in the store by sha256: a second source, even under renamed URLs, fetches nothing', async () => {
    const store = createMemoryModelStore();
    const first = fakeFetch();
    const files = await createUrlModelSource(undefined, { fetch: first.fetch, store, files: listed(), modelId: 'pi' }).resolve('ignored');
    expect(files).toMatchObject({ modelId: 'pi', variant: 'int8' });
    await files.model.read();
    await files.tokenizer.read();
    expect(first.asked).toHaveLength(4);
    expect(store.entries.get(urlModelStoreKey(sha(FILES['model_int8.onnx']!)))).toEqual(FILES['model_int8.onnx']);

    const second = fakeFetch();
    const again = await createUrlModelSource(undefined, { fetch: second.fetch, store, files: listed('https://models.test/renamed/') }).resolve('pi');
    expect(await again.model.read()).toEqual(FILES['model_int8.onnx']);
    expect(await again.tokenizer.read()).toEqual(FILES['tokenizer.json']);
    expect(second.asked).toEqual([]);
  });

  it('refuses bytes whose sha256 or size differ, and keeps nothing of them', async () => {
    const store = createMemoryModelStore();
    const { fetch } = fakeFetch();
    const wrongHash = { ...listed(), 'tokenizer.json': { url: 'https://models.test/m/tokenizer.json', sha256: '0'.repeat(64) } };
    const files = await createUrlModelSource(undefined, { fetch, store, files: wrongHash }).resolve('m');
    await expect(files.tokenizer.read()).rejects.toSatisfy(ChecksumMismatchError.isInstance);
    expect(store.entries.has(urlModelStoreKey('0'.repeat(64)))).toBe(false);
    const wrongSize = { ...listed(), 'config.json': { url: 'https://models.test/m/config.json', size: 3 } };
    await expect(createUrlModelSource(undefined, { fetch, files: wrongSize }).resolve('m')).rejects.toSatisfy(ChecksumMismatchError.isInstance);
  });

  it('raises InvalidModelError for a variant whose graph is not listed and for a config.json that is not JSON', async () => {
    const { fetch } = fakeFetch({ ...FILES, 'config.json': text('{nope') });
    await expect(createUrlModelSource(undefined, { fetch, files: listed() }).resolve('m', { variant: 'fp32' })).rejects.toSatisfy(InvalidModelError.isInstance);
    await expect(createUrlModelSource('https://models.test/m/', { fetch }).resolve('m')).rejects.toSatisfy(InvalidModelError.isInstance);
  });

  it('raises ModelUnavailableError for a relative URL where there is no page to resolve it against', () => {
    expect(() => createUrlModelSource('/models/m/')).toThrow(ModelUnavailableError);
  });
});
