import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

const fixtures = fileURLToPath(new URL('../../../models/fixtures/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'llm-shield-cli-ner-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A model folder of the tiny random-weight DeBERTa-v3 NER fixture (tokenizer from the tiny injection fixture). */
function nerFolder(): string {
  const folder = join(work, 'tiny-ner');
  mkdirSync(folder, { recursive: true });
  for (const name of ['model.onnx', 'config.json', 'tokenizer_config.json']) copyFileSync(join(fixtures, 'tiny-deberta-pii-ner', name), join(folder, name));
  copyFileSync(join(fixtures, 'tiny-deberta-injection', 'tokenizer.json'), join(folder, 'tokenizer.json'));
  return folder;
}

describe("llm-shield scan: Anonymize's NER detector from a config file", () => {
  const env = { LLM_SHIELD_HUB_CACHE: join(work, 'empty-cache') };
  const cli = () => {
    const io = memoryIo();
    io.io.env = env;
    return io;
  };

  it("runs the NER model given with --model-dir when the config says recognizer: ml", async () => {
    const config = join(work, 'scanners.yml');
    writeFileSync(config, 'input_scanners:\n  - type: Anonymize\n    params:\n      recognizer: ml\noutput_scanners: []\n');
    const io = cli();
    const code = await main(['scan', '--config', config, '--model-dir', `Anonymize=${nerFolder()}`, '--json', 'My name is John Smith.'], io.io);
    expect(io.stderr()).toBe('');
    const result = JSON.parse(io.stdout());
    expect(result.runs[0].result).toMatchObject({ method: 'ml', model: { id: expect.stringContaining('tiny-ner') } });
    expect([0, 1]).toContain(code);
  });

  it('says what is missing when recognizer: ml has no model to run (nothing cached, no --download, no --model-dir)', async () => {
    const config = join(work, 'scanners-no-model.yml');
    writeFileSync(config, 'input_scanners:\n  - type: Anonymize\n    params:\n      recognizer: ml\noutput_scanners: []\n');
    const io = cli();
    const code = await main(['scan', '--config', config, '--json', 'My name is John Smith.'], io.io);
    expect(code).toBe(2);
    expect(io.stderr()).toMatch(/input_scanners\[0\]\.params.*recognizer 'ml' needs a model/s);
  });
});
