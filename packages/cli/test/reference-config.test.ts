import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createShield } from '@llm-shield/node';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

const reference = fileURLToPath(new URL('../../../../shared/reference/llm-guard-api/scanners.yml', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'llm-shield-reference-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = { LLM_SHIELD_HUB_CACHE: join(work, 'hub') };
/** llm-guard's scanners that need models this project does not ship yet: the only ones a config may name that are skipped. */
const MODEL_ONLY = ['BanTopics', 'Bias', 'FactualConsistency', 'NoRefusal', 'Relevance'];

describe.skipIf(!existsSync(reference))("llm-guard-api's shipped scanners.yml", () => {
  it('loads unchanged: every scanner llm-shield has is built with those params, each missing one is named', async () => {
    const shield = await createShield({ configFile: reference, env, unknownScanners: 'skip' });
    try {
      const skipped = [...new Set(shield.skipped.map((entry) => entry.type))];
      expect(skipped.filter((type) => !MODEL_ONLY.includes(type))).toEqual([]);
      expect(shield.inputScanners.map((scanner) => scanner.name)).toEqual(
        expect.arrayContaining(['Anonymize', 'BanCode', 'BanCompetitors', 'BanSubstrings', 'EmotionDetection', 'Gibberish', 'InvisibleText', 'Language', 'PromptInjection', 'Regex', 'Secrets', 'Sentiment', 'TokenLimit', 'Toxicity']),
      );
      expect(shield.outputScanners.map((scanner) => scanner.name)).toEqual(
        expect.arrayContaining(['BanCode', 'BanCompetitors', 'BanSubstrings', 'Deanonymize', 'EmotionDetection', 'Gibberish', 'Language', 'LanguageSame', 'MaliciousURLs', 'ReadingTime', 'Regex', 'Sensitive', 'Sentiment', 'Toxicity', 'URLReachability']),
      );
    } finally {
      await shield.close();
    }
  });

  it("loads with the file's commented-out scanners (Code, JSON) enabled too", async () => {
    const enabled = readFileSync(reference, 'utf8').replace(/^#( {2}- type: (?:Code|JSON)\n)#( {4}params:\n)((?:# {6}.*\n)+)/gm, (_all, type: string, params: string, body: string) => `${type}${params}${body.replace(/^#/gm, '')}`);
    expect(enabled).toMatch(/^ {2}- type: JSON$/m);
    const path = join(work, 'enabled.yml');
    writeFileSync(path, enabled);
    const shield = await createShield({ configFile: path, env, unknownScanners: 'skip' });
    expect(shield.inputScanners.map((scanner) => scanner.name)).toContain('Code');
    expect(shield.outputScanners.map((scanner) => scanner.name)).toEqual(expect.arrayContaining(['Code', 'JSON']));
    await shield.close();
  });

  it('without --skip-unknown, names each missing scanner and exits 2; with it, scans', async () => {
    const refused = memoryIo();
    refused.io.env = env;
    expect(await main(['scan', '--config', reference, 'hello'], refused.io)).toBe(2);
    for (const type of MODEL_ONLY) expect(refused.stderr()).toContain(type);
    expect(refused.stderr()).not.toContain('EmotionDetection');
    const io = memoryIo();
    io.io.env = env;
    const code = await main(['scan', '--config', reference, '--skip-unknown', '--json', 'What is the capital of France?'], io.io);
    expect(io.stderr()).toMatch(/note: skipped input_scanners\[\d+\] BanTopics/);
    expect(JSON.parse(io.stdout()).runs.length).toBeGreaterThan(10);
    expect([0, 1]).toContain(code);
  });

  it('substitutes ${ENV:default} from the environment', async () => {
    const shield = await createShield({ configFile: reference, env: { ...env, AUTH_TOKEN: 'x' }, unknownScanners: 'skip' });
    expect(shield.inputScanners.length).toBeGreaterThan(10);
    await shield.close();
  });
});

describe('llm-shield scan --scanners Anonymize (the README example of issue 12)', () => {
  it('prints the sanitized prompt with placeholders and the findings', async () => {
    const io = memoryIo();
    io.io.env = env;
    const code = await main(['scan', '--scanners', 'Anonymize', '--json', 'Email john.doe@acme.com or call +1 415 555 0100'], io.io);
    const result = JSON.parse(io.stdout());
    expect(code).toBe(1);
    expect(result.sanitizedText).toBe('Email [REDACTED_EMAIL_ADDRESS_1] or call [REDACTED_PHONE_NUMBER_1]');
    expect(result.runs[0].result.findings.map((finding: { category: string }) => finding.category).sort()).toEqual(['EMAIL_ADDRESS', 'PHONE_NUMBER']);
    const human = memoryIo();
    human.io.env = env;
    await main(['scan', '--scanners', 'Anonymize', '--show-sanitized', 'Email john.doe@acme.com'], human.io);
    expect(human.stdout()).toContain('sanitized: Email [REDACTED_EMAIL_ADDRESS_1]');
  });
});
