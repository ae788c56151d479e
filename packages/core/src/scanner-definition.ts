import type { InputScannerV1, OutputScannerV1 } from './scanner.js';

/**
 * How a configuration file (llm-guard-api's `scanners.yml` shape) or the library entry builds a scanner by its
 * llm-guard type name. Every package that ships scanners exports a list of these; the shield combines them into one
 * catalog. Options arrive in camelCase (the loader converts llm-guard's snake_case names and applies `aliases`);
 * each factory validates them and raises `InvalidConfigError` with `details.option` (unknown key) or
 * `details.field` (bad value) naming the camelCase key, so the loader can report the file's key path.
 */
export interface ScannerDefinitionV1 {
  /** Contract version of the definition. */
  readonly specificationVersion: 'v1';
  /** llm-guard's scanner type name, e.g. `BanSubstrings`; also the `type` in a config file. */
  readonly type: string;
  /** Builds the input variant; absent when the scanner has none. */
  readonly input?: (config: Record<string, unknown>) => InputScannerV1;
  /** Builds the output variant; absent when the scanner has none. */
  readonly output?: (config: Record<string, unknown>) => OutputScannerV1;
  /**
   * llm-guard parameter names whose llm-shield option is not the plain snake_case → camelCase conversion, with a
   * value mapping where the values differ too (e.g. `match_type: sentence` → `longInput: 'sentences'`).
   */
  readonly aliases?: Readonly<Record<string, ScannerOptionAlias>>;
  /** llm-guard parameters accepted and ignored, each with the note the loader reports (e.g. `use_onnx`). */
  readonly ignored?: Readonly<Record<string, string>>;
  /**
   * The model task the shield's model policy resolves for this scanner (e.g. `prompt-injection`), when the scanner
   * can use a classifier model; absent for rule-only scanners.
   */
  readonly modelTask?: string;
  /**
   * Whether a scanner built with these camelCase options uses the model of {@link modelTask}. Absent (the classifier
   * scanners): every mode but `heuristic` does, and the shield's `detectionMode` fills an unset `mode`. Scanners whose
   * model is opted into by another option (Anonymize's `recognizer: 'ml' | 'hybrid'`) give this function: the
   * shield then never sets `mode` on them and resolves (or downloads) their model only when it returns true.
   */
  readonly usesModel?: (options: Readonly<Record<string, unknown>>) => boolean;
}

/** Where an llm-guard parameter goes in llm-shield's options. */
export interface ScannerOptionAlias {
  /** The camelCase option name. */
  readonly option: string;
  /** Maps the file's value to the option's value; raise `InvalidConfigError` for a value with no equivalent. */
  readonly value?: (value: unknown) => unknown;
}
