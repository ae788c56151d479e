import { readFile, stat } from 'node:fs/promises';
import { join, resolve as resolvePath } from 'node:path';
import { InvalidModelError, ModelUnavailableError, type ModelFilesV1, type ModelSourceV1, type ModelVariant } from '@llm-shield/core';
import { MODEL_VARIANTS } from '../registry/model-entry.js';
import { nodeModelFile } from './node-model-file.js';

/** Options of {@link createLocalFolderModelSource}. */
export interface LocalFolderModelSourceOptions {
  /** `modelId` reported in the files (default: the id passed to `resolve`). */
  modelId?: string;
  /** `revision` reported in the files (default `local`). */
  revision?: string;
  /** ONNX file per variant, relative to the folder (default: `model.onnx`, `model_fp16.onnx`, `model_int8.onnx`, `model_quantized.onnx`, in the folder or its `onnx/`). */
  onnx?: Partial<Record<ModelVariant, string>>;
}

/** File names of each variant, as transformers.js / Optimum exports name them. */
export const VARIANT_FILE_NAMES: Readonly<Record<ModelVariant, string>> = {
  fp32: 'model.onnx',
  fp16: 'model_fp16.onnx',
  int8: 'model_int8.onnx',
  quantized: 'model_quantized.onnx',
};

/**
 * A model source for one model in a local folder (an export, or a cache snapshot): the ONNX graph in the folder or
 * its `onnx/`, with `tokenizer.json` and `config.json` (and optionally `tokenizer_config.json`) in either place.
 * Rejects with `ModelUnavailableError` when the folder is missing and `InvalidModelError` when a required file is
 * missing or `config.json` is not JSON.
 */
export function createLocalFolderModelSource(folder: string, options: LocalFolderModelSourceOptions = {}): ModelSourceV1 {
  const root = resolvePath(folder);
  return {
    specificationVersion: 'v1',
    async resolve(modelId, resolveOptions = {}): Promise<ModelFilesV1> {
      if (!(await isDirectory(root))) {
        throw new ModelUnavailableError(`Model folder ${root} does not exist: check the path, or download the model into it.`, {
          details: { modelId, folder: root },
        });
      }
      const variants = resolveOptions.variant ? [resolveOptions.variant] : MODEL_VARIANTS;
      let model: { variant: ModelVariant; path: string } | undefined;
      for (const variant of variants) {
        const explicit = options.onnx?.[variant];
        const path = explicit !== undefined ? await firstFile([join(root, explicit)]) : await firstIn(root, VARIANT_FILE_NAMES[variant]);
        if (path !== undefined) {
          model = { variant, path };
          break;
        }
      }
      const missing = (what: string) =>
        new InvalidModelError(`Model folder ${root} has no ${what} (looked in the folder and its onnx/).`, { details: { modelId, folder: root } });
      if (!model) throw missing(resolveOptions.variant ? `${resolveOptions.variant} ONNX graph (${VARIANT_FILE_NAMES[resolveOptions.variant]})` : 'ONNX graph');
      const tokenizer = await firstIn(root, 'tokenizer.json');
      if (tokenizer === undefined) throw missing('tokenizer.json');
      const config = await firstIn(root, 'config.json');
      if (config === undefined) throw missing('config.json');
      try {
        JSON.parse(await readFile(config, 'utf8'));
      } catch (cause) {
        throw new InvalidModelError(`${config} is not valid JSON.`, { cause, details: { modelId, folder: root } });
      }
      const tokenizerConfig = await firstIn(root, 'tokenizer_config.json');
      return {
        modelId: options.modelId ?? modelId,
        revision: options.revision ?? 'local',
        variant: model.variant,
        model: nodeModelFile(model.path),
        tokenizer: nodeModelFile(tokenizer),
        ...(tokenizerConfig === undefined ? {} : { tokenizerConfig: nodeModelFile(tokenizerConfig) }),
        config: nodeModelFile(config),
      };
    },
  };
}

function firstIn(root: string, name: string): Promise<string | undefined> {
  return firstFile([join(root, name), join(root, 'onnx', name)]);
}

async function firstFile(candidates: string[]): Promise<string | undefined> {
  for (const candidate of candidates) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // Not there.
    }
  }
  return undefined;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
