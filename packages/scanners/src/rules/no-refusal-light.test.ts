import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { NoRefusalLight } from './no-refusal-light.js';

const context = { vault: new Vault() };

describe('NoRefusalLight', { timeout: 120_000 }, () => {
  const s = new NoRefusalLight();

  it('flags refusals with llm-guard risk 1', async () => {
    for (const output of ["I'm sorry, but I cannot help with that.", 'As an AI language model, I must decline.', "I can't assist with that request."]) {
      const r = await s.scan('p', output, context);
      expect(r.valid, output).toBe(false);
      expect(r.riskScore).toBe(1);
      expect(r.findings[0]!.category).toBe('refusal');
    }
    const hello = await s.scan('p', 'Hello! Here is the answer.', context);
    expect(hello.findings[0]!.spans[0]).toEqual({ start: 0, end: 6, text: 'Hello!' });
  });

  it('passes answers, also where a phrase is inside another word', async () => {
    for (const output of ['Paris is the capital of France.', 'She has an idea about the sorrynot project.', 'Unethicality is a word? No.']) {
      const r = await s.scan('p', output, context);
      expect(r.valid, output).toBe(true);
      expect(r.riskScore).toBe(-1);
    }
  });

  it('takes no options and survives 10 MB', async () => {
    expect(() => new NoRefusalLight({ threshold: 0.5 } as never)).toThrow(InvalidConfigError);
    const glued = 'I cannotI cannot '.repeat(600_000);
    expect((await s.scan('p', glued, context)).valid).toBe(true);
    const r = await s.scan('p', `${glued} I cannot.`, context);
    expect(r.valid).toBe(false);
    expect(r.findings[0]!.rules).toEqual(['I cannot']);
    expect(r.findings[0]!.spans).toEqual([{ start: glued.length + 1, end: glued.length + 9, text: 'I cannot' }]);
  });
});
