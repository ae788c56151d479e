import { InvalidConfigError, Vault } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { CODE_IDENTIFY_BUDGET, createCodeOutputScanner, createCodeScanner } from './code.js';

const context = { vault: new Vault() };
const python = 'Here you go:\n```python\ndef add(a, b):\n    return a + b\n```';
const javascript = 'function add(a, b) {\n  return a + b;\n}\nconsole.log(add(1, 2));';

describe('Code', () => {
  it('blocks listed languages (fence info string and rules), passes others', async () => {
    const scanner = createCodeScanner({ languages: ['Python'] });
    const result = await scanner.scan(python, context);
    expect(result.valid).toBe(false);
    expect(result.findings[0]).toMatchObject({ category: 'Python', rules: ['code:fenced:fence-info'] });
    expect(result.findings[0]!.spans[0]!.text).toBe('def add(a, b):\n    return a + b');
    expect((await scanner.scan('import os\nprint(os.getcwd())\nfor f in os.listdir("."):\n    print(f)', context)).valid).toBe(false);
    expect((await scanner.scan(javascript, context)).valid).toBe(true);
    expect((await scanner.scan('What is the tallest mountain in Europe?', context)).valid).toBe(true);
  });

  it('isBlocked false allows only the listed languages', async () => {
    const scanner = createCodeScanner({ languages: ['py'], isBlocked: false });
    expect((await scanner.scan(python, context)).valid).toBe(true);
    const result = await scanner.scan(javascript, context);
    expect(result.valid).toBe(false);
    expect(result.findings[0]?.category).toBe('JavaScript');
    expect(result.explanation).toContain('not among the allowed languages');
  });

  it('output variant reads the answer; empty text passes', async () => {
    const scanner = createCodeOutputScanner({ languages: ['JavaScript'] });
    expect((await scanner.scan('write js', javascript, context)).valid).toBe(false);
    expect((await scanner.scan(javascript, 'No code here, sorry.', context)).valid).toBe(true);
    expect((await scanner.scan('x', '', context)).score).toBe(0);
  });

  it('10 MB inputs: bounded identification, fenced blocks still named by their info string', async () => {
    const filler = 'let x = 1;\n'.repeat(Math.ceil(CODE_IDENTIFY_BUDGET / 5));
    const text = `${'```js\n' + filler + '```\n'}${'words and more words here. '.repeat(380_000)}\n\`\`\`python\nprint(1)\n\`\`\``;
    expect(text.length).toBeGreaterThan(10_000_000);
    const result = await createCodeScanner({ languages: ['Python'] }).scan(text, context);
    expect(result.valid).toBe(false);
    expect(result.findings[0]!.spans[0]!.text).toBe('print(1)');
  }, 120_000);

  it('refuses bad configurations, naming the option', () => {
    const details = (config: unknown) => {
      try {
        createCodeScanner(config as never);
      } catch (error) {
        expect(InvalidConfigError.isInstance(error)).toBe(true);
        return (error as InvalidConfigError).details;
      }
      throw new Error('accepted');
    };
    expect(details({})).toMatchObject({ scanner: 'Code', field: 'languages' });
    expect(details({ languages: [] })).toMatchObject({ field: 'languages' });
    expect(details({ languages: ['Brainfork'] })).toMatchObject({ field: 'languages', value: 'Brainfork' });
    expect(details({ languages: ['Python'], isBlocked: 'yes' })).toMatchObject({ field: 'isBlocked', value: 'yes' });
    expect(details({ languages: ['Python'], threshold: -1 })).toMatchObject({ field: 'threshold' });
    expect(details({ languages: ['Python'], allowed: ['Go'] })).toMatchObject({ option: 'allowed' });
  });
});
