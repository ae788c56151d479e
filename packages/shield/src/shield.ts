import {
  InvalidConfigError,
  scanOutput,
  scanOutputMany,
  scanPrompt,
  scanPromptMany,
  type InputScannerV1,
  type ModelVariant,
  type OutputScannerV1,
  type PipelineOptions,
  type PipelineResult,
  type ScannerDefinitionV1,
} from '@llm-shield/core';
import type { ClassifierSettings } from '@llm-shield/scanners';
import { ScannerCatalog, type ScannerKind } from './catalog/scanner-catalog.js';
import { convertParams, locateConfigError } from './catalog/scanner-params.js';
import type { ScannerEntry, ShieldConfig } from './config/config-schema.js';
import { loadShieldConfigModule } from './config/load-config-module.js';
import type { ModelCandidate, ModelOrigin, ShieldPlatformV1 } from './policy/model-platform.js';
import { resolveScannerModel } from './policy/resolve-model.js';

/** Input scanners of a shield when neither a configuration nor `input` names any. */
export const DEFAULT_INPUT_SCANNERS: readonly string[] = ['PromptInjection', 'Toxicity'];
/** Output scanners of a shield when neither a configuration nor `output` names any. */
export const DEFAULT_OUTPUT_SCANNERS: readonly string[] = ['Toxicity'];

/** How model scanners decide: `heuristic` attaches no model; `ml`/`hybrid` as the scanners document. */
export type ShieldDetectionMode = 'heuristic' | 'ml' | 'hybrid';

/** A scanner to build: its type name, or a configuration-file entry `{ type, params }`. */
export type ShieldScannerSpec = string | ScannerEntry;

/** Options of a shield (the same on every platform). */
export interface ShieldOptions {
  /**
   * A configuration in llm-guard-api's `scanners.yml` shape (`input_scanners`, `output_scanners`, each
   * `{ type, params }` with llm-guard's parameter names), already parsed (see `parseShieldConfigText`). Its
   * scanner lists win over `input` / `output`.
   */
  config?: ShieldConfig | Record<string, unknown>;
  /** Input scanners when the configuration names none (default {@link DEFAULT_INPUT_SCANNERS}). */
  input?: readonly ShieldScannerSpec[];
  /** Output scanners when the configuration names none (default {@link DEFAULT_OUTPUT_SCANNERS}). */
  output?: readonly ShieldScannerSpec[];
  /**
   * Detection mode of every model scanner (default: each model's own, e.g. the embedded Toxicity model's `hybrid`;
   * without any model, the rules). `heuristic` attaches no model at all.
   */
  detectionMode?: ShieldDetectionMode;
  /** A model folder or URL per scanner type (`{ Toxicity: './my-model' }`): precedence over every other source. */
  models?: Readonly<Record<string, string>>;
  /** Precision variant of every model (default: the platform's preference, int8 first on CPUs). */
  variant?: ModelVariant;
  /** Download production models that are not cached (default `false`: a shield never touches the network unasked). */
  download?: boolean;
  /**
   * What to do with a scanner type the catalog does not have (e.g. llm-guard's model-only `BanTopics`): `error`
   * (default) raises `InvalidConfigError` naming every missing one; `skip` leaves them out and lists them in
   * {@link Shield.skipped}.
   */
  unknownScanners?: 'error' | 'skip';
  /**
   * Options given to every model scanner (PromptInjection, Toxicity, Sentiment…), below each entry's own params,
   * e.g. `{ onModelFailure: 'fallback' }`.
   */
  modelScannerOptions?: Readonly<Record<string, unknown>>;
  /** Pipeline options of every scan (mode, failFast, maxInputLength…); per-call options override them. */
  pipeline?: Omit<PipelineOptions, 'signal' | 'vault'>;
  /** Extra scanner definitions (your own scanners, or replacements of built-in ones). */
  definitions?: readonly ScannerDefinitionV1[];
}

/** Which model a scanner of the shield uses, and from where. */
export interface ShieldModelInfo {
  scanner: string;
  kind: ScannerKind;
  task: string;
  id: string;
  variant?: ModelVariant;
  origin: ModelOrigin;
}

/** What {@link Shield.ready} reports for one model scanner. */
export interface ShieldScannerSettings extends ClassifierSettings {
  kind: ScannerKind;
  scanner: string;
  model?: { id: string; variant?: string; origin?: ModelOrigin };
}

/** A scanner type a shield left out (`unknownScanners: 'skip'`). */
export interface SkippedScanner {
  kind: ScannerKind;
  type: string;
  path: string;
  reason: string;
}

interface BuiltScanners {
  input: InputScannerV1[];
  output: OutputScannerV1[];
  models: ShieldModelInfo[];
  skipped: SkippedScanner[];
  notes: string[];
  warnings: string[];
}

/**
 * A ready guard: the scanners of one configuration with their models resolved by the shared policy. Create it with
 * `createShield()` from `@llm-shield/node` or `@llm-shield/browser` (or {@link createShieldWith} for your own
 * platform); scan with {@link Shield.scanPrompt} / {@link Shield.scanOutput}; release with {@link Shield.close}.
 */
export class Shield {
  /** The input scanners, in order. */
  readonly inputScanners: readonly InputScannerV1[];
  /** The output scanners, in order. */
  readonly outputScanners: readonly OutputScannerV1[];
  /** The model each model scanner uses (absent: the scanner's rules answer). */
  readonly models: readonly ShieldModelInfo[];
  /** Scanner types left out (`unknownScanners: 'skip'`). */
  readonly skipped: readonly SkippedScanner[];
  /** Notes about accepted-and-ignored parameters (llm-guard's `use_onnx`…). */
  readonly notes: readonly string[];
  /** Things the policy skipped (an unreadable cache…). */
  readonly warnings: readonly string[];
  readonly #platform: ShieldPlatformV1 | undefined;
  readonly #pipeline: Omit<PipelineOptions, 'signal' | 'vault'>;
  #closed = false;

  /** @internal use `createShield()` or {@link createShieldWith} */
  constructor(built: BuiltScanners, platform: ShieldPlatformV1 | undefined, pipeline: Omit<PipelineOptions, 'signal' | 'vault'>) {
    this.inputScanners = Object.freeze([...built.input]);
    this.outputScanners = Object.freeze([...built.output]);
    this.models = Object.freeze([...built.models]);
    this.skipped = Object.freeze([...built.skipped]);
    this.notes = Object.freeze([...built.notes]);
    this.warnings = Object.freeze([...built.warnings]);
    this.#platform = platform;
    this.#pipeline = { ...pipeline };
  }

  /** The scanners by kind. */
  get scanners(): { input: readonly InputScannerV1[]; output: readonly OutputScannerV1[] } {
    return { input: this.inputScanners, output: this.outputScanners };
  }

  /**
   * Runs the input scanners over a prompt (llm-guard's `scan_prompt`); see `scanPrompt` in `@llm-shield/core` for
   * the result and errors. Each result that a model answered names the model's origin in `result.model.origin`.
   */
  async scanPrompt(prompt: string, options: PipelineOptions = {}): Promise<PipelineResult> {
    this.#assertOpen();
    return this.#label(await scanPrompt(this.inputScanners, prompt, { ...this.#pipeline, ...options }), 'input');
  }

  /** Runs the output scanners over a model's answer to `prompt` (llm-guard's `scan_output`). */
  async scanOutput(prompt: string, output: string, options: PipelineOptions = {}): Promise<PipelineResult> {
    this.#assertOpen();
    return this.#label(await scanOutput(this.outputScanners, prompt, output, { ...this.#pipeline, ...options }), 'output');
  }

  /**
   * Runs the input scanners over many prompts, each scanner once over all of them (the model scanners batch their
   * inference across prompts); one result per prompt, in order, as {@link Shield.scanPrompt} would return it. See
   * `scanPromptMany` in `@llm-shield/core` for what differs (time limit and abort of the whole batch).
   */
  async scanPromptMany(prompts: readonly string[], options: PipelineOptions = {}): Promise<PipelineResult[]> {
    this.#assertOpen();
    const results = await scanPromptMany(this.inputScanners, prompts, { ...this.#pipeline, ...options });
    return results.map((result) => this.#label(result, 'input'));
  }

  /** Runs the output scanners over many (prompt, output) pairs, batched as {@link Shield.scanPromptMany}. */
  async scanOutputMany(prompts: readonly string[], outputs: readonly string[], options: PipelineOptions = {}): Promise<PipelineResult[]> {
    this.#assertOpen();
    const results = await scanOutputMany(this.outputScanners, prompts, outputs, { ...this.#pipeline, ...options });
    return results.map((result) => this.#label(result, 'output'));
  }

  /**
   * Loads every model scanner's model now rather than on its first scan, and reports the settings scans will use:
   * the detection mode and threshold after each model's own (`config.json` `llm_shield`), the model and its origin,
   * and `modelError` for a model that cannot load (its scans then follow `onModelFailure`). Scanners without a model
   * are listed with `mode: 'heuristic'` where they report settings, and left out otherwise.
   */
  async ready(signal?: AbortSignal): Promise<ShieldScannerSettings[]> {
    this.#assertOpen();
    const report: ShieldScannerSettings[] = [];
    for (const [kind, scanners] of [['input', this.inputScanners], ['output', this.outputScanners]] as const) {
      for (const scanner of scanners) {
        const settings = (scanner as Partial<{ settings(signal?: AbortSignal): Promise<ClassifierSettings> }>).settings;
        if (typeof settings !== 'function') continue;
        const found = await settings.call(scanner, signal);
        const origin = this.models.find((model) => model.kind === kind && model.scanner === scanner.name && model.id === found.model?.id)?.origin;
        report.push({ kind, scanner: scanner.name, ...found, ...(found.model && origin ? { model: { ...found.model, origin } } : {}) });
      }
    }
    return report;
  }

  /** Releases the platform's resources; later scans raise `InvalidConfigError`. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#platform?.close?.();
  }

  #assertOpen(): void {
    if (this.#closed) throw new InvalidConfigError('This shield is closed.');
  }

  #label(result: PipelineResult, kind: ScannerKind): PipelineResult {
    for (const run of result.runs) {
      if (run.status !== 'completed' || run.result.model === undefined) continue;
      const info = this.models.find((model) => model.kind === kind && model.scanner === run.scanner && model.id === run.result.model!.id);
      if (info) run.result.model.origin = info.origin;
    }
    return result;
  }
}

function entryOf(spec: ShieldScannerSpec): ScannerEntry {
  return typeof spec === 'string' ? { type: spec } : spec;
}

/**
 * Builds a shield on a platform: validates the configuration, builds every scanner through the catalog (llm-guard's
 * parameter names converted and checked, errors naming the key path such as `input_scanners[2].params.threshhold`),
 * and resolves each model scanner's model by the shared policy (see `resolveScannerModel`) before any model loads.
 *
 * @param platform - how models are found and run (`undefined`: rules only, no model is ever attached)
 * @param catalog - the scanner definitions available
 * @param options - configuration and policy choices
 */
export async function createShieldWith(platform: ShieldPlatformV1 | undefined, catalog: ScannerCatalog, options: ShieldOptions = {}): Promise<Shield> {
  if (options.unknownScanners !== undefined && options.unknownScanners !== 'error' && options.unknownScanners !== 'skip') {
    throw new InvalidConfigError(`unknownScanners must be "error" or "skip", got ${JSON.stringify(options.unknownScanners)}.`, { details: { field: 'unknownScanners' } });
  }
  if (options.detectionMode !== undefined && !['heuristic', 'ml', 'hybrid'].includes(options.detectionMode)) {
    throw new InvalidConfigError(`detectionMode must be heuristic, ml or hybrid, got ${JSON.stringify(options.detectionMode)}.`, { details: { field: 'detectionMode' } });
  }
  for (const definition of options.definitions ?? []) catalog.register(definition);
  // the parser (zod) loads only when a configuration is given
  const config = options.config === undefined ? undefined : (await loadShieldConfigModule()).validateShieldConfig(options.config);
  const lists: Record<ScannerKind, { entries: ScannerEntry[]; section: string }> = {
    input: {
      entries: config?.input_scanners ?? (options.input ?? DEFAULT_INPUT_SCANNERS).map(entryOf),
      section: config?.input_scanners ? 'input_scanners' : 'input',
    },
    output: {
      entries: config?.output_scanners ?? (options.output ?? DEFAULT_OUTPUT_SCANNERS).map(entryOf),
      section: config?.output_scanners ? 'output_scanners' : 'output',
    },
  };
  // Import the scanner families this shield builds (and only those): lazy families load here.
  await catalog.load([...lists.input.entries, ...lists.output.entries].map((entry) => entryOf(entry).type).concat(Object.keys(options.models ?? {})));
  for (const type of Object.keys(options.models ?? {})) {
    if (!catalog.get(type)?.modelTask) throw new InvalidConfigError(`models.${type}: no model scanner is named ${type}.`, { details: { field: `models.${type}` } });
  }
  const built: BuiltScanners = { input: [], output: [], models: [], skipped: [], notes: [], warnings: [] };
  const missing: string[] = [];
  const resolved = new Map<string, Promise<ModelCandidate | undefined>>();
  for (const kind of ['input', 'output'] as const) {
    const { entries, section } = lists[kind];
    for (const [index, rawEntry] of entries.entries()) {
      const entry = entryOf(rawEntry);
      const path = `${section}[${index}]`;
      const definition = catalog.get(entry.type);
      const factory = definition?.[kind];
      if (!definition || !factory) {
        const reason = definition ? `${definition.type} has no ${kind} scanner` : `llm-shield has no scanner ${entry.type}`;
        if (options.unknownScanners === 'skip') built.skipped.push({ kind, type: entry.type, path, reason });
        else missing.push(`${path}.type ${entry.type} (${reason})`);
        continue;
      }
      const converted = convertParams(definition, entry.params ?? {}, `${path}.params`);
      built.notes.push(...converted.notes);
      const params: Record<string, unknown> = { ...converted.options };
      if (definition.modelTask !== undefined) {
        Object.assign(params, { ...(options.modelScannerOptions ?? {}), ...converted.options });
        if (definition.usesModel === undefined && params['mode'] === undefined && options.detectionMode !== undefined) params['mode'] = options.detectionMode;
        const wantsModel = definition.usesModel ? definition.usesModel(params) : params['mode'] !== 'heuristic';
        const attach = platform && wantsModel && params['model'] === undefined ? await policyModel(platform, definition, options, resolved, built.warnings) : undefined;
        if (attach) {
          params['model'] = { source: attach.source, runtime: platform!.runtime(), id: attach.id, ...(attach.variant ? { variant: attach.variant } : {}) };
          if (params['threshold'] === undefined && attach.threshold !== undefined) params['threshold'] = attach.threshold;
          if (params['mode'] === undefined && attach.mode !== undefined) params['mode'] = attach.mode;
          built.models.push({ scanner: definition.type, kind, task: definition.modelTask, id: attach.id, origin: attach.origin, ...(attach.variant ? { variant: attach.variant } : {}) });
        }
      }
      try {
        const scanner = factory(params);
        if (kind === 'input') built.input.push(scanner as InputScannerV1);
        else built.output.push(scanner as OutputScannerV1);
      } catch (error) {
        throw locateConfigError(error, `${path}.params`, converted.origins);
      }
    }
  }
  if (missing.length > 0) {
    throw new InvalidConfigError(`Unknown scanners: ${missing.join('; ')}. Remove them, or skip them (unknownScanners: 'skip', CLI --skip-unknown).`, {
      details: { path: missing[0]!.split(' ')[0], missing },
    });
  }
  return new Shield(built, platform, options.pipeline ?? {});
}

function policyModel(
  platform: ShieldPlatformV1,
  definition: ScannerDefinitionV1,
  options: ShieldOptions,
  resolved: Map<string, Promise<ModelCandidate | undefined>>,
  warnings: string[],
): Promise<ModelCandidate | undefined> {
  const location = options.models?.[definition.type];
  const key = `${definition.modelTask}\u0000${location ?? ''}`;
  let found = resolved.get(key);
  if (!found) {
    found = resolveScannerModel(
      platform,
      { task: definition.modelTask!, scanner: definition.type, ...(options.variant ? { variant: options.variant } : {}), warn: (message) => warnings.push(message) },
      { ...(location === undefined ? {} : { location }), ...(options.download ? { download: true } : {}) },
    );
    resolved.set(key, found);
  }
  return found;
}
