import { modelToEncodingMap } from 'gpt-tokenizer/mapping';

/** The tiktoken encodings TokenLimit can use; all ship inside `gpt-tokenizer` (no download). */
export const TOKEN_ENCODING_NAMES = ['cl100k_base', 'o200k_base', 'p50k_base', 'r50k_base'] as const;

/** One of {@link TOKEN_ENCODING_NAMES}. */
export type TokenEncodingName = (typeof TOKEN_ENCODING_NAMES)[number];

/** What TokenLimit needs of an encoding. */
export interface TokenEncoding {
  /** Tokens of `text`, special-token text encoded as ordinary text. */
  encode(text: string): number[];
  /** Text of `tokens`. */
  decode(tokens: number[]): string;
}

const loaded = new Map<TokenEncodingName, Promise<TokenEncoding>>();
const ORDINARY = { disallowedSpecial: new Set<string>() };

/**
 * Loads an encoding once (the ranks are a large module, imported only when a scanner first needs them).
 *
 * @param name - one of {@link TOKEN_ENCODING_NAMES}
 */
export function loadTokenEncoding(name: TokenEncodingName): Promise<TokenEncoding> {
  let promise = loaded.get(name);
  if (!promise) {
    promise = importEncoding(name).then((api) => ({
      // Options cost a special-token set per call; they are only needed when the text may hold one (`<|…|>`).
      encode: (text: string) => (text.includes('<|') ? api.encode(text, ORDINARY) : api.encode(text)),
      decode: (tokens: number[]) => api.decode(tokens),
    }));
    loaded.set(name, promise);
  }
  return promise;
}

interface EncodingModule {
  encode(text: string, options?: { disallowedSpecial?: Set<string> }): number[];
  decode(tokens: number[]): string;
}

async function importEncoding(name: TokenEncodingName): Promise<EncodingModule> {
  switch (name) {
    case 'cl100k_base':
      return import('gpt-tokenizer/encoding/cl100k_base');
    case 'o200k_base':
      return import('gpt-tokenizer/encoding/o200k_base');
    case 'p50k_base':
      return import('gpt-tokenizer/encoding/p50k_base');
    case 'r50k_base':
      return import('gpt-tokenizer/encoding/r50k_base');
  }
}

/** Model families on `o200k_base` that `gpt-tokenizer`'s table leaves to its default (tiktoken maps them by prefix). */
const O200K_FAMILIES = /^(?:gpt-4o|chatgpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o[1-9])(?:$|[-.])/;

/**
 * The encoding of an OpenAI model name (`gpt-4` → `cl100k_base`, `gpt-4o` → `o200k_base`), from `gpt-tokenizer`'s
 * table and tiktoken's prefixes, or undefined for a name neither knows.
 */
export function encodingForModel(model: string): TokenEncodingName | undefined {
  const name = (modelToEncodingMap as Record<string, string>)[model] ?? (O200K_FAMILIES.test(model) ? 'o200k_base' : undefined);
  return (TOKEN_ENCODING_NAMES as readonly string[]).includes(name ?? '') ? (name as TokenEncodingName) : undefined;
}
