import {
  createScanResult,
  InvalidInputError,
  ModelUnavailableError,
  throwIfAborted,
  type Finding,
  type ProblemType,
  type ScanResultV1,
  type TextSpan,
} from '@llm-shield/core';
import { classifyEncodings } from './classifier-inference.js';
import { acquireClassifier, type LoadedClassifier } from './classifier-loader.js';
import { splitForModel, type TextPart } from './long-input.js';
import { isAbort, toModelError } from './model-errors.js';
import { ResultCache } from './result-cache.js';
import type { ResolvedClassifierConfig } from './scanner-config.js';

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

  constructor(private readonly spec: ClassifierScannerSpec) {
    this.cache = spec.config.cache ? new ResultCache(spec.config.cache) : undefined;
  }

  /** Empties the result cache, if any. */
  clearCache(): void {
    this.cache?.clear();
  }

  /** Scans one text. */
  async scan(text: string, signal: AbortSignal | undefined): Promise<ScanResultV1> {
    const [result] = await this.scanMany([text], { ...(signal ? { signal } : {}) });
    return result!;
  }

  /**
   * Scans many texts and returns their results in the same order. Texts the model must read are split per
   * `longInput`, all their parts are batched together by length, and each text's verdict is its worst part.
   */
  async scanMany(texts: readonly string[], options: ScanManyOptions = {}): Promise<ScanResultV1[]> {
    const { config } = this.spec;
    const signal = options.signal;
    if (!Array.isArray(texts) || texts.some((text) => typeof text !== 'string')) {
      throw new InvalidInputError(`${this.spec.name}: scanMany expects an array of strings.`);
    }
    throwIfAborted(signal, 'scan');
    const results: ScanResultV1[] = new Array<ScanResultV1>(texts.length);
    const pending: PendingText[] = [];
    texts.forEach((text, index) => {
      const cached = this.cache?.get(text);
      if (cached) {
        results[index] = cached;
        return;
      }
      if (config.mode === 'heuristic') {
        results[index] = this.remember(text, this.heuristicResult(text, this.spec.heuristic(text), 'heuristic', this.score(config.threshold)));
        return;
      }
      if (!config.model) {
        if (!config.useFallback) {
          throw new ModelUnavailableError(`${this.spec.name}: ${NO_MODEL_REASON.split(',')[0]} and useFallback is false.`, {
            details: { scanner: this.spec.name, mode: config.mode },
          });
        }
        results[index] = this.fallbackResult(text, this.spec.heuristic(text), NO_MODEL_REASON);
        return;
      }
      if (config.mode === 'hybrid') {
        const heuristic = this.spec.heuristic(text);
        if (!this.gateOpens(heuristic)) {
          const result = this.heuristicResult(text, heuristic, 'heuristic', this.score(config.fallbackThreshold));
          result.explanation = `hybrid: heuristic below the gate ${config.hybridGate}, model not run; ${result.explanation}`;
          results[index] = this.remember(text, result);
          return;
        }
        pending.push({ index, text, heuristic });
        return;
      }
      pending.push(config.explain ? { index, text, explanation: this.spec.heuristic(text) } : { index, text });
    });
    if (pending.length > 0) await this.runModel(pending, results, signal);
    return results;
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

  private async runModel(pending: readonly PendingText[], results: ScanResultV1[], signal: AbortSignal | undefined): Promise<void> {
    const { config } = this.spec;
    const model = config.model!;
    try {
      const loaded = await acquireClassifier(model, signal);
      const read = this.reader(loaded);
      const splits = pending.map(({ text }) => {
        throwIfAborted(signal, 'scan');
        const prepared = this.spec.preprocess?.(text);
        const split = splitForModel(prepared ? prepared.text : text, loaded.tokenizer, config.longInput);
        if (prepared) {
          for (const part of split.parts) [part.start, part.end] = prepared.toOriginal(part.start, part.end);
        }
        return split;
      });
      const encodings = splits.flatMap((split) => split.parts.map((part) => part.encoding));
      const probabilities = await classifyEncodings(loaded, encodings, { batchSize: config.batchSize, ...(signal ? { signal } : {}) });
      let next = 0;
      pending.forEach((item, k) => {
        const split = splits[k]!;
        const verdicts = split.parts.map(() => read(probabilities[next++]!));
        const result = this.modelResult(item, loaded, split.parts, verdicts, split.truncated);
        results[item.index] = this.remember(item.text, result);
      });
    } catch (error) {
      if (isAbort(error, signal)) {
        throwIfAborted(signal, 'scan');
        throw error;
      }
      const typed = toModelError(error, 'run', model.id);
      if (!config.useFallback) throw typed;
      for (const item of pending) {
        results[item.index] = this.fallbackResult(item.text, item.heuristic ?? item.explanation ?? this.spec.heuristic(item.text), typed.message);
      }
    }
  }

  private modelResult(item: PendingText, loaded: LoadedClassifier, parts: readonly TextPart[], verdicts: readonly ModelVerdict[], truncated: boolean): ScanResultV1 {
    const threshold = this.score(this.spec.config.threshold);
    const invalid = (verdict: ModelVerdict) => (verdict.valid ? !verdict.valid(threshold) : verdict.score > threshold);
    let worst = 0;
    for (let k = 1; k < verdicts.length; k++) {
      const a = verdicts[worst]!;
      const b = verdicts[k]!;
      const bInvalid = invalid(b);
      const aInvalid = invalid(a);
      if ((bInvalid && !aInvalid) || (bInvalid === aInvalid && b.score > a.score)) worst = k;
    }
    const verdict = verdicts[worst]!;
    const part = parts[worst]!;
    const located = parts.length > 1 || truncated;
    const decidingPart: TextSpan | undefined = located ? { start: part.start, end: part.end, text: item.text.slice(part.start, part.end) } : undefined;
    const modelFindings = verdict.findings.map((finding) => ({ ...finding, spans: decidingPart ? [{ ...decidingPart }] : [] }));
    const categories = new Set(modelFindings.map((finding) => finding.category));
    const heuristicFindings = (item.heuristic?.findings ?? []).filter((finding) => !categories.has(finding.category));
    const seen = item.heuristic ?? item.explanation;
    const result = createScanResult({
      score: verdict.score,
      threshold,
      method: item.heuristic ? 'hybrid' : 'ml',
      sanitizedText: item.text,
      findings: [...modelFindings, ...heuristicFindings],
      model: { id: loaded.modelId, variant: loaded.variant },
      ...(seen ? { heuristic: { score: seen.score, findings: seen.findings } } : {}),
      ...(decidingPart ? { decidingPart } : {}),
      ...(verdict.valid ? { valid: verdict.valid(threshold) } : {}),
    });
    const where = parts.length > 1 ? ` in part ${worst + 1} of ${parts.length}` : truncated ? ' (input truncated)' : '';
    result.explanation = `model ${loaded.modelId}${verdict.summary ? `: ${verdict.summary}` : ''}${where}; ${result.explanation}`;
    return result;
  }
}
