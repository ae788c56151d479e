import type { InferenceRuntimeV1 } from '@llm-shield/core';
import { createLocalFolderModelSource } from '@llm-shield/model-hub/node';
import { createNodeRuntime } from '@llm-shield/runtime-node';
import type { ClassifierModelOptions } from '@llm-shield/scanners';
import type { ScanArgs } from './scan-args.js';

/**
 * The `model` option of each scanner that `llm-shield scan` runs with a model: one onnxruntime-node runtime for
 * all of them (so scanners of one model share its session), and a local-folder source per `--model-dir`.
 *
 * @param args - the parsed scan arguments
 * @param createRuntime - the runtime factory (default: onnxruntime-node on the CPU)
 */
export function scanModels(args: ScanArgs, createRuntime: () => InferenceRuntimeV1 = () => createNodeRuntime()): Map<string, ClassifierModelOptions> {
  const models = new Map<string, ClassifierModelOptions>();
  if (args.modelDirs.size === 0) return models;
  const runtime = createRuntime();
  for (const [scanner, dir] of args.modelDirs) {
    models.set(scanner, {
      source: createLocalFolderModelSource(dir),
      runtime,
      id: dir,
      ...(args.variant === undefined ? {} : { variant: args.variant }),
    });
  }
  return models;
}
