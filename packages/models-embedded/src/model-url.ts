/**
 * The URL of a file of this package's `models/` folder, e.g. `embeddedModelUrl('toxicity/model.onnx')`: a `file:`
 * URL in Node (turn it into a path with `fileURLToPath`). Resolved against this module, so it works from the sources
 * and from the built `dist/`. Bundlers cannot follow a URL built from a variable (Vite turns it into
 * `/assets/undefined`), so browsers use `loadEmbeddedModelAssets` from `@llm-shield/models-embedded/assets`, whose
 * literal asset URLs Vite, webpack 5 and plain ESM all resolve.
 *
 * @param file - a path relative to `models/`, as in {@link EmbeddedModelFiles}
 */
export function embeddedModelUrl(file: string): URL {
  return new URL(`../models/${file}`, import.meta.url);
}
