/** Largest configuration text accepted: 1 MiB. */
export const MAX_CONFIG_LENGTH = 1 << 20;

/** `input_scanners[2].params.threshold` from a validation issue's key path. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}
