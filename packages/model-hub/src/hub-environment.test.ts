import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_URL, isTruthyEnvValue, resolveHubSettings } from './hub-environment.js';

describe('resolveHubSettings', () => {
  it('reads HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE and the cache variables', () => {
    expect(resolveHubSettings({}, '/home/u')).toEqual({
      hubUrl: DEFAULT_HUB_URL,
      offline: false,
      cacheDir: '/home/u/.cache/huggingface/hub',
      etagTimeoutMs: 10_000,
      downloadTimeoutMs: 10_000,
    });
    expect(
      resolveHubSettings(
        { HF_ENDPOINT: 'https://hf-mirror.com/', HF_TOKEN: ' hf_abc ', HF_HUB_OFFLINE: 'TRUE', LLM_SHIELD_HUB_CACHE: '/ours', HF_HOME: '/hf' },
        '/home/u',
      ),
    ).toEqual({ hubUrl: 'https://hf-mirror.com', token: 'hf_abc', offline: true, cacheDir: '/ours', etagTimeoutMs: 10_000, downloadTimeoutMs: 10_000 });
    expect(resolveHubSettings({ HUGGING_FACE_HUB_TOKEN: 'hf_old', HF_HOME: '/hf' }, '/home/u')).toMatchObject({ token: 'hf_old', cacheDir: '/hf/hub' });
  });

  it('reads HF_HUB_ETAG_TIMEOUT and HF_HUB_DOWNLOAD_TIMEOUT in seconds, and refuses values that are not positive numbers', () => {
    expect(resolveHubSettings({ HF_HUB_ETAG_TIMEOUT: '2.5', HF_HUB_DOWNLOAD_TIMEOUT: '30' }, '/home/u')).toMatchObject({
      etagTimeoutMs: 2_500,
      downloadTimeoutMs: 30_000,
    });
    for (const bad of ['0', '-1', 'ten', 'Infinity']) {
      expect(() => resolveHubSettings({ HF_HUB_ETAG_TIMEOUT: bad }, '/home/u')).toThrow(InvalidConfigError);
      expect(() => resolveHubSettings({ HF_HUB_DOWNLOAD_TIMEOUT: bad }, '/home/u')).toThrow(/HF_HUB_DOWNLOAD_TIMEOUT/);
    }
  });

  it.each([
    ['1', true],
    ['yes', true],
    ['On', true],
    ['0', false],
    ['false', false],
    ['', false],
    [undefined, false],
  ])('reads HF_HUB_OFFLINE=%j as %s', (value, expected) => {
    expect(isTruthyEnvValue(value)).toBe(expected);
  });
});
