export type { EncodeOptionsV1, EncodingV1, TokenizerV1, TruncationV1 } from '@llm-shield/core';
export * from './encode-options.js';
export { createTokenizer, DEFAULT_MODEL_MAX_LENGTH, type Tokenizer, type TokenizerConfigJson, type TokenizerJson } from './tokenizer.js';
export { tokenizerJsonFromSentencePiece, type SentencePieceConversionOptions } from './sentencepiece.js';
