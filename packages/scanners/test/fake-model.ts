/**
 * Test doubles for ML scanner tests: an in-memory model source and an inference runtime whose session computes
 * deterministic logits from the token ids. The tokenizer is the real `@llm-shield/tokenizer`, fed a tiny WordPiece
 * `tokenizer.json` built here.
 */
import type {
  InferenceRuntimeV1,
  InferenceSessionV1,
  ModelFilesV1,
  ModelInputV1,
  ModelSourceV1,
  ModelVariant,
  SessionOptionsV1,
  TensorV1,
} from '@llm-shield/core';

/** The vocabulary of the tiny WordPiece tokenizer (lower-cased BERT-style). */
export const VOCAB = [
  '[PAD]', '[UNK]', '[CLS]', '[SEP]',
  'ignore', 'previous', 'instructions', 'hello', 'world', 'you', 'are', 'stupid', 'idiot', 'love', 'hate', 'this',
  'is', 'great', 'terrible', 'the', 'a', 'and', 'i', 'it', 'weather', 'today', 'nice', 'bad', 'good', 'user', '@',
  'http', '.', '!', '?', ',', 'what', 'capital', 'of', 'france', 'tell', 'me', 'about', 'rome', 'kill', 'sex', 'print',
  'system', 'prompt', 'x', ':', '/', '##s',
] as const;

/** Id of a vocabulary word. */
export function idOf(word: (typeof VOCAB)[number]): number {
  return VOCAB.indexOf(word);
}

/** A BERT-like `tokenizer.json` over {@link VOCAB}: BertNormalizer (lower case), BertPreTokenizer, [CLS] … [SEP]. */
export const TOKENIZER_JSON = {
  added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]'].map((content, id) => ({ id, content, normalized: false, special: true })),
  normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
  pre_tokenizer: { type: 'BertPreTokenizer' },
  post_processor: { type: 'BertProcessing', sep: ['[SEP]', 3], cls: ['[CLS]', 2] },
  model: {
    type: 'WordPiece',
    unk_token: '[UNK]',
    continuing_subword_prefix: '##',
    max_input_chars_per_word: 100,
    vocab: Object.fromEntries(VOCAB.map((token, id) => [token, id])),
  },
};

/** Files of one fake model. `config` may be a raw string (to serve corrupt JSON). */
export interface FakeModelFiles {
  config: unknown;
  tokenizer?: unknown;
  tokenizerConfig?: unknown;
}

const encoder = new TextEncoder();

function bytesOf(value: unknown): Uint8Array {
  return encoder.encode(typeof value === 'string' ? value : JSON.stringify(value));
}

/** An in-memory {@link ModelSourceV1}: serves JSON bytes per model id; counts `resolve` calls; may be made to fail. */
export class FakeSource implements ModelSourceV1 {
  readonly specificationVersion = 'v1' as const;
  /** Calls of `resolve`, per model id. */
  readonly resolves = new Map<string, number>();
  /** When set, `resolve` rejects with it. */
  failure: Error | undefined;

  constructor(private readonly models: Record<string, FakeModelFiles>) {}

  async resolve(modelId: string, options?: { variant?: ModelVariant; signal?: AbortSignal }): Promise<ModelFilesV1> {
    this.resolves.set(modelId, (this.resolves.get(modelId) ?? 0) + 1);
    if (this.failure) throw this.failure;
    const files = this.models[modelId];
    if (!files) throw new Error(`no such model ${modelId}`);
    const file = (value: unknown) => ({ read: async () => bytesOf(value) });
    return {
      modelId,
      revision: 'test',
      variant: options?.variant ?? 'fp32',
      model: { read: async () => encoder.encode(`onnx:${modelId}`) },
      config: file(files.config),
      tokenizer: file(files.tokenizer ?? TOKENIZER_JSON),
      ...(files.tokenizerConfig === undefined ? {} : { tokenizerConfig: file(files.tokenizerConfig) }),
    };
  }
}

/** One `session.run` call as the fake saw it. */
export interface RecordedRun {
  /** Feed names, in the order given. */
  names: string[];
  /** `[batch, length]` of `input_ids`. */
  dims: number[];
  /** Element type of every feed. */
  types: string[];
  /** Unpadded ids of each row (attention mask 1). */
  rows: number[][];
  /** `token_type_ids` rows when fed. */
  typeRows?: number[][];
}

/** Behaviour of a {@link FakeRuntime}'s sessions. */
export interface FakeRuntimeOptions {
  /** Logits of one sequence, from its unpadded ids (special tokens included). */
  logits: (ids: number[]) => number[];
  /** Graph inputs (default input_ids, attention_mask, token_type_ids). */
  inputNames?: string[];
  /** Graph outputs (default `logits`). */
  outputNames?: string[];
  /** `createSession` rejects with this. */
  createError?: Error;
  /** `run` rejects with this. */
  runError?: Error;
  /** Awaited inside `run` before answering (to test aborts). */
  beforeRun?: (signal: AbortSignal | undefined) => Promise<void>;
}

/** An in-memory {@link InferenceRuntimeV1}; counts sessions and records every run. */
export class FakeRuntime implements InferenceRuntimeV1 {
  readonly specificationVersion = 'v1' as const;
  readonly name = 'fake';
  sessionsCreated = 0;
  readonly runs: RecordedRun[] = [];
  readonly models: ModelInputV1[] = [];
  readonly sessionOptions: Array<SessionOptionsV1 | undefined> = [];

  constructor(public options: FakeRuntimeOptions) {}

  async createSession(model: ModelInputV1, sessionOptions?: SessionOptionsV1): Promise<InferenceSessionV1> {
    this.sessionsCreated++;
    this.models.push(model);
    this.sessionOptions.push(sessionOptions);
    if (this.options.createError) throw this.options.createError;
    const inputNames = this.options.inputNames ?? ['input_ids', 'attention_mask', 'token_type_ids'];
    const outputNames = this.options.outputNames ?? ['logits'];
    return {
      inputNames,
      outputNames,
      run: async (feeds: Record<string, TensorV1>, runOptions?: { signal?: AbortSignal }) => {
        await this.options.beforeRun?.(runOptions?.signal);
        if (this.options.runError) throw this.options.runError;
        const ids = feeds.input_ids!;
        const [batch = 0, length = 0] = ids.dims;
        const mask = feeds.attention_mask;
        const rows: number[][] = [];
        const typeRows: number[][] = [];
        for (let r = 0; r < batch; r++) {
          const row: number[] = [];
          const types: number[] = [];
          for (let k = 0; k < length; k++) {
            const on = mask ? (mask.data as BigInt64Array)[r * length + k] === 1n : true;
            if (on) row.push(Number((ids.data as BigInt64Array)[r * length + k]));
            if (feeds.token_type_ids) types.push(Number((feeds.token_type_ids.data as BigInt64Array)[r * length + k]));
          }
          rows.push(row);
          typeRows.push(types);
        }
        this.runs.push({
          names: Object.keys(feeds),
          dims: [...ids.dims],
          types: Object.values(feeds).map((tensor) => tensor.type),
          rows,
          ...(feeds.token_type_ids ? { typeRows } : {}),
        });
        const logits = rows.map((row) => this.options.logits(row));
        const width = logits[0]?.length ?? 0;
        return { [outputNames[0]!]: { type: 'float32', dims: [batch, width], data: Float32Array.from(logits.flat()) } };
      },
      dispose: async () => undefined,
    };
  }
}

/** `config.json` of a classifier with these labels. */
export function classifierConfig(labels: readonly string[], problemType?: string): Record<string, unknown> {
  return {
    id2label: Object.fromEntries(labels.map((label, index) => [String(index), label])),
    ...(problemType ? { problem_type: problemType } : {}),
  };
}

/** A logit of +4 when any of `words` occurs in `ids`, else -4. */
export function present(ids: readonly number[], ...words: Array<(typeof VOCAB)[number]>): number {
  return words.some((word) => ids.includes(idOf(word))) ? 4 : -4;
}
