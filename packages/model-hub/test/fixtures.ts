import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineModelEntry, type ModelRegistryEntry } from '../src/index.js';
import { deterministicBytes, type FixtureFile, type FixtureRepo } from './hub-server.js';

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value, null, 2));

export const TINY_REPO = 'llm-shield-test/tiny-classifier';
export const GATED_REPO = 'llm-shield-test/gated-classifier';
export const OLD_COMMIT = '1111111111111111111111111111111111111111';
export const HEAD_COMMIT = 'a5b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5';
export const VALID_TOKEN = 'hf_valid_test_token';

/** Files of the tiny model: a 48 KiB fake ONNX graph (LFS), a 16 KiB quantized one (LFS), and git-stored JSON. */
export function tinyFiles(seed: string): FixtureFile[] {
  return [
    { path: 'onnx/model.onnx', content: deterministicBytes(`${seed}/model.onnx`, 48 * 1024), lfs: true },
    { path: 'onnx/model_quantized.onnx', content: deterministicBytes(`${seed}/model_quantized.onnx`, 16 * 1024), lfs: true },
    { path: 'tokenizer.json', content: encode({ version: '1.0', model: { type: 'WordPiece', vocab: { '[UNK]': 0, hello: 1 } }, seed }) },
    { path: 'tokenizer_config.json', content: encode({ model_max_length: 512 }) },
    { path: 'config.json', content: encode({ id2label: { 0: 'SAFE', 1: 'INJECTION' }, problem_type: 'single_label_classification' }) },
    { path: 'README.md', content: encode('# tiny\n') },
  ];
}

export function fixtureRepos(): FixtureRepo[] {
  return [
    {
      repoId: TINY_REPO,
      commits: [
        { sha: OLD_COMMIT, files: tinyFiles('old') },
        { sha: HEAD_COMMIT, files: tinyFiles('head') },
      ],
      branches: { main: HEAD_COMMIT, v1: OLD_COMMIT },
    },
    {
      repoId: GATED_REPO,
      commits: [{ sha: HEAD_COMMIT, files: tinyFiles('gated') }],
      branches: { main: HEAD_COMMIT },
      tokens: [VALID_TOKEN],
    },
  ];
}

/** Registry entry of the tiny model, pinned (verified) to `commit`. */
export function tinyEntry(commit: string | null = HEAD_COMMIT, repoId = TINY_REPO): ModelRegistryEntry {
  return defineModelEntry({
    id: repoId === TINY_REPO ? 'tiny' : 'gated',
    repoId,
    revision: commit === null ? { branch: 'main', status: 'unverified', source: 'fixture' } : { commit, branch: 'main', status: 'verified', source: 'fixture' },
    onnx: { fp32: 'onnx/model.onnx', quantized: 'onnx/model_quantized.onnx' },
    tokenizerConfig: 'tokenizer_config.json',
    labels: ['SAFE', 'INJECTION'],
  });
}

/** A fresh temporary cache folder and its cleanup. */
export async function tempCache(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'llm-shield-hub-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
