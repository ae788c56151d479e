import { describe, expect, it } from 'vitest';
import { codeLineScore, findCodeBlocks, MAX_CODE_BLOCKS } from './code-blocks.js';

describe('findCodeBlocks', () => {
  it('finds a fenced block with its info string and exact span', () => {
    const text = 'Try this:\n```Python\nprint("hi")\nx = 1\n```\nThanks!';
    const [block] = findCodeBlocks(text);
    expect(block).toMatchObject({ kind: 'fenced', hint: 'python', confidence: 1 });
    expect(text.slice(block!.span.start, block!.span.end)).toBe('print("hi")\nx = 1');
  });

  it('runs an unclosed fence to the end and accepts ~~~ fences', () => {
    expect(findCodeBlocks('```\nrm -rf /tmp/x\nls -la')[0]?.span.text).toBe('rm -rf /tmp/x\nls -la');
    expect(findCodeBlocks('~~~js\nlet a = 1;\n~~~')[0]).toMatchObject({ kind: 'fenced', hint: 'js' });
  });

  it('finds unfenced code lines as one block, with blank and indented lines inside', () => {
    const text = 'Here is my code:\n\ndef add(a, b):\n    return a + b\n\nprint(add(1, 2))\nWhat is wrong with it?';
    const blocks = findCodeBlocks(text);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.kind).toBe('unfenced');
    expect(blocks[0]!.span.text).toBe('def add(a, b):\n    return a + b\n\nprint(add(1, 2))');
    expect(blocks[0]!.confidence).toBeGreaterThan(0.97);
  });

  it('finds inline code that reads as code, not emphasised words', () => {
    const text = 'Call `getUser(id)` and then `save()`; the word `hello` is just a word.';
    const inline = findCodeBlocks(text);
    expect(inline.map((b) => b.span.text)).toEqual(['getUser(id)', 'save()']);
    expect(inline[0]!.span.start).toBe(text.indexOf('getUser'));
  });

  it('leaves prose alone', () => {
    for (const prose of [
      'Write a Python function that returns the longest word in a list of words.',
      'The meeting is at 10:30. Please bring your laptop; we will review the slides.',
      'I love cats (and dogs) = pets.',
      '1. Preheat the oven.\n2. Mix the flour and the eggs.\n3. Bake for 20 minutes.',
      'Est-ce que tu peux m’aider à écrire une lettre ?',
    ]) {
      expect(findCodeBlocks(prose)).toEqual([]);
    }
  });

  it('scores code lines above prose lines', () => {
    expect(codeLineScore('for (let i = 0; i < n; i++) {')).toBeGreaterThanOrEqual(2);
    expect(codeLineScore('SELECT * FROM users WHERE id = 1;')).toBeGreaterThanOrEqual(2);
    expect(codeLineScore('Please tell me a story about a dragon and a knight.')).toBe(0);
    expect(codeLineScore('')).toBe(0);
  });

  it('stays bounded and linear on 10 MB adversarial input', () => {
    const inputs = [
      'a.a.'.repeat(2_500_000),
      'x('.repeat(5_000_000),
      '`'.repeat(10_000_000),
      '```\n'.repeat(2_500_000),
      'x = 1;\n'.repeat(1_500_000),
      '`a()` '.repeat(1_700_000),
      ' '.repeat(10_000_000),
    ];
    for (const text of inputs) {
      const blocks = findCodeBlocks(text);
      expect(blocks.length).toBeLessThanOrEqual(MAX_CODE_BLOCKS);
      for (const b of blocks) expect(text.slice(b.span.start, b.span.end)).toBe(b.span.text);
    }
  }, 120_000);
});
