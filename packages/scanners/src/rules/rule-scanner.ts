import { throwIfAborted, type InputScannerV1, type OutputScannerV1, type ScanContextV1, type ScanResultV1 } from '@llm-shield/core';

/**
 * The threshold of the rule scanners that answer yes or no: the score is 0 (passes) or 1 (flagged), so the risk
 * score is llm-guard's -1 or 1.
 */
export const RULE_THRESHOLD = 0.5;

/**
 * An input scanner whose check is synchronous and rule-based (no model): `scan` checks the abort signal and calls
 * {@link RuleInputScanner.check} on the prompt.
 */
export abstract class RuleInputScanner<Config> implements InputScannerV1 {
  readonly specificationVersion = 'v1' as const;
  readonly kind = 'input' as const;

  /**
   * @param name - the scanner's name (llm-guard's type name)
   * @param config - the validated configuration
   */
  protected constructor(
    readonly name: string,
    /** The validated configuration. */
    readonly config: Config,
  ) {}

  /** Scans a prompt. */
  async scan(prompt: string, context?: ScanContextV1): Promise<ScanResultV1> {
    throwIfAborted(context?.signal, this.name);
    return this.check(prompt);
  }

  /** Scans one text synchronously. */
  abstract check(text: string): ScanResultV1;
}

/**
 * An output scanner whose check is synchronous and rule-based: `scan` calls {@link RuleOutputScanner.check} on the
 * output, with the prompt for the scanners that read it.
 */
export abstract class RuleOutputScanner<Config> implements OutputScannerV1 {
  readonly specificationVersion = 'v1' as const;
  readonly kind = 'output' as const;

  /**
   * @param name - the scanner's name (llm-guard's type name)
   * @param config - the validated configuration
   */
  protected constructor(
    readonly name: string,
    /** The validated configuration. */
    readonly config: Config,
  ) {}

  /** Scans a model output. */
  async scan(prompt: string, output: string, context?: ScanContextV1): Promise<ScanResultV1> {
    throwIfAborted(context?.signal, this.name);
    return this.check(output, prompt);
  }

  /** Scans one output synchronously; `prompt` is the prompt it answers. */
  abstract check(output: string, prompt?: string): ScanResultV1;
}
