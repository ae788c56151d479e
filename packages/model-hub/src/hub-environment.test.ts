import { describe, expect, it } from 'vitest';
import { DEFAULT_HUB_URL, isTruthyEnvValue, resolveHubSettings } from './hub-environment.js';

describe('resolveHubSettings', () => {
  it('reads HF_ENDPOINT, HF_TOKEN, HF_HUB_OFFLINE and the cache variables', () => {
    expect(resolveHubSettings({}, '/home/u')).toEqual({ hubUrl: DEFAULT_HUB_URL, offline: false, cacheDir: '/home/u/.cache/huggingface/hub' });
    expect(
      resolveHubSettings(
        { HF_ENDPOINT: 'https://hf-mirror.com/', HF_TOKEN: ' hf_abc ', HF_HUB_OFFLINE: 'TRUE', LLM_SHIELD_HUB_CACHE: '/ours', HF_HOME: '/hf' },
        '/home/u',
      ),
    ).toEqual({ hubUrl: 'https://hf-mirror.com', token: 'hf_abc', offline: true, cacheDir: '/ours' });
    expect(resolveHubSettings({ HUGGING_FACE_HUB_TOKEN: 'hf_old', HF_HOME: '/hf' }, '/home/u')).toMatchObject({ token: 'hf_old', cacheDir: '/hf/hub' });
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
