import type { InputScannerV1, OutputScannerV1, ScanContextV1, ScanResultV1 } from '@llm-shield/core';
import type { ClassifierEngine, ClassifierSettings, ScanManyOptions } from './classifier-scanner.js';

/**
 * What the input and output scanners of a {@link ClassifierEngine} share: name, validated configuration, batch
 * scanning and the engine's result cache. The subclasses say which text of a call is scored.
 */
abstract class EngineScanner<Config> {
  readonly specificationVersion = 'v1' as const;

  /**
   * @param name - the scanner's name (pipelines use it as the run id)
   * @param config - the validated configuration
   * @param engine - the engine built from that configuration
   */
  protected constructor(
    readonly name: string,
    /** The validated configuration. */
    readonly config: Config,
    protected readonly engine: ClassifierEngine,
  ) {}

  /** Scans many texts (prompts or outputs), batching the model's work; results in input order. */
  async scanMany(texts: readonly string[], options?: ScanManyOptions): Promise<ScanResultV1[]> {
    return this.engine.scanMany(texts, options);
  }

  /**
   * Loads the model (when one is configured) and returns the mode and threshold scans will use, after the model's own
   * settings (see `ClassifierEngine.settings`). Use it to warm a scanner up before the first request.
   */
  async settings(signal?: AbortSignal): Promise<ClassifierSettings> {
    return this.engine.settings(signal);
  }

  /** Empties the result cache (when `cache` is on). */
  clearCache(): void {
    this.engine.clearCache();
  }
}

/**
 * An input scanner whose work is done by a {@link ClassifierEngine} (PromptInjection, Toxicity, Sentiment): it
 * scans the prompt, one or many, and owns the engine's result cache.
 */
export abstract class EngineInputScanner<Config> extends EngineScanner<Config> implements InputScannerV1 {
  readonly kind = 'input' as const;

  /** Scans a prompt. */
  async scan(prompt: string, context: ScanContextV1): Promise<ScanResultV1> {
    return this.engine.scan(prompt, context.signal);
  }
}

/**
 * An output scanner whose work is done by a {@link ClassifierEngine} (Toxicity, Sentiment): only the model's output
 * is scored; the prompt is not.
 */
export abstract class EngineOutputScanner<Config> extends EngineScanner<Config> implements OutputScannerV1 {
  readonly kind = 'output' as const;

  /** Scans a model output (the prompt is not scored). */
  async scan(_prompt: string, output: string, context: ScanContextV1): Promise<ScanResultV1> {
    return this.engine.scan(output, context.signal);
  }
}
