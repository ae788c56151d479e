import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_MODEL_LIST } from '../index.js';
import { loadEmbeddedModelAssets } from './embedded-assets.js';

describe('embedded model assets (browser manifest)', () => {
  for (const model of EMBEDDED_MODEL_LIST) {
    it(`${model.task}: every asset URL points at the model's file, with its size and sha256 (run scripts/write-asset-modules.mjs when this fails)`, async () => {
      const assets = await loadEmbeddedModelAssets(model.task);
      expect(assets.task).toBe(model.task);
      expect(Object.keys(assets.files).sort()).toEqual(['config.json', 'model_int8.onnx', 'tokenizer.json', 'tokenizer_config.json']);
      for (const [name, file] of Object.entries(assets.files)) {
        const path = fileURLToPath(file.url);
        expect(path.endsWith(`/models/${model.task}/${name}`)).toBe(true);
        const bytes = readFileSync(path);
        expect(file.size).toBe(bytes.length);
        expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      }
    });
  }

  it('refuses a task without an embedded model', async () => {
    await expect(loadEmbeddedModelAssets('summarisation' as never)).rejects.toThrow(/No embedded model/);
  });
});
