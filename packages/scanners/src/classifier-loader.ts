import {
  InvalidModelError,
  parseClassifierConfig,
  raceAbort,
  type InferenceRuntimeV1,
  type InferenceSessionV1,
  type LlmShieldError,
  type ModelFileV1,
  type ModelSourceV1,
  type ProblemType,
} from '@llm-shield/core';
import { createTokenizer, type Tokenizer } from '@llm-shield/tokenizer';
import type { ResolvedModelOptions } from './model-options.js';
import { toModelError } from './model-errors.js';

/** Inputs an ML scanner can feed a classifier graph. */
export const FEEDABLE_INPUTS: readonly string[] = ['input_ids', 'attention_mask', 'token_type_ids'];

/** A classifier ready to run: its session, tokenizer and labels. Shared by every scanner that uses the same model. */
export interface LoadedClassifier {
  /** Model id as given to the source. */
  readonly modelId: string;
  /** Variant the source served. */
  readonly variant: string;
  /** Revision the source served. */
  readonly revision: string;
  /** Labels in logit order, from `config.json`'s `id2label`. */
  readonly labels: readonly string[];
  /** `multi_label_classification` (or a single label, as in transformers' pipeline) → sigmoid, else softmax. */
  readonly problemType: ProblemType;
  /** The model's calibrated threshold (`config.json` `llm_shield.threshold`), used when the scanner was given none. */
  readonly threshold?: number;
  /** The model's detection mode (`config.json` `llm_shield.default_mode`), used when the scanner was given none. */
  readonly defaultMode?: 'ml' | 'hybrid';
  /** Chunk size for `longInput: 'chunks'` without a size (`config.json` `llm_shield.chunk_tokens`). */
  readonly chunkTokens?: number;
  readonly tokenizer: Tokenizer;
  readonly session: InferenceSessionV1;
}

interface Entry {
  /** The load in flight or done. */
  promise?: Promise<LoadedClassifier>;
  /** What `promise` resolved to, once it did (read without waiting by {@link loadedClassifier}). */
  loaded?: LoadedClassifier;
  /** The last failure, remembered until `retryAt`. */
  failure?: { error: LlmShieldError; retryAt: number };
}

/** Loaded models per runtime instance: a runtime that is dropped takes its sessions with it. */
const registry = new WeakMap<InferenceRuntimeV1, Map<string, Entry>>();
const sourceIds = new WeakMap<ModelSourceV1, number>();
let nextSourceId = 1;
/** {@link modelKey} of frozen model options, computed once. */
const keys = new WeakMap<ResolvedModelOptions, string>();

/**
 * The key of a model within its runtime: the source instance, the id, the variant and the session options. Two
 * scanners with equal keys and the same runtime share one session.
 */
export function modelKey(model: ResolvedModelOptions): string {
  const known = Object.isFrozen(model) ? keys.get(model) : undefined;
  if (known !== undefined) return known;
  let sourceId = sourceIds.get(model.source);
  if (sourceId === undefined) {
    sourceId = nextSourceId++;
    sourceIds.set(model.source, sourceId);
  }
  const key = JSON.stringify([sourceId, model.id, model.variant ?? null, model.sessionOptions ?? null]);
  // Resolved options are frozen (resolveModelOptions): their key is computed once.
  if (Object.isFrozen(model) && (model.sessionOptions === undefined || Object.isFrozen(model.sessionOptions))) keys.set(model, key);
  return key;
}

async function readBytes(file: ModelFileV1, modelId: string): Promise<Uint8Array> {
  try {
    return await file.read();
  } catch (error) {
    throw toModelError(error, 'files', modelId);
  }
}

function parseJson(bytes: Uint8Array, name: string, modelId: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as unknown;
  } catch (error) {
    throw new InvalidModelError(`Model ${modelId}: ${name} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`, {
      cause: error,
      details: { model: modelId, file: name },
    });
  }
}

async function readJson(file: ModelFileV1, name: string, modelId: string): Promise<unknown> {
  return parseJson(await readBytes(file, modelId), name, modelId);
}

/**
 * Tokenizers by the SHA-256 of their files (`tokenizer.json`, then `tokenizer_config.json`): models whose tokenizer
 * files are byte for byte the same (two fine-tunes of one base model, such as the roberta-base toxicity and
 * sentiment classifiers) share one tokenizer instance, whatever their runtime, instead of each holding its own
 * vocabulary and merges (about 9 MB of JS heap for roberta-base's, 29 MB for deberta-v3-base's). Entries are weak: a tokenizer no classifier holds any
 * more is collected as before. Tokenizers are immutable apart from their word caches, so sharing one is safe.
 */
const sharedTokenizers = new Map<string, WeakRef<Tokenizer>>();
const forgetTokenizer = new FinalizationRegistry<string>((key) => {
  if (sharedTokenizers.get(key)?.deref() === undefined) sharedTokenizers.delete(key);
});

/** The hex SHA-256 of each part, joined by `:`; `undefined` where Web Crypto is unavailable or fails. */
async function contentKey(parts: ReadonlyArray<Uint8Array | undefined>): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle === undefined) return undefined;
  const hex = async (part: Uint8Array): Promise<string> => {
    const digest = new Uint8Array(await subtle.digest('SHA-256', part as Uint8Array<ArrayBuffer>));
    return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
  };
  try {
    const digests = await Promise.all(parts.map((part) => (part === undefined ? '-' : hex(part))));
    return digests.join(':');
  } catch {
    return undefined;
  }
}

/**
 * The tokenizer of `tokenizer.json` + `tokenizer_config.json` bytes: the instance already made from the same bytes
 * if one is alive (see {@link sharedTokenizers}), else a new one (remembered weakly).
 */
async function tokenizerFor(tokenizerBytes: Uint8Array, configBytes: Uint8Array | undefined, modelId: string): Promise<Tokenizer> {
  const key = await contentKey([tokenizerBytes, configBytes]);
  const shared = key === undefined ? undefined : sharedTokenizers.get(key)?.deref();
  if (shared) return shared;
  const tokenizerJson = asObject(parseJson(tokenizerBytes, 'tokenizer.json', modelId), 'tokenizer.json', modelId);
  const tokenizerConfigJson =
    configBytes === undefined ? {} : asObject(parseJson(configBytes, 'tokenizer_config.json', modelId), 'tokenizer_config.json', modelId);
  let tokenizer: Tokenizer;
  try {
    tokenizer = createTokenizer(tokenizerJson, tokenizerConfigJson);
  } catch (error) {
    throw toModelError(error, 'files', modelId);
  }
  if (key !== undefined) {
    sharedTokenizers.set(key, new WeakRef(tokenizer));
    forgetTokenizer.register(tokenizer, key);
  }
  return tokenizer;
}

function asObject(value: unknown, name: string, modelId: string): object {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InvalidModelError(`Model ${modelId}: ${name} is not a JSON object.`, { details: { model: modelId, file: name } });
  }
  return value;
}

/**
 * Loads a classifier: resolves its files through the source, reads `config.json` (labels, problem type) and the
 * tokenizer (shared with other classifiers whose tokenizer files are identical), creates the session through the
 * runtime and checks that the graph takes only inputs a scanner can feed.
 * Rejects with `ModelUnavailableError`, `InvalidModelError` or `InferenceFailedError`.
 */
export async function loadClassifier(model: ResolvedModelOptions): Promise<LoadedClassifier> {
  const modelId = model.id;
  let files;
  try {
    files = await model.source.resolve(modelId, model.variant === undefined ? {} : { variant: model.variant });
  } catch (error) {
    throw toModelError(error, 'resolve', modelId);
  }
  const [configJson, tokenizerBytes, tokenizerConfigBytes] = await Promise.all([
    readJson(files.config, 'config.json', modelId),
    readBytes(files.tokenizer, modelId),
    files.tokenizerConfig ? readBytes(files.tokenizerConfig, modelId) : Promise.resolve(undefined),
  ]);
  let classifier;
  try {
    classifier = parseClassifierConfig(configJson);
  } catch (error) {
    throw new InvalidModelError(`Model ${modelId}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      details: { model: modelId, file: 'config.json' },
    });
  }
  const tokenizer = await tokenizerFor(tokenizerBytes, tokenizerConfigBytes, modelId);
  let session: InferenceSessionV1;
  try {
    const input = files.model.path !== undefined ? { path: files.model.path } : { bytes: await files.model.read() };
    session = await model.runtime.createSession(input, model.sessionOptions);
  } catch (error) {
    throw toModelError(error, 'session', modelId);
  }
  const unknown = session.inputNames.filter((name) => !FEEDABLE_INPUTS.includes(name));
  if (unknown.length > 0 || !session.inputNames.includes('input_ids') || session.outputNames.length === 0) {
    await session.dispose().catch(() => undefined);
    throw new InvalidModelError(
      `Model ${modelId}: the graph takes inputs [${session.inputNames.join(', ')}] and outputs [${session.outputNames.join(', ')}]; ` +
        `a classifier scanner feeds input_ids (required), attention_mask and token_type_ids and reads one logits output.`,
      { details: { model: modelId, inputs: [...session.inputNames], outputs: [...session.outputNames] } },
    );
  }
  return {
    modelId,
    variant: files.variant,
    revision: files.revision,
    labels: Object.freeze([...classifier.labels]),
    // As transformers' text-classification pipeline: one label means sigmoid whatever problem_type says.
    problemType: classifier.labels.length === 1 ? 'multi_label_classification' : classifier.problemType,
    ...(classifier.threshold === undefined ? {} : { threshold: classifier.threshold }),
    ...(classifier.defaultMode === undefined ? {} : { defaultMode: classifier.defaultMode }),
    ...(classifier.chunkTokens === undefined ? {} : { chunkTokens: classifier.chunkTokens }),
    tokenizer,
    session,
  };
}

/**
 * The loaded classifier for `model`, loading it on first use. Loads are shared: scanners given the same runtime
 * instance and an equal {@link modelKey} wait on one load and share its session. A failed load is forgotten after
 * `model.retryAfterMs`; until then its error is raised again at once, so that every scan of a failed model reports
 * the failure through the scanner's `onModelFailure` policy (failed closed by default, never valid) without a new
 * attempt, and afterwards the next call tries again. `signal` stops this wait only, never the shared load.
 *
 * @param model - validated model options
 * @param signal - aborts the wait with `AbortedError`
 * @param now - clock in milliseconds (default `Date.now`)
 */
export function acquireClassifier(model: ResolvedModelOptions, signal?: AbortSignal, now: () => number = Date.now): Promise<LoadedClassifier> {
  let entries = registry.get(model.runtime);
  if (!entries) {
    entries = new Map();
    registry.set(model.runtime, entries);
  }
  const key = modelKey(model);
  const entry = entries.get(key);
  if (entry?.promise) return raceAbort(entry.promise, signal, 'scan');
  if (entry?.failure && now() < entry.failure.retryAt) return Promise.reject(entry.failure.error);
  const map = entries;
  const promise: Promise<LoadedClassifier> = loadClassifier(model).then(
    (loaded) => {
      map.set(key, { promise, loaded });
      return loaded;
    },
    (error: unknown) => {
      const typed = toModelError(error, 'session', model.id);
      map.set(key, { failure: { error: typed, retryAt: now() + model.retryAfterMs } });
      throw typed;
    },
  );
  promise.catch(() => undefined);
  map.set(key, { promise, ...(entry?.failure ? { failure: entry.failure } : {}) });
  return raceAbort(promise, signal, 'scan');
}

/**
 * The classifier for `model` when its load has already succeeded (and was not disposed since), without waiting;
 * `undefined` otherwise (then use {@link acquireClassifier}).
 *
 * @param model - validated model options
 */
export function loadedClassifier(model: ResolvedModelOptions): LoadedClassifier | undefined {
  return registry.get(model.runtime)?.get(modelKey(model))?.loaded;
}

/** The remembered error of the last failed load of `model`, if its load failed and was not retried successfully. */
export function lastLoadFailure(model: ResolvedModelOptions): LlmShieldError | undefined {
  const entry = registry.get(model.runtime)?.get(modelKey(model));
  return entry?.promise ? undefined : entry?.failure?.error;
}

/**
 * Disposes every session loaded through `runtime` and forgets them; the next scan loads again. Scans running at
 * that moment may fail (and fall back).
 */
export async function disposeClassifiers(runtime: InferenceRuntimeV1): Promise<void> {
  const entries = registry.get(runtime);
  if (!entries) return;
  registry.delete(runtime);
  await Promise.all(
    [...entries.values()].map(async (entry) => {
      const loaded = await entry.promise?.catch(() => undefined);
      await loaded?.session.dispose().catch(() => undefined);
    }),
  );
}
