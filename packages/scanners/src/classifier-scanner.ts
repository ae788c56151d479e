import {
  AbortedError,
  createFailedClosedResult,
  createScanResult,
  InvalidInputError,
  ModelUnavailableError,
  throwIfAborted,
  TimeoutError,
  type LlmShieldError,
  type Finding,
  type ProblemType,
  type ScanResultInit,
  type ScanResultV1,
  type TextSpan,
} from '@llm-shield/core';
import { classifyEncodings, type ClassifyOptions } from './classifier-inference.js';
import { DeadlineQueue } from './deadline-queue.js';
import { acquireClassifier, loadedClassifier, type LoadedClassifier } from './classifier-loader.js';
import { splitForModel, splitForModelAsync, tokenizesInSegments, type ResolvedLongInput, type SplitInput, type TextPart } from './long-input.js';
import { isAbort, toModelError } from './model-errors.js';
import { ResultCache } from './result-cache.js';
import type { ResolvedClassifierConfig } from './scanner-config.js';
import { ModelWorkStop, throwIfStopped, type StopCheck } from './work-stop.js';

/** What a heuristic returns to the {@link ClassifierEngine}. */
export interface HeuristicVerdict {
  score: number;
  findings: Finding[];
  /** Override of `score <= threshold` when the scanner decides validity differently (Sentiment's allowed labels). */
  valid?: (threshold: number) => boolean;
  /** Prefix for the human explanation. */
  summary?: string;
  /** Whether the heuristic saw something that opens the hybrid gate (default: any finding). */
  flagged?: boolean;
}

/** How a model's probabilities read for one part of the input. */
export interface ModelVerdict {
  /** Score on the result's scale, [0, 1]. */
  score: number;
  /** One finding per counted label, with its probability (spans are added by the engine). */
  findings: Finding[];
  /** Override of `score <= threshold` (Sentiment's allowed labels). */
  valid?: (threshold: number) => boolean;
  /** Prefix for the human explanation, e.g. `INJECTION 0.97`. */
  summary?: string;
}

/** Reads one part's label probabilities (in `id2label` order). */
export type ModelReader = (probabilities: readonly number[]) => ModelVerdict;

/** Text rewritten for the model, with a map from its offsets back to the input's. */
export interface PreprocessedText {
  text: string;
  /** Maps a span `[start, end)` of `text` to the input's UTF-16 offsets. */
  toOriginal(start: number, end: number): [number, number];
}

/** What a scanner hands the {@link ClassifierEngine}. */
export interface ClassifierScannerSpec {
  /** Scanner name, for messages. */
  name: string;
  config: ResolvedClassifierConfig;
  /** The rule-based detector. */
  heuristic(text: string): HeuristicVerdict;
  /**
   * Checks a model's labels and returns how to read its probabilities. Raises `InvalidModelError` when the labels
   * do not fit the scanner (then the heuristic falls back, or the error is raised).
   */
  bindLabels(labels: readonly string[], problemType: ProblemType): ModelReader;
  /** Maps a configured threshold onto the score scale (Sentiment: compound → negativity). Default: identity. */
  thresholdToScore?(threshold: number): number;
  /** Rewrites text for the model only (Sentiment: `@user`, `http`). Default: none. */
  preprocess?(text: string): PreprocessedText;
}

/** What {@link ClassifierEngine.settings} reports: the settings scans use once the model is loaded. */
export interface ClassifierSettings {
  mode: 'heuristic' | 'ml' | 'hybrid';
  /** On the `threshold` option's scale (Sentiment: compound). */
  threshold: number;
  /** The model, when one is configured. */
  model?: { id: string; variant?: string };
  /** Why the model could not load, when it could not. */
  modelError?: { code: string; message: string };
}

/** Options of `scanMany`. */
export interface ScanManyOptions {
  /** Aborts the whole batch with `AbortedError`. */
  signal?: AbortSignal;
}

/** Why no model answered when none is configured. */
export const NO_MODEL_REASON = 'no model is configured for this scanner, so the rule-based detector answered';

interface PendingText {
  index: number;
  text: string;
  /** The heuristic's verdict when it gated the model (`hybrid`). */
  heuristic?: HeuristicVerdict;
  /** The heuristic's verdict kept only as the explanation of a model's answer (`ml` with `explain`). */
  explanation?: HeuristicVerdict;
}

/**
 * Runs a classifier scanner: heuristic, model, hybrid or fallback, one text or many, with the long-input split, the
 * length-bucketed batches and the result cache. One engine per scanner instance.
 */
export class ClassifierEngine {
  private readonly cache: ResultCache | undefined;
  private readonly readers = new WeakMap<LoadedClassifier, ModelReader>();
  /** The `timeoutMs` deadlines of this engine's scans, behind one timer (created on the first bounded scan). */
  private deadlines: DeadlineQueue | undefined;

  constructor(private readonly spec: ClassifierScannerSpec) {
    this.cache = spec.config.cache ? new ResultCache(spec.config.cache) : undefined;
  }

  /** Empties the result cache, if any. */
  clearCache(): void {
    this.cache?.clear();
  }

  /** Scans one text. */
  async scan(text: string, signal: AbortSignal | undefined): Promise<ScanResultV1> {
    const [result] = await this.scanMany([text], signal ? { signal } : undefined);
    return result!;
  }

  /**
   * Scans many texts and returns their results in the same order. Texts the model must read are split per
   * `longInput`, all their parts are batched together by length, and each text's verdict is its worst part. When the
   * model cannot answer for a text, `onModelFailure` decides (failed closed, fallback or a typed error); the model's
   * work is bounded by `timeoutMs`.
   */
  async scanMany(texts: readonly string[], options: ScanManyOptions = {}): Promise<ScanResultV1[]> {
    const { config } = this.spec;
    const signal = options.signal;
    if (!Array.isArray(texts)) throw new InvalidInputError(`${this.spec.name}: scanMany expects an array of strings.`);
    for (let index = 0; index < texts.length; index++) {
      if (typeof texts[index] !== 'string') throw new InvalidInputError(`${this.spec.name}: scanMany expects an array of strings.`);
    }
    throwIfAborted(signal, 'scan');
    const results: ScanResultV1[] = new Array<ScanResultV1>(texts.length);
    const todo: number[] = [];
    const cache = this.cache;
    for (let index = 0; index < texts.length; index++) {
      const text = texts[index]!;
      const cached = cache?.get(text);
      if (cached) results[index] = cached;
      else if (config.mode === 'heuristic') {
        results[index] = this.remember(text, this.heuristicResult(text, this.spec.heuristic(text), 'heuristic', this.score(config.threshold)));
      } else todo.push(index);
    }
    if (todo.length === 0) return results;
    if (!config.model) {
      const error = new ModelUnavailableError(`${this.spec.name}: ${NO_MODEL_REASON.split(',')[0]} (mode ${config.mode}).`, {
        details: { scanner: this.spec.name, mode: config.mode },
      });
      for (const index of todo) results[index] = this.failure(texts[index]!, error, undefined, NO_MODEL_REASON);
      return results;
    }
    const answered = await this.boundedModelWork(texts, todo, signal);
    for (const index of todo) results[index] = answered[index]!;
    return results;
  }

  /**
   * Runs {@link ClassifierEngine.modelWork} within `timeoutMs`: on expiry the texts get the failure policy's answer
   * for a `TimeoutError`, the work is told to stop (its late results are dropped), and the call returns at once; an
   * abort of `signal` rejects at once with `AbortedError`. The answers are indexed like `texts`.
   *
   * The work is told to stop through a {@link ModelWorkStop} it checks between its steps (no `AbortController` per
   * call); `session.run` gets the caller's signal only, so on expiry a run already handed to the runtime still
   * runs (an onnxruntime run cannot be interrupted), but no further batch or tokenizer segment does. The deadlines
   * of an engine's scans share one timer ({@link DeadlineQueue}).
   */
  private boundedModelWork(texts: readonly string[], todo: readonly number[], signal: AbortSignal | undefined): Promise<ScanResultV1[]> {
    const { timeoutMs } = this.spec.config;
    if (timeoutMs === 0) return this.modelWork(texts, todo, signal, signal);
    const stop = new ModelWorkStop(signal);
    const work = this.modelWork(texts, todo, stop, signal);
    const deadlines = (this.deadlines ??= new DeadlineQueue(timeoutMs));
    return new Promise<ScanResultV1[]>((resolve, reject) => {
      const onAbort = (): void => {
        deadlines.cancel(deadline);
        reject(new AbortedError('The scan was aborted.', { cause: signal?.reason }));
      };
      const deadline = deadlines.add(() => {
        signal?.removeEventListener('abort', onAbort);
        const error = new TimeoutError(`${this.spec.name}: the model did not answer within timeoutMs ${timeoutMs} ms.`, {
          details: { scanner: this.spec.name, model: this.spec.config.model?.id, timeoutMs },
        });
        stop.expire(error);
        try {
          const out: ScanResultV1[] = [];
          for (const index of todo) out[index] = this.failure(texts[index]!, error);
          resolve(out);
        } catch (thrown) {
          reject(thrown);
        }
      });
      if (signal) {
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }
      work.then(
        (answered) => {
          deadlines.cancel(deadline);
          signal?.removeEventListener('abort', onAbort);
          resolve(answered);
        },
        (error: unknown) => {
          deadlines.cancel(deadline);
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  /**
   * Loads the model (when one is configured) and returns the settings scans will use: the detection mode and the
   * threshold (on the option's scale) after the model's own `config.json` `llm_shield` settings where the user gave
   * none. A model that cannot load is reported in `modelError` (scans then follow `onModelFailure`).
   */
  async settings(signal?: AbortSignal): Promise<ClassifierSettings> {
    const { config } = this.spec;
    if (!config.model || config.mode === 'heuristic') return { mode: config.mode, threshold: config.threshold };
    const loaded = await this.load(signal);
    const model = { id: config.model.id, ...(config.model.variant ? { variant: config.model.variant } : {}) };
    if (loaded instanceof Error) return { mode: config.mode, threshold: config.threshold, model, modelError: { code: loaded.code, message: loaded.message } };
    return {
      mode: config.modeGiven ? config.mode : (loaded.defaultMode ?? config.mode),
      threshold: config.thresholdGiven ? config.threshold : (loaded.threshold ?? config.threshold),
      model: { id: loaded.modelId, variant: loaded.variant },
    };
  }

  /**
   * The model's part of a scan: loads the model, applies the mode (hybrid gate), runs it; failures per policy. The
   * answers are indexed like `texts`. `stop` is checked between steps; `signal` (the caller's) bounds the waits.
   */
  private async modelWork(texts: readonly string[], todo: readonly number[], stop: StopCheck | undefined, signal: AbortSignal | undefined): Promise<ScanResultV1[]> {
    const { config } = this.spec;
    const out: ScanResultV1[] = [];
    // A model already loaded is used without waiting for anything.
    let loaded: LoadedClassifier | LlmShieldError | undefined = this.ready();
    let mode = config.mode;
    if (!config.modeGiven) {
      // The model's own default mode (config.json `llm_shield.default_mode`) needs the model loaded.
      loaded ??= await this.load(signal);
      if (!(loaded instanceof Error) && loaded.defaultMode) mode = loaded.defaultMode;
    }
    const pending: PendingText[] = [];
    for (const index of todo) {
      const text = texts[index]!;
      if (mode === 'hybrid') {
        const heuristic = this.spec.heuristic(text);
        if (!this.gateOpens(heuristic)) {
          const result = this.heuristicResult(text, heuristic, 'heuristic', this.score(config.fallbackThreshold));
          result.explanation = `hybrid: heuristic below the gate ${config.hybridGate}, model not run; ${result.explanation}`;
          out[index] = this.remember(text, result);
        } else pending.push({ index, text, heuristic });
      } else pending.push(config.explain === true ? { index, text, explanation: this.spec.heuristic(text) } : { index, text });
    }
    if (pending.length === 0) return out;
    loaded ??= await this.load(signal);
    if (loaded instanceof Error) {
      for (const item of pending) out[item.index] = this.failure(item.text, loaded, item.heuristic ?? item.explanation);
      return out;
    }
    await this.runModel(loaded, pending, out, stop, signal);
    return out;
  }

  /** The classifier when it is already loaded and its labels were checked by this engine, else `undefined`. */
  private ready(): LoadedClassifier | undefined {
    const loaded = loadedClassifier(this.spec.config.model!);
    return loaded !== undefined && this.readers.has(loaded) ? loaded : undefined;
  }

  /** The loaded classifier, or the typed error of its failed load (aborts are raised). */
  private async load(signal: AbortSignal | undefined): Promise<LoadedClassifier | LlmShieldError> {
    const model = this.spec.config.model!;
    try {
      const loaded = await acquireClassifier(model, signal);
      this.reader(loaded); // label sanity: a model whose labels do not fit is a failed model
      return loaded;
    } catch (error) {
      if (isAbort(error, signal)) {
        throwIfAborted(signal, 'scan');
        throw error;
      }
      return toModelError(error, 'session', model.id);
    }
  }

  /**
   * The answer when the model cannot give one, per `onModelFailure`: `throw` raises `error`; `fallback` lets the
   * heuristic answer (`verdict` when already computed) with the reason; `block` gives a failed-closed result.
   */
  private failure(text: string, error: LlmShieldError, verdict?: HeuristicVerdict, reason?: string): ScanResultV1 {
    const { config } = this.spec;
    switch (config.onModelFailure) {
      case 'throw':
        throw error;
      case 'fallback':
        return this.fallbackResult(text, verdict ?? this.spec.heuristic(text), reason ?? error.message);
      case 'block': {
        const model = config.model;
        return createFailedClosedResult({
          text,
          threshold: this.score(config.threshold),
          error,
          subject: model ? `model ${model.id}` : `the model of ${this.spec.name}`,
          ...(model ? { model: { id: model.id, ...(model.variant ? { variant: model.variant } : {}) } } : {}),
        });
      }
    }
  }

  private score(threshold: number): number {
    return this.spec.thresholdToScore ? this.spec.thresholdToScore(threshold) : threshold;
  }

  private gateOpens(heuristic: HeuristicVerdict): boolean {
    return heuristic.score >= this.spec.config.hybridGate || (heuristic.flagged ?? heuristic.findings.length > 0);
  }

  private remember(text: string, result: ScanResultV1): ScanResultV1 {
    this.cache?.set(text, result);
    return result;
  }

  private heuristicResult(text: string, verdict: HeuristicVerdict, method: ScanResultV1['method'], threshold: number, fallbackReason?: string): ScanResultV1 {
    const result = createScanResult({
      score: verdict.score,
      threshold,
      method,
      sanitizedText: text,
      findings: verdict.findings,
      ...(fallbackReason === undefined ? {} : { fallbackReason }),
      ...(verdict.valid ? { valid: verdict.valid(threshold) } : {}),
    });
    if (verdict.summary) result.explanation = `${verdict.summary}; ${result.explanation}`;
    return result;
  }

  private fallbackResult(text: string, verdict: HeuristicVerdict, reason: string): ScanResultV1 {
    return this.heuristicResult(text, verdict, 'fallback', this.score(this.spec.config.fallbackThreshold), reason);
  }

  private reader(loaded: LoadedClassifier): ModelReader {
    let reader = this.readers.get(loaded);
    if (!reader) {
      reader = this.spec.bindLabels(loaded.labels, loaded.problemType);
      this.readers.set(loaded, reader);
    }
    return reader;
  }

  private async runModel(
    loaded: LoadedClassifier,
    pending: readonly PendingText[],
    out: ScanResultV1[],
    stop: StopCheck | undefined,
    signal: AbortSignal | undefined,
  ): Promise<void> {
    const { config } = this.spec;
    const read = this.reader(loaded);
    let probabilities: number[][];
    const splits: SplitInput[] = new Array<SplitInput>(pending.length);
    try {
      let count = 0;
      for (let k = 0; k < pending.length; k++) {
        throwIfStopped(stop);
        const split = this.split(pending[k]!, loaded, stop);
        splits[k] = split instanceof Promise ? await split : split;
        count += splits[k]!.parts.length;
      }
      const encodings = new Array<TextPart['encoding']>(count);
      let next = 0;
      for (const split of splits) for (const part of split.parts) encodings[next++] = part.encoding;
      const options: ClassifyOptions = { batchSize: config.batchSize };
      if (signal) options.signal = signal;
      if (stop) options.stop = stop;
      probabilities = await classifyEncodings(loaded, encodings, options);
    } catch (error) {
      if (isAbort(error, stop)) {
        throwIfStopped(stop);
        throw error;
      }
      const typed = toModelError(error, 'run', loaded.modelId);
      for (const item of pending) out[item.index] = this.failure(item.text, typed, item.heuristic ?? item.explanation);
      return;
    }
    let next = 0;
    for (let k = 0; k < pending.length; k++) {
      const item = pending[k]!;
      const split = splits[k]!;
      const first = next;
      next += split.parts.length;
      let result: ScanResultV1;
      try {
        const verdicts: ModelVerdict[] = new Array<ModelVerdict>(split.parts.length);
        for (let p = 0; p < verdicts.length; p++) verdicts[p] = read(probabilities[first + p]!);
        result = this.remember(item.text, this.modelResult(item, loaded, split.parts, verdicts, split.truncated));
      } catch (error) {
        // A reader or createScanResult refusing a non-finite score: the model failed for this text.
        result = this.failure(item.text, toModelError(error, 'run', loaded.modelId), item.heuristic ?? item.explanation);
      }
      out[item.index] = result;
    }
  }

  /** Token chunks without a size take the model's own chunk size (config.json `llm_shield.chunk_tokens`), if any. */
  private longInputFor(loaded: LoadedClassifier, longInput: ResolvedLongInput): ResolvedLongInput {
    if (longInput.mode !== 'chunks' || longInput.unit !== 'tokens' || longInput.size !== undefined || loaded.chunkTokens === undefined) return longInput;
    return { ...longInput, size: loaded.chunkTokens };
  }

  /**
   * The parts the model reads for one text. In `hybrid` mode the gate opened on the whole text, so a `longInput`
   * that would cut it is replaced by token chunks: the model reads every token the rules read. Split at once unless
   * a long text is tokenized in segments (then it yields between them and checks `stop`).
   */
  private split(item: PendingText, loaded: LoadedClassifier, stop: StopCheck | undefined): SplitInput | Promise<SplitInput> {
    const prepared = this.spec.preprocess?.(item.text);
    const text = prepared ? prepared.text : item.text;
    const longInput = this.longInputFor(loaded, this.spec.config.longInput);
    if (item.heuristic || tokenizesInSegments(text, longInput)) return this.splitInSteps(text, prepared, item, loaded, longInput, stop);
    const split = splitForModel(text, loaded.tokenizer, longInput);
    return prepared ? mapToOriginal(split, prepared) : split;
  }

  private async splitInSteps(
    text: string,
    prepared: PreprocessedText | undefined,
    item: PendingText,
    loaded: LoadedClassifier,
    longInput: ResolvedLongInput,
    stop: StopCheck | undefined,
  ): Promise<SplitInput> {
    let split = await splitForModelAsync(text, loaded.tokenizer, longInput, stop);
    if (split.truncated && item.heuristic) {
      const { maxLength } = this.spec.config.longInput;
      const chunks: ResolvedLongInput = { mode: 'chunks', unit: 'tokens', ...(maxLength === undefined ? {} : { maxLength }) };
      split = await splitForModelAsync(text, loaded.tokenizer, this.longInputFor(loaded, chunks), stop);
    }
    return prepared ? mapToOriginal(split, prepared) : split;
  }

  private modelResult(item: PendingText, loaded: LoadedClassifier, parts: readonly TextPart[], verdicts: readonly ModelVerdict[], truncated: boolean): ScanResultV1 {
    const { config } = this.spec;
    // A model's calibrated threshold (config.json `llm_shield.threshold`) applies unless the user gave one.
    const threshold = this.score(config.thresholdGiven ? config.threshold : (loaded.threshold ?? config.threshold));
    let worst = 0;
    if (verdicts.length > 1) {
      const invalid = (verdict: ModelVerdict) => (verdict.valid ? !verdict.valid(threshold) : verdict.score > threshold);
      for (let k = 1; k < verdicts.length; k++) {
        const a = verdicts[worst]!;
        const b = verdicts[k]!;
        const bInvalid = invalid(b);
        const aInvalid = invalid(a);
        if ((bInvalid && !aInvalid) || (bInvalid === aInvalid && b.score > a.score)) worst = k;
      }
    }
    const verdict = verdicts[worst]!;
    const part = parts[worst]!;
    const located = parts.length > 1 || truncated;
    const decidingPart: TextSpan | undefined = located ? { start: part.start, end: part.end, text: item.text.slice(part.start, part.end) } : undefined;
    const findings: Finding[] = [];
    for (const finding of verdict.findings) findings.push({ ...finding, spans: decidingPart ? [{ ...decidingPart }] : [] });
    if (item.heuristic) {
      const categories = new Set(findings.map((finding) => finding.category));
      for (const finding of item.heuristic.findings) if (!categories.has(finding.category)) findings.push(finding);
    }
    const valid = verdict.valid ? verdict.valid(threshold) : verdict.score <= threshold;
    const seen = item.heuristic ?? item.explanation;
    const init: ScanResultInit = {
      score: verdict.score,
      threshold,
      method: item.heuristic ? 'hybrid' : 'ml',
      sanitizedText: item.text,
      findings,
      model: { id: loaded.modelId, variant: loaded.variant },
    };
    if (seen) init.heuristic = { score: seen.score, findings: seen.findings };
    if (decidingPart) init.decidingPart = decidingPart;
    if (verdict.valid) init.valid = valid;
    const result = createScanResult(init);
    // `explain: 'flagged'` (default): the rules explain only the verdicts that flag the text, when the explanation is
    // first read, so a clean text costs only the model's work and so does a flagged one whose explanation nobody reads.
    if (!seen && !valid && config.explain === 'flagged') explainOnRead(result, () => this.spec.heuristic(item.text));
    const where = parts.length > 1 ? ` in part ${worst + 1} of ${parts.length}` : truncated ? ' (input truncated)' : '';
    result.explanation = `model ${loaded.modelId}${verdict.summary ? `: ${verdict.summary}` : ''}${where}; ${result.explanation}`;
    return result;
  }
}

/**
 * Gives `result` a `heuristic` property computed by `explain` when first read, then kept (assigning it replaces it
 * with a plain value). It is enumerable, as an eager one is, so `JSON.stringify`, spreads and deep equality see it.
 */
function explainOnRead(result: ScanResultV1, explain: () => HeuristicVerdict): void {
  let value: ScanResultV1['heuristic'];
  Object.defineProperty(result, 'heuristic', {
    enumerable: true,
    configurable: true,
    get(): ScanResultV1['heuristic'] {
      if (value === undefined) {
        const seen = explain();
        value = { score: seen.score, findings: seen.findings };
      }
      return value;
    },
    set(replacement: ScanResultV1['heuristic']): void {
      Object.defineProperty(result, 'heuristic', { value: replacement, writable: true, enumerable: true, configurable: true });
    },
  });
  // Node's `util.inspect` (console.log) shows accessors as `[Getter/Setter]`: show the values instead.
  Object.defineProperty(result, INSPECT, { value: inspectAsPlainObject, enumerable: false, configurable: true, writable: true });
}

/** Node's `util.inspect.custom` (a registered symbol: no `node:` import needed). */
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

function inspectAsPlainObject(this: ScanResultV1): Record<string, unknown> {
  return { ...this };
}

/** `split` with its parts' spans mapped from the preprocessed text back to the input's offsets. */
function mapToOriginal(split: SplitInput, prepared: PreprocessedText): SplitInput {
  for (const part of split.parts) [part.start, part.end] = prepared.toOriginal(part.start, part.end);
  return split;
}
