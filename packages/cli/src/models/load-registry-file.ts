import { readFile } from 'node:fs/promises';
import { InvalidConfigError } from '@llm-shield/core';
import { assertModelEntry, defineModelEntry, type ModelEntryInput, type ModelRegistryEntry } from '@llm-shield/model-hub';

/**
 * Reads a JSON file of extra registry entries: an array, or `{ "models": [...] }`. Each item is either a full
 * registry entry (`"registryVersion": 1`, validated as is) or the short form {@link ModelEntryInput}
 * (`{ "repoId": "org/name", "revision": "<commit>", "onnx": { "fp32": "onnx/model.onnx" } }`, defaults filled in
 * by `defineModelEntry`). Raises {@link InvalidConfigError} naming the file when it cannot be read or an entry is invalid.
 *
 * @param path - the file
 */
export async function loadRegistryFile(path: string): Promise<ModelRegistryEntry[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (cause) {
    throw new InvalidConfigError(`Cannot read the model registry file ${path}: ${(cause as Error).message}`, { cause, details: { path } });
  }
  const items = Array.isArray(parsed) ? parsed : (parsed as { models?: unknown } | null)?.models;
  if (!Array.isArray(items)) {
    throw new InvalidConfigError(`The model registry file ${path} must hold an array of entries or { "models": [...] }.`, { details: { path } });
  }
  return items.map((item: unknown, index) => {
    try {
      if (typeof item !== 'object' || item === null) throw new InvalidConfigError('an entry must be an object.');
      if ((item as { registryVersion?: unknown }).registryVersion !== undefined) return assertModelEntry(item as ModelRegistryEntry);
      return defineModelEntry(item as ModelEntryInput);
    } catch (cause) {
      throw new InvalidConfigError(`Entry ${index} of the model registry file ${path}: ${(cause as Error).message}`, {
        cause,
        details: { path, index },
      });
    }
  });
}
