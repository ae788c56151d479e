import { InvalidConfigError, scanOutput, scanPrompt, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { OutputToxicity, Toxicity } from './toxicity.js';

const context = { vault: new Vault() };

describe('Toxicity', () => {
  it('flags an insult and passes a benign question', async () => {
    const scanner = new Toxicity();
    const toxic = await scanner.scan('You are a stupid idiot and I hate you', context);
    expect(toxic.valid).toBe(false);
    expect(toxic.findings.length).toBeGreaterThan(0);
    const clean = await scanner.scan('Tell me about the history of Rome', context);
    expect(clean.valid).toBe(true);
  });

  it('keeps two Toxicity scanners with different thresholds apart in one pipeline', async () => {
    const result = await scanPrompt([new Toxicity({ threshold: 0.01 }), new Toxicity({ threshold: 1 })], 'You are a stupid idiot');
    expect(result.runs.map((run) => run.id)).toEqual(['Toxicity', 'Toxicity#2']);
    expect(result.failedScanners).toEqual(['Toxicity']);
  });

  it('scores only the output in output mode', async () => {
    const result = await scanOutput([new OutputToxicity()], 'You are a stupid idiot', 'Here is a polite answer.');
    expect(result.valid).toBe(true);
  });

  it.each([{ categories: ['rude'] }, { threshold: -1 }, { mode: 'remote' }])('refuses config %j', (config) => {
    expect(() => new Toxicity(config as never)).toThrow(InvalidConfigError);
  });
});
