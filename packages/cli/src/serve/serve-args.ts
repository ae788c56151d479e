import { parseCliArgs } from '../parse-cli-args.js';
import { parsePositiveIntegerOption } from '../parse-number.js';
import { UsageError } from '../usage-error.js';

/** What `llm-shield serve`'s arguments ask for. */
export interface ServeArgs {
  help: boolean;
  /** `--config`: llm-guard-api's `scanners.yml` shape (required). */
  config: string | undefined;
  /** `--port` (default 8000, as llm-guard-api; 0 picks a free port). */
  port: number;
  /** `--host` (default 127.0.0.1: loopback only). */
  host: string;
  /** `--workers` (default 1). */
  workers: number;
  /** `--strict`: refuse scanners llm-shield does not have instead of skipping them. */
  strict: boolean;
  /** `--detection-mode` of every model scanner (`undefined`: each model's own). */
  detectionMode: 'heuristic' | 'ml' | 'hybrid' | undefined;
}

/** Parses `llm-shield serve`'s arguments; raises `UsageError` for bad ones. */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  const { values, positionals } = parseCliArgs(argv, {
    help: { type: 'boolean', short: 'h' },
    config: { type: 'string', short: 'c' },
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    workers: { type: 'string', short: 'w' },
    strict: { type: 'boolean' },
    'skip-unknown': { type: 'boolean' },
    'detection-mode': { type: 'string' },
  });
  if (positionals.length > 0) throw new UsageError(`serve takes no positional arguments, got "${positionals[0]}".`);
  if (values.strict && values['skip-unknown']) throw new UsageError('--strict and --skip-unknown contradict each other.');
  const help = values.help === true;
  if (!help && values.config === undefined) throw new UsageError('serve needs --config FILE (llm-guard-api\'s scanners.yml shape).');
  let port = 8000;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d{1,5}$/.test(values.port) || port > 65_535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port}".`);
  }
  const workers = values.workers === undefined ? 1 : parsePositiveIntegerOption('--workers', values.workers);
  if (workers > 64) throw new UsageError(`--workers must be at most 64, got ${workers}.`);
  const mode = values['detection-mode'];
  if (mode !== undefined && mode !== 'heuristic' && mode !== 'ml' && mode !== 'hybrid') throw new UsageError(`--detection-mode must be heuristic, ml or hybrid, got "${mode}".`);
  return { help, config: values.config, port, host: values.host ?? '127.0.0.1', workers, strict: values.strict === true, detectionMode: mode };
}
