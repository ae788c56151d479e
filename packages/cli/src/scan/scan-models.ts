import type { InferenceRuntimeV1, ModelVariant } from '@llm-shield/core';
import { createHubModelSource, createLocalFolderModelSource, createModelHub, DEFAULT_SCANNER_MODELS } from '@llm-shield/model-hub/node';
import { createNodeRuntime } from '@llm-shield/runtime-node';
import type { ClassifierModelOptions } from '@llm-shield/scanners';
import type { ScanArgs } from './scan-args.js';

/** Variants looked for in the cache when `--variant` is not given: the quantised ones first (faster on CPUs). */
export const CACHED_VARIANT_PREFERENCE: readonly ModelVariant[] = ['int8', 'quantized', 'fp32', 'fp16'];

/** Where `llm-shield scan` gets each scanner's model. */
export interface ScanModelOptions {
  /** Environment for the hub cache settings (`HF_HOME`, `HF_HUB_CACHE`, `LLM_SHIELD_HUB_CACHE`…). */
  env: Readonly<Record<string, string | undefined>>;
  /** Runtime factory (default: onnxruntime-node on the CPU); called at most once. */
  createRuntime?: () => InferenceRuntimeV1;
}

/**
 * The `model` option of each scanner `llm-shield scan` runs with a model, by precedence: the scanner's
 * `--model-dir` folder; else its production model (the registry's default for that scanner) when it is already in
 * the Hugging Face cache — looked up offline, never downloaded here (`llm-shield models pull` does that); else none,
 * and the rule-based detector answers. `--detection-mode heuristic` attaches no model. One onnxruntime-node runtime
 * serves all scanners, so scanners of one model share its session.
 *
 * @param args - the parsed scan arguments
 * @param options - environment and runtime factory
 */
export async function scanModels(args: ScanArgs, options: ScanModelOptions): Promise<Map<string, ClassifierModelOptions>> {
  const models = new Map<string, ClassifierModelOptions>();
  if (args.detectionMode === 'heuristic') return models;
  let runtime: InferenceRuntimeV1 | undefined;
  const getRuntime = () => (runtime ??= (options.createRuntime ?? (() => createNodeRuntime()))());
  const variant = args.variant === undefined ? {} : { variant: args.variant };
  for (const [scanner, dir] of args.modelDirs) {
    models.set(scanner, { source: createLocalFolderModelSource(dir), runtime: getRuntime(), id: dir, ...variant });
  }
  const rest = args.scanners.filter((scanner) => !models.has(scanner) && scanner in DEFAULT_SCANNER_MODELS);
  if (rest.length === 0) return models;
  const hubOptions = { env: options.env, offline: true, onWarning: () => undefined };
  const hub = createModelHub(hubOptions);
  const source = createHubModelSource(hubOptions);
  for (const scanner of rest) {
    const id = DEFAULT_SCANNER_MODELS[scanner as keyof typeof DEFAULT_SCANNER_MODELS];
    const entry = hub.registry.get(id);
    const candidates = args.variant !== undefined ? [args.variant] : CACHED_VARIANT_PREFERENCE.filter((name) => entry.files.onnx[name] !== undefined);
    for (const candidate of candidates) {
      if (await hub.findCached(entry, { variant: candidate })) {
        models.set(scanner, { source, runtime: getRuntime(), id, variant: candidate });
        break;
      }
    }
  }
  return models;
}
