import type { ModelVariant } from '@llm-shield/core';
import { builtinCatalog, DEFAULT_INPUT_SCANNERS, DEFAULT_OUTPUT_SCANNERS, type ShieldDetectionMode as DetectionMode } from '@llm-shield/node';
import { parseModelDirs } from './model-dirs.js';
import { resolveScannerName } from './scanner-name.js';

export { resolveScannerName };
import { parseCliArgs } from '../parse-cli-args.js';
import { parseNumberOption, parsePositiveIntegerOption } from '../parse-number.js';
import { UsageError } from '../usage-error.js';

/** What the shield does when a model scanner's model cannot load or run (`--on-model-failure`). */
export type ModelFailurePolicy = 'block' | 'fallback' | 'throw';

const FAILURE_POLICIES: readonly ModelFailurePolicy[] = ['block', 'fallback', 'throw'];

/** What `llm-shield scan`'s arguments ask for. */
export interface ScanArgs {
  /** Print help and stop. */
  help: boolean;
  /** `--list-scanners`: print the available scanners and stop. */
  listScanners: boolean;
  /** Text given as arguments (joined with spaces); `undefined` when none. */
  text: string | undefined;
  /** `--file`. */
  file: string | undefined;
  /** `--output`: scan a model output with output scanners. */
  output: boolean;
  /** `--prompt` (output mode). */
  prompt: string;
  /** Canonical scanner names, in order (empty with `--config`: the file names them). */
  scanners: string[];
  /** `--config`: a configuration file in llm-guard-api's `scanners.yml` shape. */
  config: string | undefined;
  /** `--skip-unknown`: leave out scanners of the configuration that llm-shield does not have. */
  skipUnknown: boolean;
  /** `--on-model-failure` (`undefined`: each scanner's default). */
  onModelFailure: ModelFailurePolicy | undefined;
  /** `--show-sanitized`: print the sanitized text. */
  showSanitized: boolean;
  /** Threshold per canonical scanner name. */
  thresholds: Map<string, number>;
  /** Pipeline mode. */
  mode: 'sequential' | 'parallel';
  failFast: boolean;
  /** Scanner detection mode (`undefined`: the scanner's default). */
  detectionMode: DetectionMode | undefined;
  /** Maximum input length in UTF-16 code units (`undefined`: the pipeline's default). */
  maxLength: number | undefined;
  json: boolean;
  /** `--model-dir`: a local model folder per canonical scanner name (ML mode for those scanners). */
  modelDirs: Map<string, string>;
  /** `--variant`: the ONNX variant to load from model folders (`undefined`: the first present of fp32, fp16, int8, quantized). */
  variant: ModelVariant | undefined;
}

const VARIANTS: readonly ModelVariant[] = ['fp32', 'fp16', 'int8', 'quantized'];

const DETECTION_MODES: readonly DetectionMode[] = ['heuristic', 'ml', 'hybrid'];


/**
 * Parses `--threshold` values: `Name=0.7` sets one scanner's threshold, a bare number sets every selected
 * scanner's. Raises {@link UsageError} for a malformed value or a scanner that is not selected.
 *
 * @param specs - the `--threshold` values in order (later ones win)
 * @param scanners - the selected canonical scanner names
 */
export function parseThresholds(specs: readonly string[], scanners: readonly string[]): Map<string, number> {
  const thresholds = new Map<string, number>();
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq < 0) {
      const value = parseNumberOption('--threshold', spec);
      for (const scanner of scanners) thresholds.set(scanner, value);
      continue;
    }
    const name = resolveScannerName(spec.slice(0, eq).trim(), scanners);
    thresholds.set(name, parseNumberOption(`--threshold ${name}`, spec.slice(eq + 1)));
  }
  return thresholds;
}

/**
 * Parses `llm-shield scan`'s arguments. Raises {@link UsageError} for unknown options or scanners, malformed
 * numbers, or both a text argument and `--file`.
 *
 * @param args - the arguments after `scan`
 */
export function parseScanArgs(args: readonly string[]): ScanArgs {
  const { values, positionals } = parseCliArgs(args, {
    file: { type: 'string', short: 'f' },
    output: { type: 'boolean' },
    prompt: { type: 'string' },
    scanners: { type: 'string' },
    threshold: { type: 'string', multiple: true },
    mode: { type: 'string' },
    'fail-fast': { type: 'boolean' },
    'detection-mode': { type: 'string' },
    'max-length': { type: 'string' },
    json: { type: 'boolean' },
    'model-dir': { type: 'string', multiple: true },
    variant: { type: 'string' },
    config: { type: 'string', short: 'c' },
    'skip-unknown': { type: 'boolean' },
    'on-model-failure': { type: 'string' },
    'show-sanitized': { type: 'boolean' },
    'list-scanners': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const output = values.output === true;
  if (values.config !== undefined && values.scanners !== undefined) throw new UsageError('Give --scanners or --config, not both: the configuration file names its scanners.');
  const known: readonly string[] = builtinCatalog().names(output ? 'output' : 'input');
  const requested = values.scanners === undefined ? (values.config === undefined ? [...(output ? DEFAULT_OUTPUT_SCANNERS : DEFAULT_INPUT_SCANNERS)] : []) : values.scanners.split(',');
  const scanners = requested.map((name) => name.trim()).filter((name) => name !== '').map((name) => resolveScannerName(name, known));
  if (scanners.length === 0 && values.config === undefined) throw new UsageError('--scanners needs at least one scanner.');
  if (values.config !== undefined && (values.threshold ?? []).some((spec) => !spec.includes('='))) {
    throw new UsageError('With --config, name the scanner of each --threshold (--threshold Toxicity=0.7).');
  }
  const onModelFailure = values['on-model-failure'];
  if (onModelFailure !== undefined && !(FAILURE_POLICIES as readonly string[]).includes(onModelFailure)) {
    throw new UsageError(`--on-model-failure must be one of ${FAILURE_POLICIES.join(', ')}, got "${onModelFailure}".`);
  }
  const mode = values.mode ?? 'sequential';
  if (mode !== 'sequential' && mode !== 'parallel') throw new UsageError(`--mode must be sequential or parallel, got "${mode}".`);
  const detectionMode = values['detection-mode'];
  if (detectionMode !== undefined && !(DETECTION_MODES as readonly string[]).includes(detectionMode)) {
    throw new UsageError(`--detection-mode must be one of ${DETECTION_MODES.join(', ')}, got "${detectionMode}".`);
  }
  if (values.prompt !== undefined && !output) throw new UsageError('--prompt is for --output mode (scanning a model answer).');
  const variant = values.variant;
  if (variant !== undefined && !(VARIANTS as readonly string[]).includes(variant)) {
    throw new UsageError(`--variant must be one of ${VARIANTS.join(', ')}, got "${variant}".`);
  }
  const text = positionals.length > 0 ? positionals.join(' ') : undefined;
  if (text !== undefined && values.file !== undefined) throw new UsageError('Give the text as an argument or with --file, not both.');
  return {
    help: values.help === true,
    listScanners: values['list-scanners'] === true,
    text,
    file: values.file,
    output,
    prompt: values.prompt ?? '',
    scanners,
    config: values.config,
    skipUnknown: values['skip-unknown'] === true,
    onModelFailure: onModelFailure as ModelFailurePolicy | undefined,
    showSanitized: values['show-sanitized'] === true,
    thresholds: parseThresholds(values.threshold ?? [], values.config === undefined ? scanners : known),
    mode,
    failFast: values['fail-fast'] === true,
    detectionMode: detectionMode as DetectionMode | undefined,
    maxLength: values['max-length'] === undefined ? undefined : parsePositiveIntegerOption('--max-length', values['max-length']),
    json: values.json === true,
    modelDirs: parseModelDirs(values['model-dir'] ?? [], values.config === undefined ? scanners : known),
    variant: variant as ModelVariant | undefined,
  };
}
