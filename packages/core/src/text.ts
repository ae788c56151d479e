import { InputTooLargeError, InvalidInputError } from './errors.js';

/** Default maximum input length in UTF-16 code units: 10 Mi (about 10 MB of ASCII). */
export const DEFAULT_MAX_INPUT_LENGTH = 10 * 1024 * 1024;

/** What {@link prepareText} did to the input. */
export interface PreparedText {
  /** The text to scan: the input with every lone surrogate replaced by U+FFFD (same length, so offsets hold). */
  text: string;
  /** Number of lone (unpaired) surrogates replaced. */
  loneSurrogates: number;
}

/**
 * Validates and repairs a text before scanning. Non-strings raise {@link InvalidInputError}; texts longer than
 * `maxLength` raise {@link InputTooLargeError}; invalid UTF-16 (lone surrogates) is replaced with U+FFFD, one
 * code unit for one, so offsets into the result are offsets into the input.
 *
 * @param input - the value to scan
 * @param maxLength - maximum length in UTF-16 code units (default {@link DEFAULT_MAX_INPUT_LENGTH})
 */
export function prepareText(input: unknown, maxLength: number = DEFAULT_MAX_INPUT_LENGTH): PreparedText {
  if (typeof input !== 'string') {
    throw new InvalidInputError(`Expected a string to scan, got ${input === null ? 'null' : typeof input}.`, {
      details: { receivedType: input === null ? 'null' : typeof input },
    });
  }
  if (input.length > maxLength) {
    throw new InputTooLargeError(
      `Input is ${input.length} UTF-16 code units, above the limit of ${maxLength}. Split it or raise maxInputLength.`,
      { details: { length: input.length, maxLength } },
    );
  }
  if (isWellFormed(input)) return { text: input, loneSurrogates: 0 };
  let loneSurrogates = 0;
  const text = input.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, () => {
    loneSurrogates++;
    return '\uFFFD';
  });
  return { text, loneSurrogates };
}

function isWellFormed(text: string): boolean {
  const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  if (typeof native === 'function') return native.call(text);
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
