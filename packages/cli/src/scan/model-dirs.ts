import { resolveScannerName } from './scanner-name.js';
import { UsageError } from '../usage-error.js';

/**
 * Parses `--model-dir` values into a folder per scanner: `Name=DIR` gives one scanner a model folder; a bare
 * `DIR` is allowed when exactly one scanner is selected. Raises {@link UsageError} otherwise.
 *
 * @param specs - the `--model-dir` values in order (later ones win)
 * @param scanners - the selected canonical scanner names
 */
export function parseModelDirs(specs: readonly string[], scanners: readonly string[]): Map<string, string> {
  const dirs = new Map<string, string>();
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const named = eq > 0 && /^[A-Za-z-]+$/.test(spec.slice(0, eq));
    if (!named) {
      if (scanners.length !== 1) {
        throw new UsageError(`--model-dir ${spec}: with ${scanners.length} scanners selected, say which one gets it (--model-dir Toxicity=DIR).`);
      }
      dirs.set(scanners[0]!, spec);
      continue;
    }
    const dir = spec.slice(eq + 1);
    if (dir === '') throw new UsageError(`--model-dir ${spec}: the folder is missing.`);
    dirs.set(resolveScannerName(spec.slice(0, eq), scanners), dir);
  }
  return dirs;
}
