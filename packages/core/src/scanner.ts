import type { ScanResultV1 } from './result.js';
import type { Vault } from './vault.js';

/** What every scan call receives besides the text. */
export interface ScanContextV1 {
  /** State shared by the scanners of one pipeline. */
  vault: Vault;
  /** Aborts the scan; scanners should stop work and reject with an `AbortedError`. */
  signal?: AbortSignal;
}

interface ScannerBaseV1 {
  /** Contract version this scanner implements. */
  readonly specificationVersion: 'v1';
  /** Scanner type name, e.g. `PromptInjection`. Two scanners of one type may share it; pipelines keep both. */
  readonly name: string;
}

/**
 * A scanner of prompts, before they reach the model (contract version 1). It may also offer
 * `scanMany(prompts, { signal })` (`BatchInputScannerV1`), which `scanPromptMany` uses to batch its work.
 */
export interface InputScannerV1 extends ScannerBaseV1 {
  readonly kind: 'input';
  /** Scans `prompt`. Must not throw for any string input; invalid configuration fails at construction. */
  scan(prompt: string, context: ScanContextV1): Promise<ScanResultV1>;
}

/**
 * A scanner of model outputs, before they reach the user; it also sees the prompt (contract version 1). One that
 * scores only the output may offer `scanMany(outputs, { signal })` (`BatchOutputScannerV1`).
 */
export interface OutputScannerV1 extends ScannerBaseV1 {
  readonly kind: 'output';
  /** Scans `output`, the model's answer to `prompt`. */
  scan(prompt: string, output: string, context: ScanContextV1): Promise<ScanResultV1>;
}

/** Either kind of scanner. */
export type ScannerV1 = InputScannerV1 | OutputScannerV1;
