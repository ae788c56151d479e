import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { createBanCodeOutputScanner, createBanCodeScanner } from './ban-code.js';

const context = { vault: new Vault() };

describe('BanCode', () => {
  const scanner = createBanCodeScanner();

  it('flags fenced and unfenced code with spans, passes prose', async () => {
    const fenced = 'Fix this:\n```js\nconst a = 1;\n```';
    const result = await scanner.scan(fenced, context);
    expect(result.valid).toBe(false);
    expect(result.findings[0]).toMatchObject({ category: 'code', rules: ['code:fenced'] });
    expect(result.findings[0]!.spans[0]!.text).toBe('const a = 1;');
    expect(result.riskScore).toBeGreaterThan(0);

    const unfenced = 'import os\nfor name in os.listdir("."):\n    print(name)';
    expect((await scanner.scan(unfenced, context)).valid).toBe(false);

    const prose = await scanner.scan('Can you explain how photosynthesis works in simple terms?', context);
    expect(prose.valid).toBe(true);
    expect(prose.score).toBe(0);
    expect((await scanner.scan('', context)).valid).toBe(true);
  });

  it('threshold decides: a lone inline snippet passes the default but not a low threshold', async () => {
    const text = 'Use `npm install` to set it up.';
    expect((await scanner.scan(text, context)).valid).toBe(true);
    expect((await createBanCodeScanner({ threshold: 0.3 }).scan(text, context)).valid).toBe(false);
  });

  it('output variant reads the answer', async () => {
    const out = createBanCodeOutputScanner();
    expect((await out.scan('```py\nx = 1\n```', 'Sure, here is a poem about the sea.', context)).valid).toBe(true);
    expect((await out.scan('hi', '```py\nx = 1\n```', context)).valid).toBe(false);
  });

  it('10 MB inputs give bounded results', async () => {
    const code = await scanner.scan('x = compute(y);\n'.repeat(700_000), context);
    expect(code.valid).toBe(false);
    expect(code.findings[0]!.spans.length).toBeLessThanOrEqual(100);
    expect((await scanner.scan('The sky is blue and the grass is green today. '.repeat(220_000), context)).valid).toBe(true);
  }, 120_000);

  it('refuses unknown options and bad thresholds', () => {
    expect(() => createBanCodeScanner({ model: 'x' } as never)).toThrow(InvalidConfigError);
    try {
      createBanCodeScanner({ threshold: 2 });
    } catch (error) {
      expect((error as InvalidConfigError).details).toMatchObject({ scanner: 'BanCode', field: 'threshold', value: 2 });
    }
    expect(() => createBanCodeScanner({ threshold: 2 })).toThrow(InvalidConfigError);
  });
});
