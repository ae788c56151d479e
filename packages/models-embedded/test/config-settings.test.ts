/**
 * The threshold, default mode and chunk size of each shipped model travel with the model: its `config.json` holds
 * them in an `llm_shield` object that the scanners read ({@link parseClassifierConfig}). This checks that every
 * `config.json` says exactly what the manifest says, and that core parses it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- test only: the contracts the shipped models are read through
import { parseClassifierConfig } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_MODEL_LIST, llmShieldSettingsOf } from '../src/index.js';
import { MODELS_DIR } from './embedded-source.js';

describe('embedded models: config.json llm_shield agrees with the manifest', () => {
  for (const model of EMBEDDED_MODEL_LIST) {
    it(model.name, () => {
      const config = JSON.parse(readFileSync(join(MODELS_DIR, model.files.config), 'utf8')) as Record<string, unknown>;
      expect(config['llm_shield']).toEqual(llmShieldSettingsOf(model));
      const parsed = parseClassifierConfig(config);
      expect(parsed.labels).toEqual(model.labels);
      expect(parsed.threshold).toBe(model.threshold ?? undefined);
      expect(parsed.defaultMode).toBe(model.defaultMode);
      expect(parsed.chunkTokens).toBe(model.chunkTokens);
    });
  }
});
