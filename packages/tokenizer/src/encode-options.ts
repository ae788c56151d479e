import { InvalidConfigError, type EncodeOptionsV1, type TruncationV1 } from '@llm-shield/core';

/** {@link EncodeOptionsV1} with every default filled in. */
export interface ResolvedEncodeOptions {
  maxLength: number;
  truncation: TruncationV1;
  padding: 'none' | 'longest' | 'max-length';
  addSpecialTokens: boolean;
}

/**
 * Validates encode options and fills defaults: `maxLength` = `modelMaxLength`, truncation `right`, padding
 * `longest`, special tokens added. Raises {@link InvalidConfigError} when `maxLength` is not a positive integer
 * or exceeds `modelMaxLength`, or when head + tail exceeds `maxLength` minus `specialTokenCount`.
 *
 * @param options - the caller's options (default `{}`)
 * @param modelMaxLength - the model's maximum sequence length
 * @param specialTokenCount - special tokens added around one sequence (2 for `[CLS] … [SEP]` and `<s> … </s>`)
 */
export function resolveEncodeOptions(
  options: EncodeOptionsV1 = {},
  modelMaxLength: number,
  specialTokenCount: number,
): ResolvedEncodeOptions {
  const maxLength = options.maxLength ?? modelMaxLength;
  if (!Number.isInteger(maxLength) || maxLength <= 0) {
    throw new InvalidConfigError(`maxLength must be a positive integer, got ${JSON.stringify(options.maxLength)}.`);
  }
  if (maxLength > modelMaxLength) {
    throw new InvalidConfigError(`maxLength ${maxLength} exceeds the model's maximum of ${modelMaxLength} tokens.`);
  }
  const addSpecialTokens = options.addSpecialTokens ?? true;
  const room = maxLength - (addSpecialTokens ? specialTokenCount : 0);
  if (room <= 0) throw new InvalidConfigError(`maxLength ${maxLength} leaves no room for text after ${specialTokenCount} special tokens.`);
  const truncation = options.truncation ?? { strategy: 'right' };
  if (truncation.strategy === 'head-tail') {
    const { head, tail } = truncation;
    if (!Number.isInteger(head) || !Number.isInteger(tail) || head < 0 || tail < 0 || head + tail === 0 || head + tail > room) {
      throw new InvalidConfigError(`head-tail truncation needs integers head, tail ≥ 0 with 0 < head + tail ≤ ${room}; got ${head} + ${tail}.`);
    }
  } else if (truncation.strategy !== 'right' && truncation.strategy !== 'none') {
    throw new InvalidConfigError(`Unknown truncation strategy ${JSON.stringify((truncation as { strategy: unknown }).strategy)}.`);
  }
  const padding = options.padding ?? 'longest';
  if (padding !== 'none' && padding !== 'longest' && padding !== 'max-length') {
    throw new InvalidConfigError(`padding must be none, longest or max-length, got ${JSON.stringify(padding)}.`);
  }
  return { maxLength, truncation, padding, addSpecialTokens };
}
