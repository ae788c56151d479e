import type { ModelSourceV1 } from '@llm-shield/core';
import { createUrlModelSource, type BrowserModelStore, type UrlModelFileSpec } from '@llm-shield/model-hub/browser';
import type { EmbeddedModelTask } from '@llm-shield/models-embedded';
import { loadEmbeddedModelAssets } from '@llm-shield/models-embedded/assets';

/** Options of {@link createEmbeddedModelSource}. */
export interface EmbeddedModelSourceOptions {
  /** The fetch to use (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /** Where the verified files are kept so a reload does not fetch them again (default: none). */
  store?: BrowserModelStore;
  /** `modelId` reported in the files (default `llm-shield/<task>`). */
  modelId?: string;
  /** Receives what the source skipped (a store that refused a file); default `console.warn`. */
  onWarning?: (message: string) => void;
}

/**
 * The embedded model of `task` for browsers, with no source for the application to write: its files are the static
 * assets that the bundler (Vite, webpack 5) emitted from `@llm-shield/models-embedded`'s literal asset URLs, or,
 * unbundled, that package's `models/` folder next to its modules. Each file is fetched once, checked against the
 * size and sha256 recorded when the package was built, and kept in `store` (then read from it, with no request).
 * Only the int8 graphs are served (`variant` other than `int8` is refused by `resolve` with `InvalidModelError`).
 *
 * @param task - `prompt-injection`, `toxicity` or `sentiment`
 * @param options - fetch, store, reported id
 */
export function createEmbeddedModelSource(task: EmbeddedModelTask, options: EmbeddedModelSourceOptions = {}): ModelSourceV1 {
  let source: Promise<ModelSourceV1> | undefined;
  const load = async () => {
    const assets = await loadEmbeddedModelAssets(task);
    const files: Record<string, UrlModelFileSpec> = {};
    for (const [name, file] of Object.entries(assets.files)) files[name] = { url: file.url, size: file.size, sha256: file.sha256 };
    return createUrlModelSource(undefined, {
      files,
      modelId: options.modelId ?? `llm-shield/${task}`,
      revision: 'embedded',
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.store ? { store: options.store } : {}),
      ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    });
  };
  return {
    specificationVersion: 'v1',
    async resolve(modelId, resolveOptions) {
      return (await (source ??= load())).resolve(modelId, resolveOptions);
    },
  };
}
