import { InvalidConfigError } from '@llm-shield/core';
import { hf, type HfModel } from './hf-library.js';
import { BpeModel, ownCopy } from './bpe-model.js';
import { UnigramModel } from './unigram-model.js';

/** The tokens of one word: ids, and the end (in code units of the word) of each token's span. */
export interface WordTokens {
  ids: number[];
  ends: number[];
  /** Start of each token's span when not the previous token's end (BPE's byte-fallback tokens). */
  starts?: number[];
}

/** A `model` entry of `tokenizer.json`. */
export interface ModelConfig {
  type?: string;
  [key: string]: unknown;
}

const encoder = new TextEncoder();
const CACHE_CAPACITY = 20_000;
/**
 * BPE and Unigram words longer than this many UTF-16 units are tokenized in segments of this size (cut between code
 * points): the library's BPE keeps every word in its cache and its Unigram lattice holds ~16 nodes per character
 * (GBs for a 1 MB word), so one long word would take superlinear time and memory. Up to this length the ids are
 * those of the whole word (as the Rust library); past it, tokens next to a segment boundary may differ.
 */
export const MAX_MODEL_WORD = 65_536;

function byteTokenName(byte: number): string {
  return `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`;
}

/**
 * The {@link UnigramModel} of a `tokenizer.json` Unigram `model` entry, with the piece → id map (the last id of a
 * piece listed twice, as Rust builds it). Raises {@link InvalidConfigError} for a vocab that is not a non-empty list
 * of `[piece, score]` pairs or an `unk_id` outside it.
 */
function createUnigram(config: ModelConfig): { model: UnigramModel; unkId: number | undefined } {
  const vocab = config['vocab'];
  const unkId = config['unk_id'] ?? undefined;
  const usable =
    Array.isArray(vocab) &&
    vocab.length > 0 &&
    vocab.every((entry) => Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'number' && Number.isFinite(entry[1])) &&
    (unkId === undefined || (typeof unkId === 'number' && Number.isInteger(unkId) && unkId >= 0 && unkId < vocab.length));
  if (!usable) throw new InvalidConfigError('A Unigram model needs a non-empty vocab of [piece, score] pairs and an unk_id inside it.');
  const entries = vocab as Array<[string, number]>;
  return {
    model: new UnigramModel(entries, unkId as number | undefined),
    unkId: unkId as number | undefined,
  };
}

/**
 * Lets go of what `@huggingface/tokenizers`' WordPiece model keeps of the parsed `tokenizer.json` after building its
 * map: `config.vocab` (an object with one property per token). Encoding reads only the map (`tokens_to_ids`) and
 * `config`'s scalar options, which are kept.
 */
function dropParsedTables(model: HfModel): void {
  const internals = model as HfModel & { config?: unknown };
  if (typeof internals.config === 'object' && internals.config !== null) {
    internals.config = Object.fromEntries(Object.entries(internals.config).filter(([key]) => key !== 'vocab' && key !== 'merges'));
  }
}

/**
 * The subword model of a `tokenizer.json`: BPE ({@link BpeModel}, ours), Unigram ({@link UnigramModel}, ours) or
 * WordPiece (`@huggingface/tokenizers`'), each token reporting the span of the word it covers, with `byte_fallback`
 * for Unigram, unknown pieces fused as Rust does, and a per-word cache (up to 20,000 words, then cleared).
 */
export class SubwordModel {
  readonly kind: 'BPE' | 'WordPiece' | 'Unigram';
  /** Token → id: the BPE/WordPiece vocab map, Unigram's trie (no map of its 128,000 pieces: about 7 MB less heap). */
  private readonly lookup: (token: string) => number | undefined;
  private readonly unkId: number | undefined;
  private readonly byteFallback: boolean;
  private readonly fuseUnk: boolean;
  private readonly tokenizeWord: (word: string) => WordTokens;
  private readonly cache = new Map<string, WordTokens>();
  /** The BPE model itself (kind `BPE`), for callers that feed it raw byte-level words (see {@link BpeModel.encodeRawWord}). */
  readonly bpe: BpeModel | undefined = undefined;

  constructor(config: ModelConfig) {
    const type = config.type ?? (Array.isArray(config['vocab']) ? 'Unigram' : 'merges' in config ? 'BPE' : 'WordPiece');
    this.byteFallback = config['byte_fallback'] === true;
    if (type === 'BPE') {
      const model = new BpeModel(config);
      this.kind = 'BPE';
      this.bpe = model;
      this.lookup = (token) => model.vocab.get(token);
      this.unkId = model.unkId;
      this.fuseUnk = config['fuse_unk'] === true;
      this.tokenizeWord = (word) => model.tokenize(word);
    } else if (type === 'WordPiece') {
      const model = new hf.WordPiece(config);
      dropParsedTables(model);
      this.kind = 'WordPiece';
      const vocab = model.tokens_to_ids;
      this.lookup = (token) => vocab.get(token);
      this.unkId = model.unk_token_id;
      this.fuseUnk = false;
      const prefix = typeof config['continuing_subword_prefix'] === 'string' ? config['continuing_subword_prefix'] : '##';
      const unk = typeof config['unk_token'] === 'string' ? config['unk_token'] : '[UNK]';
      this.tokenizeWord = (word) => {
        const pieces = model.encode([word]);
        if (pieces.length === 1 && pieces[0] === unk && word !== unk) return { ids: [this.unkId ?? 0], ends: [word.length] };
        const out: WordTokens = { ids: [], ends: [] };
        let position = 0;
        pieces.forEach((piece, index) => {
          position += index > 0 && piece.startsWith(prefix) ? piece.length - prefix.length : piece.length;
          out.ids.push(this.lookup(piece) ?? this.unkId ?? 0);
          out.ends.push(Math.min(position, word.length));
        });
        return out;
      };
    } else if (type === 'Unigram') {
      const unigram = createUnigram(config);
      this.kind = 'Unigram';
      this.lookup = (token) => unigram.model.idOf(token);
      this.unkId = unigram.unkId;
      this.fuseUnk = true;
      const model = unigram.model;
      const unkId = unigram.unkId;
      this.tokenizeWord = (word) => {
        const path = model.segment(word);
        const out: WordTokens = { ids: [], ends: [] };
        let start = 0;
        let k = 0;
        while (k < path.count) {
          const id = path.ids[k] as number;
          const end = path.ends[k] as number;
          k++;
          if (id >= 0 && id !== unkId) {
            out.ids.push(id);
            out.ends.push(end);
            out.starts?.push(start);
            start = end;
            continue;
          }
          // Characters no piece covers (and the unknown piece itself): Rust fuses a run of them, then looks the run
          // up, else falls back to its bytes, else gives the unknown token.
          let runEnd = end;
          while (k < path.count && ((path.ids[k] as number) < 0 || path.ids[k] === unkId)) runEnd = path.ends[k++] as number;
          this.pushUnknownRun(out, word.slice(start, runEnd), start, runEnd);
          start = runEnd;
        }
        return out;
      };
    } else {
      throw new InvalidConfigError(`Unsupported model type ${JSON.stringify(type)} in tokenizer.json.`);
    }
  }

  /** The id of `token` in the model's vocabulary. */
  idOf(token: string): number | undefined {
    return this.lookup(token);
  }

  /** Tokenizes one pre-tokenised word (in segments of {@link MAX_MODEL_WORD} units past that length, BPE/Unigram). */
  tokenize(word: string): WordTokens {
    const cached = this.cache.get(word);
    if (cached) return cached;
    const result = this.kind !== 'WordPiece' && word.length > MAX_MODEL_WORD ? this.tokenizeSegments(word) : this.tokenizeWord(word);
    if (this.cache.size >= CACHE_CAPACITY) this.cache.clear();
    if (word.length <= 256) this.cache.set(ownCopy(word), result);
    return result;
  }

  /** A long word's tokens, segment by segment; unknown pieces are fused across segments when the model fuses them. */
  private tokenizeSegments(word: string): WordTokens {
    const out: WordTokens = { ids: [], ends: [] };
    const starts: number[] = [];
    for (let start = 0; start < word.length; ) {
      let end = Math.min(word.length, start + MAX_MODEL_WORD);
      if (end < word.length && (word.charCodeAt(end) & 0xfc00) === 0xdc00 && (word.charCodeAt(end - 1) & 0xfc00) === 0xd800) end--;
      const segment = this.tokenizeWord(word.slice(start, end));
      segment.ids.forEach((id, k) => {
        const last = out.ids.length - 1;
        const at = start + (segment.ends[k] ?? end - start);
        if (k === 0 && this.fuseUnk && last >= 0 && id === this.unkId && out.ids[last] === this.unkId) out.ends[last] = at;
        else {
          out.ids.push(id);
          out.ends.push(at);
          if (segment.starts) starts.push(start + (segment.starts[k] ?? 0));
        }
      });
      start = end;
    }
    if (starts.length > 0 && starts.length === out.ids.length) out.starts = starts;
    return out;
  }

  /**
   * Appends the Unigram tokens of a run of unknown characters `run` (spanning `[start, end)` of the word): its id
   * when the run is a piece, else with `byte_fallback` its `<0xXX>` tokens (when all exist), each spanning the whole
   * run as in Rust, else the unknown token.
   */
  private pushUnknownRun(out: WordTokens, run: string, start: number, end: number): void {
    const id = this.lookup(run);
    if (id === undefined && this.byteFallback) {
      const ids = Array.from(encoder.encode(run), (b) => this.lookup(byteTokenName(b)));
      if (ids.every((x) => x !== undefined)) {
        const ends = out.ends;
        out.starts ??= ends.map((_, j) => (j === 0 ? 0 : (ends[j - 1] as number)));
        for (const byteId of ids) {
          out.ids.push(byteId as number);
          out.ends.push(end);
          out.starts.push(start);
        }
        return;
      }
    }
    if (id === undefined && this.unkId === undefined) {
      throw new InvalidConfigError(`Token ${JSON.stringify(run)} is not in the vocabulary and the model has no unk token.`);
    }
    out.ids.push(id ?? (this.unkId as number));
    out.ends.push(end);
    out.starts?.push(start);
  }
}
