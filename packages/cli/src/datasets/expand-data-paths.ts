import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InvalidDatasetError } from '@llm-shield/core';

/**
 * Expands `*` and `?` wildcards in the last path segment (`data_pools/test.*.csv`), for shells that do not
 * expand them (or quoted arguments). Paths without wildcards are returned as given; a pattern that matches
 * nothing raises {@link InvalidDatasetError}. Matches are sorted by name.
 *
 * @param paths - the `--data` values, in order
 */
export async function expandDataPaths(paths: readonly string[]): Promise<string[]> {
  const expanded: string[] = [];
  for (const path of paths) {
    const name = basename(path);
    if (!/[*?]/.test(name)) {
      expanded.push(path);
      continue;
    }
    const dir = dirname(path);
    const regex = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
    let entries: string[];
    try {
      entries = await readdir(dir);
    } catch (error) {
      throw new InvalidDatasetError(`Cannot list ${dir} for ${path}.`, { cause: error, details: { source: path } });
    }
    const matches = entries.filter((entry) => regex.test(entry)).sort();
    if (matches.length === 0) throw new InvalidDatasetError(`No file matches ${path}.`, { details: { source: path } });
    expanded.push(...matches.map((entry) => join(dir, entry)));
  }
  return expanded;
}
