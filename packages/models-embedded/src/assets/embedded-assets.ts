import type { EmbeddedModelTask } from '../index.js';

/** One file of an embedded model as a browser fetches it. */
export interface EmbeddedAssetFile {
  /** Where the file is served: resolved by the bundler (Vite, webpack 5) or, unbundled, next to this package. */
  readonly url: URL;
  /** Size in bytes. */
  readonly size: number;
  /** Lower-case hex sha256 of the file. */
  readonly sha256: string;
}

/** The browser files of one embedded model, by file name in its folder (`model_int8.onnx`, `config.json`…). */
export interface EmbeddedModelAssets {
  readonly task: EmbeddedModelTask;
  readonly files: Readonly<Record<string, EmbeddedAssetFile>>;
}

/**
 * The browser files of an embedded model (its int8 graph, `config.json`, `tokenizer.json`, `tokenizer_config.json`)
 * with their asset URLs, sizes and sha256. Each task's files are in their own module, imported here on demand, in
 * which every file is a literal `new URL('../../models/<task>/<file>', import.meta.url)`: Vite (dev and build),
 * webpack 5 and Rollup copy the files into the build and rewrite the URLs; served unbundled, the URLs point into
 * this package's `models/` folder. No model source has to be written by the application.
 *
 * @param task - the model's task
 */
export async function loadEmbeddedModelAssets(task: EmbeddedModelTask): Promise<EmbeddedModelAssets> {
  switch (task) {
    case 'prompt-injection':
      return (await import('./prompt-injection.js')).assets;
    case 'toxicity':
      return (await import('./toxicity.js')).assets;
    case 'sentiment':
      return (await import('./sentiment.js')).assets;
    case 'emotion':
      return (await import('./emotion.js')).assets;
    default:
      throw new TypeError(`No embedded model for task ${JSON.stringify(task)}.`);
  }
}
