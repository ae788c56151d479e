import type { ShieldDetectionMode as DetectionMode } from '@llm-shield/node';
import { DATASET_FORMATS, isDatasetFormat } from '../datasets/dataset-format.js';
import { DETECTOR_NAMES, isDetectorName } from '../detectors/detector.js';
import { parseCliArgs } from '../parse-cli-args.js';
import { parseCountOption, parseNumberOption, parsePositiveIntegerOption } from '../parse-number.js';
import { UsageError } from '../usage-error.js';
import type { EvalOptions } from './run-evaluation.js';
import { EVAL_TASKS, isEvalTask } from './task.js';

/** What `llm-shield eval`'s arguments ask for. */
export interface EvalArgs {
  /** `--help` was given: print help, do nothing else. */
  help: boolean;
  /** Print JSON instead of tables. */
  json: boolean;
  /** The evaluation to run (absent with `--help`). */
  options?: EvalOptions;
}

const DETECTION_MODES: readonly DetectionMode[] = ['heuristic', 'ml', 'hybrid'];

/** Parses `--sweep 0.3,0.5,0.7`: thresholds in [0, 1], at most 50. */
export function parseSweep(value: string): number[] {
  const thresholds = value.split(',').map((part) => part.trim()).filter((part) => part !== '').map((part) => parseNumberOption('--sweep', part));
  if (thresholds.length === 0 || thresholds.length > 50) throw new UsageError('--sweep needs 1 to 50 comma-separated thresholds.');
  for (const threshold of thresholds) if (threshold < 0 || threshold > 1) throw new UsageError(`--sweep thresholds must be in [0, 1], got ${threshold}.`);
  return thresholds;
}

/**
 * Parses `llm-shield eval`'s arguments. Raises {@link UsageError} for unknown options, missing `--task` /
 * `--data`, or values out of their sets.
 *
 * @param args - the arguments after `eval`
 */
export function parseEvalArgs(args: readonly string[]): EvalArgs {
  const { values, positionals } = parseCliArgs(args, {
    task: { type: 'string' },
    data: { type: 'string', multiple: true },
    format: { type: 'string' },
    'text-column': { type: 'string' },
    'label-column': { type: 'string' },
    positive: { type: 'string', multiple: true },
    'label-constant': { type: 'string' },
    detector: { type: 'string' },
    threshold: { type: 'string' },
    'detection-mode': { type: 'string' },
    limit: { type: 'string' },
    'show-errors': { type: 'string' },
    sweep: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  const json = values.json === true;
  if (values.help) return { help: true, json };
  if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}"; data files are given with --data.`);
  const task = values.task;
  if (task === undefined) throw new UsageError(`--task is required (${EVAL_TASKS.join(', ')}).`);
  if (!isEvalTask(task)) throw new UsageError(`Unknown --task "${task}"; tasks: ${EVAL_TASKS.join(', ')}.`);
  const data = values.data ?? [];
  if (data.length === 0) throw new UsageError('--data FILE is required.');
  const format = values.format;
  if (format !== undefined && !isDatasetFormat(format)) {
    throw new UsageError(`Unknown --format "${format}"; formats: ${DATASET_FORMATS.join(', ')}.`);
  }
  const detector = values.detector;
  if (detector !== undefined && !isDetectorName(detector)) {
    throw new UsageError(`Unknown --detector "${detector}"; detectors: ${DETECTOR_NAMES.join(', ')}.`);
  }
  const mode = values['detection-mode'];
  if (mode !== undefined && !(DETECTION_MODES as readonly string[]).includes(mode)) {
    throw new UsageError(`Unknown --detection-mode "${mode}"; modes: ${DETECTION_MODES.join(', ')}.`);
  }
  const positive = values.positive?.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '');
  if (positive !== undefined && positive.length === 0) throw new UsageError('--positive needs at least one label value.');
  const options: EvalOptions = {
    task,
    data,
    format,
    textColumn: values['text-column'],
    labelColumn: values['label-column'],
    positive,
    labelConstant: values['label-constant'],
    detector,
    threshold: values.threshold === undefined ? undefined : parseNumberOption('--threshold', values.threshold),
    mode: mode as DetectionMode | undefined,
    limit: values.limit === undefined ? undefined : parsePositiveIntegerOption('--limit', values.limit),
    keepErrors: values['show-errors'] === undefined ? undefined : parseCountOption('--show-errors', values['show-errors']),
    sweep: values.sweep === undefined ? undefined : parseSweep(values.sweep),
  };
  return { help: false, json, options };
}
