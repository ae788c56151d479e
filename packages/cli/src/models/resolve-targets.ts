import type { ModelRegistry, ModelRegistryEntry } from '@llm-shield/model-hub';

/**
 * The registry entries a subcommand works on: the named one (registry id or repo id; an unknown name raises
 * `InvalidConfigError` listing the known ids), else every entry.
 */
export function resolveTargets(registry: ModelRegistry, model: string | undefined): ModelRegistryEntry[] {
  return model === undefined ? [...registry.list()] : [registry.get(model)];
}

/** `entries` without those whose repo (the cache folder) an earlier one already names. */
export function distinctRepos(entries: readonly ModelRegistryEntry[]): ModelRegistryEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = entry.repoId.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
