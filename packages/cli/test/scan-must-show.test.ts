/**
 * Issue 13, "must show": `llm-shield scan` with the default scanners and configuration (the embedded models,
 * offline) passes 20 ordinary prompts in 10 languages and flags 10 indirect injections (emails and web pages with
 * an embedded instruction). The fixtures in `test/fixtures/must-show/` were written for this test by hand; none is
 * taken from a dataset the models were trained or calibrated on.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.js';
import { memoryIo } from './memory-io.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/must-show/', import.meta.url));
const emptyCache = mkdtempSync(join(tmpdir(), 'llm-shield-must-show-cache-'));
afterAll(() => rmSync(emptyCache, { recursive: true, force: true }));

interface Run {
  readonly scanner: string;
  readonly result: { readonly valid: boolean; readonly method: string };
}

async function scan(args: string[]): Promise<{ code: number; valid: boolean; runs: Run[] }> {
  const io = memoryIo();
  io.io.env = { LLM_SHIELD_HUB_CACHE: emptyCache };
  const code = await main(['scan', '--json', ...args], io.io);
  const result = JSON.parse(io.stdout()) as { valid: boolean; runs: Run[] };
  return { code, valid: result.valid, runs: result.runs };
}

const prompts = JSON.parse(readFileSync(join(FIXTURES, 'ordinary-prompts.json'), 'utf8')) as { lang: string; text: string }[];
const indirect = readdirSync(join(FIXTURES, 'indirect')).sort();

describe('llm-shield scan, default scanners: ordinary prompts in 10 languages and indirect injections', () => {
  it('the fixtures hold 20 prompts in 10 languages (2 each) and 10 indirect injections', () => {
    expect(prompts).toHaveLength(20);
    const langs = new Set(prompts.map((p) => p.lang));
    expect(langs.size).toBe(10);
    for (const lang of langs) expect(prompts.filter((p) => p.lang === lang)).toHaveLength(2);
    expect(indirect).toHaveLength(10);
  });

  it.each(prompts.map((p) => [p.lang, p.text] as const))('valid: [%s] %s', async (_lang, text) => {
    const { code, valid, runs } = await scan([text]);
    expect({ code, valid }).toEqual({ code: 0, valid: true });
    // the default set really ran the embedded prompt-injection model on it
    expect(runs.find((r) => r.scanner === 'PromptInjection')?.result).toMatchObject({ valid: true, method: 'ml' });
  });

  it.each(indirect)('flagged by PromptInjection: %s', async (name) => {
    const { code, valid, runs } = await scan(['--file', join(FIXTURES, 'indirect', name)]);
    expect({ code, valid }).toEqual({ code: 1, valid: false });
    expect(runs.find((r) => r.scanner === 'PromptInjection')?.result).toMatchObject({ valid: false, method: 'ml' });
  });
});
