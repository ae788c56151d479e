import { createScanResult, throwIfAborted, type InputScannerV1, type ScanContextV1, type ScanResultV1 } from '@llm-shield/core';
import { assertKnownKeys } from '../scanner-config.js';
import { invalidOption, readEnum, readInteger } from './rule-options.js';
import { RULE_THRESHOLD } from './rule-scanner.js';
import { encodingForModel, loadTokenEncoding, TOKEN_ENCODING_NAMES, type TokenEncoding, type TokenEncodingName } from './token-encodings.js';

/** Options of {@link TokenLimit} (llm-guard's, in camelCase). */
export interface TokenLimitConfig {
  /** Most tokens a prompt may have (default 4096). */
  limit?: number;
  /** The tiktoken encoding (default `cl100k_base`). */
  encodingName?: TokenEncodingName;
  /** An OpenAI model name whose encoding is used instead of `encodingName` (e.g. `gpt-4o`); default none. */
  modelName?: string;
}

/** Validated form of {@link TokenLimitConfig}. */
export interface ResolvedTokenLimitConfig {
  readonly limit: number;
  readonly encodingName: TokenEncodingName;
}

const KEYS = ['limit', 'encodingName', 'modelName'] as const;

/** Validates {@link TokenLimitConfig}; raises `InvalidConfigError`. */
export function resolveTokenLimitConfig(scanner: string, config: TokenLimitConfig = {}): ResolvedTokenLimitConfig {
  assertKnownKeys(scanner, config, KEYS);
  const c = config ?? {};
  const limit = readInteger(scanner, 'limit', c.limit, 4096, 1, 100_000_000);
  let encodingName = readEnum<TokenEncodingName>(scanner, 'encodingName', c.encodingName, 'cl100k_base', TOKEN_ENCODING_NAMES);
  if (c.modelName !== undefined) {
    const fromModel = typeof c.modelName === 'string' ? encodingForModel(c.modelName) : undefined;
    if (!fromModel) throw invalidOption(scanner, 'modelName', c.modelName, `an OpenAI model name whose encoding is one of ${TOKEN_ENCODING_NAMES.join(', ')}`);
    encodingName = fromModel;
  }
  return Object.freeze({ limit, encodingName });
}

/** Longest chunk handed to the tokenizer when a safe cut is found in it. */
const CHUNK = 512;
/** Hard cut for runs with no safe cut (BPE is quadratic in a piece's length; this bounds it). */
const HARD_CUT = 256;

function isLetterOrDigit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code >= 0xc0;
}
function isLetter(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && !(code >= 0xd800 && code <= 0xdfff) && code !== 0x3000);
}

/**
 * The next cut of `text` after `start`: the last position within {@link CHUNK} code units where a single space sits
 * between a letter or digit and a letter, a place where the cl100k/o200k pre-tokenizers start a new piece anyway
 * (so the tokens are those of the whole text); without one, a hard cut after {@link HARD_CUT} (not inside a
 * surrogate pair), where tokens may differ from the whole text's near the cut.
 */
function nextCut(text: string, start: number): number {
  const end = Math.min(text.length, start + CHUNK);
  if (end === text.length) return end;
  for (let i = end - 1; i > start; i--) {
    if (text.charCodeAt(i) === 0x20 && isLetterOrDigit(text.charCodeAt(i - 1)) && isLetter(text.charCodeAt(i + 1))) return i;
  }
  let cut = start + HARD_CUT;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut++;
  return cut;
}

/**
 * An upper bound of the number of tokens of `text`: its UTF-8 length (every token holds at least one byte; a lone
 * surrogate is encoded as U+FFFD, three bytes, which the bound covers).
 */
export function maxTokenCount(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return bytes;
}

/** Counts tokens of `text` up to `limit + 1` and keeps the first `limit`; linear in the text read. */
export function countTokensUpTo(encoding: TokenEncoding, text: string, limit: number): { count: number; exceeded: boolean; head: number[] } {
  const head: number[] = [];
  let count = 0;
  for (let start = 0; start < text.length; ) {
    const cut = nextCut(text, start);
    const tokens = encoding.encode(text.slice(start, cut));
    count += tokens.length;
    for (let k = 0; k < tokens.length && head.length < limit; k++) head.push(tokens[k]!);
    if (count > limit) return { count, exceeded: true, head };
    start = cut;
  }
  return { count, exceeded: false, head };
}

/**
 * llm-guard's TokenLimit (input): a prompt of more than `limit` tokens (default 4096, encoding `cl100k_base`) is
 * invalid and its `sanitizedText` is its first `limit` tokens. Tokens are counted with `gpt-tokenizer` (faster than
 * `js-tiktoken` on this project's benchmark corpus, see docs/performance.md), whose encodings ship in the package:
 * no download. Counting stops once the limit is passed, so a 10 MB prompt costs what its first `limit` tokens cost.
 * Differences from llm-guard: a prompt of exactly `limit` tokens passes (llm-guard flags it); special-token text such
 * as `<|endoftext|>` is counted as ordinary text (tiktoken raises). Score 1 (risk 1) when over, else 0 (risk -1).
 */
export class TokenLimit implements InputScannerV1 {
  readonly specificationVersion = 'v1' as const;
  readonly kind = 'input' as const;
  readonly name = 'TokenLimit';
  /** The validated configuration. */
  readonly config: ResolvedTokenLimitConfig;
  private encoding: TokenEncoding | undefined;

  /** @param config - see {@link TokenLimitConfig} */
  constructor(config: TokenLimitConfig = {}) {
    this.config = resolveTokenLimitConfig('TokenLimit', config);
  }

  /** Scans a prompt (loads the encoding on first use, unless the prompt is too short to need it). */
  async scan(prompt: string, context?: ScanContextV1): Promise<ScanResultV1> {
    throwIfAborted(context?.signal, this.name);
    if (this.encoding) return this.checkWith(this.encoding, prompt);
    const encoding = await loadTokenEncoding(this.config.encodingName);
    this.encoding = encoding;
    throwIfAborted(context?.signal, this.name);
    return this.checkWith(encoding, prompt);
  }

  /** Checks one prompt with a loaded encoding. */
  checkWith(encoding: TokenEncoding, text: string): ScanResultV1 {
    const { limit } = this.config;
    if (text.trim() === '') return createScanResult({ score: 0, threshold: RULE_THRESHOLD, method: 'heuristic', sanitizedText: text, explanation: 'passed: empty prompt' });
    // Exact shortcut: a text of at most `limit` UTF-8 bytes cannot have more than `limit` tokens.
    if (text.length <= limit && maxTokenCount(text) <= limit) {
      return createScanResult({ score: 0, threshold: RULE_THRESHOLD, method: 'heuristic', sanitizedText: text, explanation: `passed: at most ${limit} tokens` });
    }
    const { count, exceeded, head } = countTokensUpTo(encoding, text, limit);
    if (!exceeded) {
      return createScanResult({ score: 0, threshold: RULE_THRESHOLD, method: 'heuristic', sanitizedText: text, explanation: `passed: ${count} tokens, limit ${limit}` });
    }
    const sanitizedText = encoding.decode(head);
    const cutAt = text.startsWith(sanitizedText) ? sanitizedText.length : undefined;
    return createScanResult({
      score: 1,
      threshold: RULE_THRESHOLD,
      method: 'heuristic',
      sanitizedText,
      findings: [
        {
          category: 'token_limit',
          score: 1,
          rules: [`${this.config.encodingName}:${limit}`],
          spans: cutAt === undefined ? [] : [{ start: cutAt, end: text.length, text: text.slice(cutAt, Math.min(text.length, cutAt + 200)) }],
        },
      ],
      explanation: `flagged: more than ${limit} tokens (${this.config.encodingName}); truncated to the first ${limit}`,
    });
  }
}
