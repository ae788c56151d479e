import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

const work = mkdtempSync(join(tmpdir(), 'llm-shield-emotion-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = { LLM_SHIELD_HUB_CACHE: join(work, 'empty-cache') };

async function scan(args: string[]) {
  const io = memoryIo();
  io.io.env = env;
  const code = await main(['scan', '--json', ...args], io.io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe('llm-shield scan --scanners EmotionDetection (embedded GoEmotions model, offline)', () => {
  it('flags a furious prompt with the embedded model and names the blocked emotion', async () => {
    const { code, stdout } = await scan(['--scanners', 'EmotionDetection', 'I am so angry and disgusted, this is the worst service ever and I hate you']);
    expect(code).toBe(1);
    const run = JSON.parse(stdout).runs[0];
    expect(run.scanner).toBe('EmotionDetection');
    expect(run.result).toMatchObject({ valid: false, method: 'ml', model: { id: 'llm-shield/emotion', variant: 'int8', origin: 'embedded' } });
    expect(run.result.findings.map((finding: { category: string }) => finding.category)).toEqual(expect.arrayContaining(['anger']));
  });

  it('passes grateful and plain prompts', async () => {
    for (const text of ['Thank you so much, this is wonderful!', 'What is the capital of France?']) {
      const { code, stdout } = await scan(['--scanners', 'EmotionDetection', text]);
      expect({ text, code }).toEqual({ text, code: 0 });
      expect(JSON.parse(stdout).valid).toBe(true);
    }
  });

  it("scans the output with llm-guard-api's params (blocked_emotions, threshold, model_max_length, return_full_output)", async () => {
    const config = join(work, 'emotion.yml');
    writeFileSync(
      config,
      [
        'output_scanners:',
        '  - type: EmotionDetection',
        '    params:',
        '      threshold: 0.5',
        '      blocked_emotions: ["joy", "admiration"]',
        '      model_max_length: 256',
        '      return_full_output: true',
        '',
      ].join('\n'),
    );
    const { code, stdout } = await scan(['--config', config, '--output', '--prompt', 'How was it?', 'I love it, this is amazing and I am so happy!']);
    expect(code).toBe(1);
    const result = JSON.parse(stdout).runs[0].result;
    expect(result.valid).toBe(false);
    // return_full_output: every emotion of the model is reported
    expect(result.findings).toHaveLength(28);
  });

  it('--detection-mode heuristic: no model, the sentiment lexicon answers as a proxy for the negative emotions', async () => {
    const angry = await scan(['--scanners', 'EmotionDetection', '--detection-mode', 'heuristic', 'I hate this, it is terrible and awful']);
    expect(angry.code).toBe(1);
    expect(JSON.parse(angry.stdout).runs[0].result).toMatchObject({ method: 'heuristic', valid: false });
    const plain = await scan(['--scanners', 'EmotionDetection', '--detection-mode', 'heuristic', 'What is the capital of France?']);
    expect(plain.code).toBe(0);
  });

  it('refuses a positive blocked emotion in heuristic mode: the proxy stands for the negative ones only', async () => {
    const config = join(work, 'joy.yml');
    writeFileSync(config, 'input_scanners:\n  - type: EmotionDetection\n    params:\n      blocked_emotions: ["joy"]\n');
    const { code, stderr } = await scan(['--config', config, '--detection-mode', 'heuristic', 'hello']);
    expect(code).toBe(2);
    expect(stderr).toContain('blocked_emotions');
  });
});
