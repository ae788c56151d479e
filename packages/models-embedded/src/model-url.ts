/**
 * The URL of a file of this package's `models/` folder, e.g. `embeddedModelUrl('toxicity/model.onnx')`: a `file:`
 * URL in Node (turn it into a path with `fileURLToPath`), a URL that bundlers (Vite, webpack) resolve and serve in
 * browsers. Resolved against this module, so it works from the sources and from the built `dist/`.
 *
 * @param file - a path relative to `models/`, as in {@link EmbeddedModelFiles}
 */
export function embeddedModelUrl(file: string): URL {
  return new URL(`../models/${file}`, import.meta.url);
}
