import { InvalidConfigError } from '@llm-shield/core';
import { describe, expect, it } from 'vitest';
import { resolveEncodeOptions } from './encode-options.js';

describe('resolveEncodeOptions', () => {
  it('fills defaults from the model', () => {
    expect(resolveEncodeOptions(undefined, 512, 2)).toEqual({
      maxLength: 512,
      truncation: { strategy: 'right' },
      padding: 'longest',
      addSpecialTokens: true,
    });
  });
  it('accepts head-tail truncation that fits beside the special tokens', () => {
    const resolved = resolveEncodeOptions({ maxLength: 10, truncation: { strategy: 'head-tail', head: 4, tail: 4 } }, 512, 2);
    expect(resolved.truncation).toEqual({ strategy: 'head-tail', head: 4, tail: 4 });
  });
  it.each([
    [{ maxLength: 0 }],
    [{ maxLength: 1.5 }],
    [{ maxLength: 1024 }],
    [{ maxLength: 2 }],
    [{ maxLength: 10, truncation: { strategy: 'head-tail' as const, head: 5, tail: 4 } }],
    [{ maxLength: 10, truncation: { strategy: 'head-tail' as const, head: 0, tail: 0 } }],
    [{ padding: 'left' as never }],
  ])('rejects %j with a typed error', (options) => {
    expect(() => resolveEncodeOptions(options, 512, 2)).toThrow(InvalidConfigError);
  });
});
