import { MODEL_VARIANTS } from '@llm-shield/model-hub';
import type { ModelVariant } from '@llm-shield/core';
import { parseCliArgs } from '../parse-cli-args.js';
import { parseNumberOption } from '../parse-number.js';
import { UsageError } from '../usage-error.js';

/** The subcommands of `llm-shield models`. */
export const MODELS_SUBCOMMANDS = ['list', 'pull', 'verify', 'check', 'update', 'remove', 'clean', 'path'] as const;

/** One of {@link MODELS_SUBCOMMANDS}. */
export type ModelsSubcommand = (typeof MODELS_SUBCOMMANDS)[number];

/** Options shared by every `models` subcommand. */
export interface ModelsGlobalOptions {
  /** `--cache-dir` (default: `LLM_SHIELD_HUB_CACHE`, `HF_HUB_CACHE`, `$HF_HOME/hub`, `~/.cache/huggingface/hub`). */
  cacheDir?: string;
  /** `--hub-url` (default: `HF_ENDPOINT`, else `https://huggingface.co`). */
  hubUrl?: string;
  /** `--offline` (default: `HF_HUB_OFFLINE`). */
  offline?: boolean;
  /** `--registry FILE…`: JSON files of extra registry entries (default: none). */
  registryFiles: string[];
  /** `--json`: machine-readable output on stdout, no progress bar (default false). */
  json: boolean;
  /**
   * `--timeout SECONDS` (pull, check, update): how long each hub request may wait for its answer, and a transfer for
   * the next bytes of its body, in ms (default: `HF_HUB_ETAG_TIMEOUT` for metadata and `HF_HUB_DOWNLOAD_TIMEOUT` for
   * downloads, 10 s each).
   */
  timeoutMs?: number;
}

/** What `llm-shield models`'s arguments ask for. */
export interface ModelsArgs extends ModelsGlobalOptions {
  /** `--help`, or no subcommand: print help, do nothing else. */
  help: boolean;
  /** The subcommand (absent with `help`). */
  subcommand?: ModelsSubcommand;
  /** The model named by the positional argument (registry id or repo id). */
  model?: string;
  /** `--all`: every registry model (pull, check, clean). */
  all: boolean;
  /** `--variant` (default: the model's first of fp32, fp16, int8, quantized). */
  variant?: ModelVariant;
  /** `--revision`: commit, branch or tag instead of the registry pin. */
  revision?: string;
  /** `--apply` (update/check): pull the branch head of the models that are behind (default false). */
  apply: boolean;
  /** `--verify` (pull): re-hash cached files and download again any that do not match (default false). */
  verify: boolean;
  /** `--force` (remove, clean): also act while a lock looks alive or on fresh `.incomplete` files (default false). */
  force: boolean;
}

const NEEDS_MODEL: readonly ModelsSubcommand[] = ['remove', 'path'];
const TAKES_MODEL: readonly ModelsSubcommand[] = ['list', 'pull', 'verify', 'check', 'update', 'remove', 'path'];
const TAKES_ALL: readonly ModelsSubcommand[] = ['pull', 'check', 'update', 'clean'];
const TAKES_VARIANT: readonly ModelsSubcommand[] = ['pull', 'path', 'check', 'update'];
const TAKES_REVISION: readonly ModelsSubcommand[] = ['pull', 'path'];
const TAKES_TIMEOUT: readonly ModelsSubcommand[] = ['pull', 'check', 'update'];

/** `--timeout SECONDS` in ms; a positive number of seconds (fractions allowed), else a {@link UsageError}. */
function parseTimeout(value: string): number {
  const seconds = parseNumberOption('--timeout', value);
  if (seconds <= 0) throw new UsageError(`--timeout expects a positive number of seconds, got "${value}".`);
  return Math.max(1, Math.round(seconds * 1000));
}

/**
 * Parses `llm-shield models` arguments (the subcommand first; options anywhere). Raises {@link UsageError} for
 * unknown subcommands or options, a missing or extra model name, and options the subcommand does not take.
 *
 * @param args - the arguments after `models`
 */
export function parseModelsArgs(args: readonly string[]): ModelsArgs {
  const { values, positionals } = parseCliArgs(args, {
    'cache-dir': { type: 'string' },
    'hub-url': { type: 'string' },
    offline: { type: 'boolean' },
    registry: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    all: { type: 'boolean' },
    variant: { type: 'string' },
    revision: { type: 'string' },
    apply: { type: 'boolean' },
    force: { type: 'boolean' },
    verify: { type: 'boolean' },
    timeout: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  const base: ModelsArgs = {
    help: false,
    json: values.json === true,
    all: values.all === true,
    apply: values.apply === true,
    force: values.force === true,
    verify: values.verify === true,
    registryFiles: values.registry ?? [],
    ...(values['cache-dir'] === undefined ? {} : { cacheDir: values['cache-dir'] }),
    ...(values['hub-url'] === undefined ? {} : { hubUrl: values['hub-url'] }),
    ...(values.offline === undefined ? {} : { offline: values.offline }),
    ...(values.timeout === undefined ? {} : { timeoutMs: parseTimeout(values.timeout) }),
  };
  const [subcommand, model, ...extra] = positionals;
  if (values.help || subcommand === undefined || subcommand === 'help') return { ...base, help: true };
  if (!isModelsSubcommand(subcommand)) {
    throw new UsageError(`Unknown models subcommand "${subcommand}". Subcommands: ${MODELS_SUBCOMMANDS.join(', ')}.`);
  }
  if (extra.length > 0) throw new UsageError(`Unexpected argument "${extra[0]}": models ${subcommand} takes at most one model.`);
  if (model !== undefined && !TAKES_MODEL.includes(subcommand)) throw new UsageError(`models ${subcommand} takes no model name (got "${model}").`);
  if (model === undefined && NEEDS_MODEL.includes(subcommand)) throw new UsageError(`models ${subcommand} needs a model name (registry id or repo id).`);
  if (base.all && !TAKES_ALL.includes(subcommand)) throw new UsageError(`--all does not apply to models ${subcommand}.`);
  if (base.all && model !== undefined) throw new UsageError(`Give a model name or --all, not both.`);
  if (subcommand === 'pull' && model === undefined && !base.all) throw new UsageError('models pull needs a model name (registry id or repo id) or --all.');
  if (base.apply && subcommand !== 'update' && subcommand !== 'check') throw new UsageError(`--apply only applies to models update / check.`);
  if (base.force && subcommand !== 'remove' && subcommand !== 'clean') throw new UsageError(`--force only applies to models remove / clean.`);
  if (base.timeoutMs !== undefined && !TAKES_TIMEOUT.includes(subcommand)) throw new UsageError(`--timeout only applies to models pull / check / update.`);
  if (base.verify && subcommand !== 'pull') throw new UsageError(`--verify only applies to models pull (models verify re-hashes the cache).`);
  const variant = values.variant;
  if (variant !== undefined) {
    if (!TAKES_VARIANT.includes(subcommand)) throw new UsageError(`--variant does not apply to models ${subcommand}.`);
    if (!(MODEL_VARIANTS as readonly string[]).includes(variant)) {
      throw new UsageError(`Unknown --variant "${variant}"; variants: ${MODEL_VARIANTS.join(', ')}.`);
    }
  }
  const revision = values.revision;
  if (revision !== undefined) {
    if (!TAKES_REVISION.includes(subcommand)) throw new UsageError(`--revision does not apply to models ${subcommand}.`);
    if (revision.trim() === '') throw new UsageError('--revision needs a commit, branch or tag.');
    if (base.all) throw new UsageError('--revision applies to one model, not to --all.');
  }
  return {
    ...base,
    subcommand,
    ...(model === undefined ? {} : { model }),
    ...(variant === undefined ? {} : { variant: variant as ModelVariant }),
    ...(revision === undefined ? {} : { revision }),
  };
}

/** True for one of {@link MODELS_SUBCOMMANDS}. */
export function isModelsSubcommand(value: string): value is ModelsSubcommand {
  return (MODELS_SUBCOMMANDS as readonly string[]).includes(value);
}
