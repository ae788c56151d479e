import { fileURLToPath } from 'node:url';
import type { InferenceRuntimeV1, ModelVariant } from '@llm-shield/core';
import { createHubModelSource, createLocalFolderModelSource, createModelHub, DEFAULT_SCANNER_MODELS } from '@llm-shield/model-hub/node';
import { EMBEDDED_MODELS, embeddedModelUrl, type EmbeddedModelTask } from '@llm-shield/models-embedded';
import { createNodeRuntime } from '@llm-shield/runtime-node';
import type { ClassifierModelOptions } from '@llm-shield/scanners';
import type { ScanArgs } from './scan-args.js';

/** Variants looked for in the cache when `--variant` is not given: the quantised ones first (faster on CPUs). */
export const CACHED_VARIANT_PREFERENCE: readonly ModelVariant[] = ['int8', 'quantized', 'fp32', 'fp16'];

/** The embedded model of each scanner (shipped in `@llm-shield/models-embedded`). */
export const EMBEDDED_MODEL_OF_SCANNER: Readonly<Record<string, EmbeddedModelTask>> = {
  PromptInjection: 'prompt-injection',
  Toxicity: 'toxicity',
  Sentiment: 'sentiment',
};

/** A scanner's model as `llm-shield scan` found it. */
export interface ScanModel {
  model: ClassifierModelOptions;
  /** Where it came from: `--model-dir`, the Hugging Face cache, or the models shipped with llm-shield. */
  origin: 'model-dir' | 'cache' | 'embedded';
  /** The model's own calibrated threshold, used unless `--threshold` names one (embedded models). */
  threshold?: number;
  /** Detection mode used unless `--detection-mode` names one (embedded models: the manifest's `defaultMode`). */
  mode?: 'ml' | 'hybrid';
}

/** Where `llm-shield scan` gets each scanner's model. */
export interface ScanModelOptions {
  /** Environment for the hub cache settings (`HF_HOME`, `HF_HUB_CACHE`, `LLM_SHIELD_HUB_CACHE`…). */
  env: Readonly<Record<string, string | undefined>>;
  /** Runtime factory (default: onnxruntime-node on the CPU); called at most once. */
  createRuntime?: () => InferenceRuntimeV1;
}

/**
 * The model of each scanner `llm-shield scan` runs, by precedence: the scanner's `--model-dir` folder; else its
 * production model (the registry's default for that scanner) when it is already in the Hugging Face cache — looked
 * up offline, never downloaded here (`llm-shield models pull` does that); else the compact model shipped in
 * `@llm-shield/models-embedded` (int8 unless `--variant` says otherwise), so scanning works offline right after
 * install. Each embedded model runs in its manifest's `defaultMode` unless `--detection-mode` says otherwise:
 * PromptInjection and Sentiment `ml` (the model decides; the rules' findings come along as `heuristic`), Toxicity
 * `hybrid` (the model is asked only when the rules see something: half the false positives, docs/accuracy.md).
 * Models from `--model-dir` or the cache run in `ml`. `heuristic` attaches no model. One onnxruntime-node runtime
 * serves all scanners, so scanners of one model share its session.
 *
 * @param args - the parsed scan arguments
 * @param options - environment and runtime factory
 */
export async function scanModels(args: ScanArgs, options: ScanModelOptions): Promise<Map<string, ScanModel>> {
  const models = new Map<string, ScanModel>();
  if (args.detectionMode === 'heuristic') return models;
  let runtime: InferenceRuntimeV1 | undefined;
  const getRuntime = () => (runtime ??= (options.createRuntime ?? (() => createNodeRuntime()))());
  const variant = args.variant === undefined ? {} : { variant: args.variant };
  for (const [scanner, dir] of args.modelDirs) {
    models.set(scanner, { model: { source: createLocalFolderModelSource(dir), runtime: getRuntime(), id: dir, ...variant }, origin: 'model-dir' });
  }
  const rest = args.scanners.filter((scanner) => !models.has(scanner));
  const hubOptions = { env: options.env, offline: true, onWarning: () => undefined };
  const hub = createModelHub(hubOptions);
  const hubSource = createHubModelSource(hubOptions);
  for (const scanner of rest) {
    const cached = await findCachedProductionModel(hub, scanner, args.variant);
    if (cached !== undefined) {
      models.set(scanner, { model: { source: hubSource, runtime: getRuntime(), id: cached.id, variant: cached.variant }, origin: 'cache' });
      continue;
    }
    const task = EMBEDDED_MODEL_OF_SCANNER[scanner];
    if (task === undefined) continue;
    const embedded = EMBEDDED_MODELS[task];
    const embeddedVariant: ModelVariant = args.variant ?? (embedded.files.int8 ? 'int8' : 'fp32');
    const folder = fileURLToPath(embeddedModelUrl(`${embedded.name}/`));
    models.set(scanner, {
      model: { source: createLocalFolderModelSource(folder, { modelId: `llm-shield/${embedded.name}` }), runtime: getRuntime(), id: `llm-shield/${embedded.name}`, variant: embeddedVariant },
      origin: 'embedded',
      mode: embedded.defaultMode,
      ...(embedded.threshold === null ? {} : { threshold: embedded.threshold }),
    });
  }
  return models;
}

async function findCachedProductionModel(hub: ReturnType<typeof createModelHub>, scanner: string, variant: ModelVariant | undefined) {
  if (!(scanner in DEFAULT_SCANNER_MODELS)) return undefined;
  const id = DEFAULT_SCANNER_MODELS[scanner as keyof typeof DEFAULT_SCANNER_MODELS];
  const entry = hub.registry.get(id);
  const candidates = variant !== undefined ? [variant] : CACHED_VARIANT_PREFERENCE.filter((name) => entry.files.onnx[name] !== undefined);
  for (const candidate of candidates) {
    if (await hub.findCached(entry, { variant: candidate })) return { id, variant: candidate };
  }
  return undefined;
}
