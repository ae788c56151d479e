import { stat } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InferenceRuntimeV1, ModelVariant } from '@llm-shield/core';
import { createHubModelSource, createLocalFolderModelSource, createModelHub, DEFAULT_SCANNER_MODELS } from '@llm-shield/model-hub/node';
import { EMBEDDED_MODELS, embeddedModelUrl, type EmbeddedModelTask } from '@llm-shield/models-embedded';
import type { ModelCandidate, ModelRequest, ShieldPlatformV1 } from '@llm-shield/shield';
import { createLazyNodeRuntime } from './lazy-runtime.js';

/** Variants looked for in the cache when none is asked for: the quantised ones first (faster on CPUs). */
export const CACHED_VARIANT_PREFERENCE: readonly ModelVariant[] = ['int8', 'quantized', 'fp32', 'fp16'];

/** Options of {@link createNodePlatform}. */
export interface NodePlatformOptions {
  /** Environment for the Hugging Face cache settings (`HF_HOME`, `HF_HUB_CACHE`, `HF_HUB_OFFLINE`…; default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The inference runtime of every model (default: onnxruntime-node on the CPU, imported on first use). */
  runtime?: InferenceRuntimeV1;
}

function productionModel(scanner: string): string | undefined {
  return scanner in DEFAULT_SCANNER_MODELS ? DEFAULT_SCANNER_MODELS[scanner as keyof typeof DEFAULT_SCANNER_MODELS] : undefined;
}

/**
 * The Node half of the model policy: model folders given by path, the production models in the Hugging Face cache
 * (looked up offline; downloaded only through `download`), the embedded models from `@llm-shield/models-embedded`'s
 * folder, and onnxruntime-node.
 *
 * @param options - environment and runtime
 */
export function createNodePlatform(options: NodePlatformOptions = {}): ShieldPlatformV1 {
  const env = options.env ?? process.env;
  let runtime = options.runtime;
  const hubOptions = (request: ModelRequest, offline: boolean) => ({ env, offline, onWarning: (message: string) => request.warn(message) });
  return {
    specificationVersion: 'v1',
    name: 'node',
    runtime: () => (runtime ??= createLazyNodeRuntime()),
    explicit(location, request): ModelCandidate {
      return { source: createLocalFolderModelSource(location), id: location, origin: 'explicit', ...(request.variant ? { variant: request.variant } : {}) };
    },
    async cached(request) {
      const id = productionModel(request.scanner);
      if (id === undefined) return undefined;
      const hub = createModelHub(hubOptions(request, true));
      if (!(await isReadableDirectory(hub.settings.cacheDir))) return undefined;
      const entry = hub.registry.get(id);
      const candidates = request.variant ? [request.variant] : CACHED_VARIANT_PREFERENCE.filter((name) => entry.files.onnx[name] !== undefined);
      for (const variant of candidates) {
        if (await hub.findCached(entry, { variant })) {
          return { source: createHubModelSource(hubOptions(request, true)), id, variant, origin: 'cache' };
        }
      }
      return undefined;
    },
    async download(request) {
      const id = productionModel(request.scanner);
      if (id === undefined) return undefined;
      const hub = createModelHub(hubOptions(request, false));
      const entry = hub.registry.get(id);
      const variant = request.variant ?? CACHED_VARIANT_PREFERENCE.find((name) => entry.files.onnx[name] !== undefined);
      const pulled = await hub.pull(entry, variant ? { variant } : {});
      return { source: createHubModelSource(hubOptions(request, true)), id, variant: pulled.variant, origin: 'download' };
    },
    embedded(request) {
      const embedded = EMBEDDED_MODELS[request.task as EmbeddedModelTask];
      if (embedded === undefined) return undefined;
      const id = `llm-shield/${embedded.name}`;
      return {
        source: createLocalFolderModelSource(fileURLToPath(embeddedModelUrl(`${embedded.name}/`)), { modelId: id }),
        id,
        variant: request.variant ?? (embedded.files.int8 ? 'int8' : 'fp32'),
        // Its calibrated threshold and default mode travel in its config.json (`llm_shield`), read when it loads.
        origin: 'embedded',
      };
    },
  };
}

/** True when `path` is a directory this process can list; a missing cache is simply empty. */
function isReadableDirectory(path: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    stat(path, (error, stats) => {
      if (error) {
        if (error.code === 'ENOENT') resolve(false);
        else reject(new Error(`${path}: ${error.code ?? error.message}`));
        return;
      }
      if (!stats.isDirectory()) reject(new Error(`${path} is not a folder`));
      else resolve(true);
    });
  });
}
