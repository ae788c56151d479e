import { InvalidConfigError, Vault } from '@llm-shield/core';
import { encode as encodeCl100k } from 'gpt-tokenizer/encoding/cl100k_base';
import { describe, expect, it } from 'vitest';
import { loadTokenEncoding } from './token-encodings.js';
import { countTokensUpTo, maxTokenCount, TokenLimit } from './token-limit.js';

const context = { vault: new Vault() };
const prose =
  'The quick brown fox jumps over the lazy dog. Ünïcödé wörds, numbers 12345 and emoji 😀 are tokenised too; ' +
  "it's a test — of chunking, punctuation!!! and    spaces.\n";

describe('TokenLimit', { timeout: 120_000 }, () => {
  it('passes prompts within the limit and truncates longer ones to the first limit tokens', async () => {
    const s = new TokenLimit({ limit: 10 });
    const short = await s.scan('Hello world', context);
    expect(short.valid).toBe(true);
    expect(short.riskScore).toBe(-1);
    const r = await s.scan(prose, context);
    expect(r.valid).toBe(false);
    expect(r.riskScore).toBe(1);
    const expected = (await loadTokenEncoding('cl100k_base')).decode(encodeCl100k(prose).slice(0, 10));
    expect(r.sanitizedText).toBe(expected);
    expect(r.findings[0]!.spans[0]!.start).toBe(expected.length);
  });

  it('counts exactly like encoding the whole text, across chunk cuts', async () => {
    const encoding = await loadTokenEncoding('cl100k_base');
    const text = prose.repeat(40);
    const whole = encodeCl100k(text);
    const { count, exceeded, head } = countTokensUpTo(encoding, text, 1_000_000);
    expect(exceeded).toBe(false);
    expect(count).toBe(whole.length);
    expect(head).toEqual(whole);
  });

  it('bounds the token count by the UTF-8 length (the shortcut for short prompts)', async () => {
    const encoding = await loadTokenEncoding('cl100k_base');
    for (const text of [prose, '😀😀 é 日本語 \uD800 x', '<|endoftext|>']) {
      expect(maxTokenCount(text)).toBeGreaterThanOrEqual(encoding.encode(text).length);
    }
    const exact = new TokenLimit({ limit: encodeCl100k('a b c d').length });
    expect((await exact.scan('a b c d', context)).valid).toBe(true);
    expect((await exact.scan('a b c d e', context)).valid).toBe(false);
  });

  it('uses o200k_base and model names', async () => {
    const o = new TokenLimit({ encodingName: 'o200k_base', limit: 5 });
    expect(o.config.encodingName).toBe('o200k_base');
    expect((await o.scan(prose, context)).valid).toBe(false);
    expect(new TokenLimit({ modelName: 'gpt-4o' }).config.encodingName).toBe('o200k_base');
    expect(new TokenLimit({ modelName: 'gpt-4' }).config.encodingName).toBe('cl100k_base');
  });

  it('treats special-token text as ordinary text and passes blank prompts', async () => {
    const s = new TokenLimit({ limit: 100 });
    expect((await s.scan('<|endoftext|> hi', context)).valid).toBe(true);
    expect((await s.scan('   \n', context)).valid).toBe(true);
  });

  it('refuses bad options', () => {
    expect(() => new TokenLimit({ limit: 0 })).toThrow(InvalidConfigError);
    expect(() => new TokenLimit({ limit: 1.5 })).toThrow(/limit/);
    expect(() => new TokenLimit({ encodingName: 'gpt2' as never })).toThrow(/encodingName/);
    expect(() => new TokenLimit({ modelName: 'no-such-model' })).toThrow(/modelName/);
    expect(() => new TokenLimit({ chunks: true } as never)).toThrow(/unknown option/);
  });

  it('handles 10 MB adversarial prompts (one endless word, emoji, digits) without a quadratic blow-up', async () => {
    const s = new TokenLimit();
    for (const text of ['a'.repeat(10 * 1024 * 1024), '😀'.repeat(5 * 1024 * 1024), '7'.repeat(10 * 1024 * 1024)]) {
      const r = await s.scan(text, context);
      expect(r.valid).toBe(false);
      expect(r.sanitizedText.length).toBeGreaterThan(0);
      expect(r.sanitizedText.length).toBeLessThan(4096 * 16);
    }
    const big = new TokenLimit({ limit: 10_000_000 });
    const r = await big.scan('b'.repeat(1024 * 1024), context);
    expect(r.valid).toBe(true);
  });
});
