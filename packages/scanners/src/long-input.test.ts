import { AbortedError, InvalidConfigError } from '@llm-shield/core';
import { createTokenizer } from '@llm-shield/tokenizer';
import { describe, expect, it } from 'vitest';
import { idOf, TOKENIZER_JSON } from '../test/fake-model.js';
import { resolveLongInput, splitForModel, splitForModelAsync, TOKENIZE_SEGMENT_CHARACTERS } from './long-input.js';

const tokenizer = createTokenizer(TOKENIZER_JSON, { model_max_length: 8 });
const CLS = idOf('[CLS]');
const SEP = idOf('[SEP]');
const spans = (text: string, parts: Array<{ start: number; end: number }>) => parts.map((part) => text.slice(part.start, part.end));

describe('splitForModel', () => {
  const text = 'hello world . you are stupid . i love this weather today';

  it('keeps the default mode full when only lengths are given (llm-guard model_max_length alone)', () => {
    expect(resolveLongInput('X', { maxLength: 256 })).toMatchObject({ mode: 'full', maxLength: 256 });
  });
  it('full: one part cut after the window, its span ending at the last kept token', () => {
    const { parts, truncated } = splitForModel(text, tokenizer, resolveLongInput('X', 'full'));
    expect(truncated).toBe(true);
    expect(parts).toHaveLength(1);
    expect(parts[0]!.encoding.ids).toHaveLength(8);
    expect(spans(text, parts)).toEqual(['hello world . you are stupid']);
    const short = splitForModel('hello world', tokenizer, resolveLongInput('X', 'full'));
    expect(short).toMatchObject({ truncated: false, parts: [{ start: 0, end: 11 }] });
  });

  it('head-tail: the first and last tokens, 1:3 of the window by default, or as configured', () => {
    const byDefault = splitForModel(text, tokenizer, resolveLongInput('X', 'head-tail')).parts[0]!.encoding.ids;
    // window 8 → 6 content tokens: head floor(6 * 126 / 508) = 1, tail 5
    expect(byDefault).toEqual([CLS, idOf('hello'), idOf('i'), idOf('love'), idOf('this'), idOf('weather'), idOf('today'), SEP]);
    const configured = splitForModel(text, tokenizer, resolveLongInput('X', { mode: 'head-tail', head: 3, tail: 3 }));
    expect(configured.parts[0]!.encoding.ids).toEqual([CLS, idOf('hello'), idOf('world'), idOf('.'), idOf('this'), idOf('weather'), idOf('today'), SEP]);
    expect(configured.truncated).toBe(true);
    // head + tail over the window are scaled down
    const scaled = splitForModel(text, tokenizer, resolveLongInput('X', { mode: 'head-tail', head: 10, tail: 10 }));
    expect(scaled.parts[0]!.encoding.ids).toHaveLength(8);
  });

  it('sentence: one part per sentence, each cut at the window', () => {
    const input = 'Hello world. You are stupid! I love this weather today and the nice good weather';
    const { parts, truncated } = splitForModel(input, tokenizer, resolveLongInput('X', 'sentence'));
    expect(spans(input, parts)).toEqual(['Hello world.', 'You are stupid!', 'I love this weather today and']);
    expect(truncated).toBe(true);
    expect(parts.every((part) => part.encoding.ids[0] === CLS && part.encoding.ids.at(-1) === SEP)).toBe(true);
  });

  it('chunks of tokens: overlapping windows covering every token, with type ids and rebased offsets', () => {
    const input = 'hello world you are stupid i love this weather today';
    const { parts, truncated } = splitForModel(input, tokenizer, resolveLongInput('X', { mode: 'chunks', size: 4, overlap: 1 }));
    expect(truncated).toBe(false);
    expect(spans(input, parts)).toEqual(['hello world you are', 'are stupid i love', 'love this weather today']);
    for (const part of parts) {
      expect(part.encoding.ids[0]).toBe(CLS);
      expect(part.encoding.ids.at(-1)).toBe(SEP);
      expect(part.encoding.tokenTypeIds).toEqual(new Array(part.encoding.ids.length).fill(0));
      const [s, e] = part.encoding.offsets[1]!;
      expect(input.slice(part.start + s, part.start + e)).toBe(input.slice(part.start).split(' ')[0]);
    }
  });

  it('chunks of characters: overlapping windows, never splitting a surrogate pair', () => {
    const input = 'ab😀cdefgh';
    const { parts } = splitForModel(input, tokenizer, resolveLongInput('X', { mode: 'chunks', unit: 'characters', size: 4, overlap: 1 }));
    for (const part of parts) {
      const piece = input.slice(part.start, part.end);
      expect(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(piece)).toBe(false);
    }
    expect(parts[0]!.start).toBe(0);
    expect(parts.at(-1)!.end).toBe(input.length);
  });

  it('always gives a part, even for empty text', () => {
    for (const mode of ['full', 'head-tail', 'sentence', 'chunks'] as const) {
      const { parts } = splitForModel('', tokenizer, resolveLongInput('X', mode));
      expect(parts).toHaveLength(1);
      expect(parts[0]!.encoding.ids).toEqual([CLS, SEP]);
    }
  });

  it.each([{ mode: 'middle' }, { mode: 'chunks', size: 4, overlap: 4 }, { mode: 'full', maxLength: 1 }, { mode: 'full', extra: 1 }, 42])(
    'refuses longInput %j',
    (option) => {
      expect(() => resolveLongInput('X', option)).toThrow(InvalidConfigError);
    },
  );
});

describe('splitForModelAsync', () => {
  const words = ['hello', 'world', 'you', 'are', 'stupid', 'i', 'love', 'this', 'weather', 'today', '.'];
  const long = Array.from({ length: 9000 }, (_, k) => words[(k * 7) % words.length]).join(' ');

  it('gives the parts of splitForModel for a long text tokenized in segments', async () => {
    expect(long.length).toBeGreaterThan(TOKENIZE_SEGMENT_CHARACTERS * 2);
    const config = resolveLongInput('X', 'chunks');
    const sync = splitForModel(long, tokenizer, config);
    const async = await splitForModelAsync(long, tokenizer, config);
    expect(async.parts.length).toBe(sync.parts.length);
    expect(async.parts.map((part) => [part.start, part.end])).toEqual(sync.parts.map((part) => [part.start, part.end]));
    expect(async.parts.map((part) => part.encoding.ids)).toEqual(sync.parts.map((part) => part.encoding.ids));
  });

  it('stops with AbortedError when its signal aborts between segments', async () => {
    const controller = new AbortController();
    const pending = splitForModelAsync(long, tokenizer, resolveLongInput('X', 'chunks'), controller.signal);
    controller.abort();
    await expect(pending).rejects.toSatisfy(AbortedError.isInstance);
  });
});
