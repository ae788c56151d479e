import * as tokenizersJs from '@huggingface/tokenizers';

/**
 * The parts of `@huggingface/tokenizers` this package uses, typed here: the package's own declaration files use
 * extension-less relative re-exports that TypeScript's NodeNext resolution cannot follow.
 */
export interface HfLibrary {
  WordPiece: new (config: object) => HfModel;
  ReplaceNormalizer: new (config: object) => { pattern: RegExp | null };
  SplitPreTokenizer: new (config: object) => { pattern: RegExp | null };
}

/** A subword model of the library. */
export interface HfModel {
  tokens_to_ids: Map<string, number>;
  unk_token_id: number | undefined;
  encode(tokens: string[]): string[];
}

/** `@huggingface/tokenizers`, typed. */
export const hf = tokenizersJs as unknown as HfLibrary;
