import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { assertRepoId, repoFolderName, resolveHubCacheDir } from './cache-layout.js';

describe('repoFolderName', () => {
  it('names folders as huggingface_hub does', () => {
    expect(repoFolderName('protectai/deberta-v3-base-prompt-injection-v2')).toBe('models--protectai--deberta-v3-base-prompt-injection-v2');
    expect(repoFolderName('gpt2')).toBe('models--gpt2');
    expect(repoFolderName('org/data', 'dataset')).toBe('datasets--org--data');
  });
  it.each(['', 'a/b/c', '../etc', 'org/na--me', 'org/name.git', '/name', 'org/ name'])('rejects %j', (repoId) => {
    expect(() => assertRepoId(repoId)).toThrow(InvalidConfigError);
  });
});

describe('resolveHubCacheDir', () => {
  it('follows huggingface_hub precedence with the llm-shield override first', () => {
    expect(resolveHubCacheDir({}, '/home/u')).toBe('/home/u/.cache/huggingface/hub');
    expect(resolveHubCacheDir({ XDG_CACHE_HOME: '/x' }, '/home/u')).toBe('/x/huggingface/hub');
    expect(resolveHubCacheDir({ HF_HOME: '/hf/', XDG_CACHE_HOME: '/x' }, '/home/u')).toBe('/hf/hub');
    expect(resolveHubCacheDir({ HF_HUB_CACHE: '/c', HF_HOME: '/hf' }, '/home/u')).toBe('/c');
    expect(resolveHubCacheDir({ LLM_SHIELD_HUB_CACHE: '/ours', HF_HUB_CACHE: '/c' }, '/home/u')).toBe('/ours');
    expect(resolveHubCacheDir({ HF_HUB_CACHE: '  ' }, '/home/u')).toBe('/home/u/.cache/huggingface/hub');
  });
});
