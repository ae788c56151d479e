import { InvalidConfigError, LlmShieldError, type ScannerDefinitionV1 } from '@llm-shield/core';

/** `match_type` → `matchType`; a name without underscores is kept as written. */
export function snakeToCamel(name: string): string {
  return name.replace(/_+([a-zA-Z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** A scanner's options converted from a configuration file, with where each option came from. */
export interface ConvertedParams {
  /** camelCase options for the scanner's factory. */
  options: Record<string, unknown>;
  /** camelCase option (or dotted option path) → the key written in the file. */
  origins: Map<string, string>;
  /** Notes for parameters accepted and ignored (llm-guard's `use_onnx`…). */
  notes: string[];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown, where: string): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === undefined) node[key] = {};
    else if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      throw new InvalidConfigError(`${where}: ${key} is set both as a value and as an object.`, { details: { field: key } });
    }
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/**
 * Converts a configuration file's parameters (llm-guard's snake_case names) into a scanner's camelCase options:
 * the definition's `aliases` first (with their value mapping; dotted targets like `longInput.mode` build nested
 * options), then `ignored` parameters (dropped with a note), then the plain snake_case → camelCase conversion.
 * camelCase keys pass through, so a file may use either spelling; naming one option twice is refused.
 *
 * @param definition - the scanner's definition
 * @param params - the file's parameters
 * @param where - the key path for messages, e.g. `input_scanners[2].params`
 */
export function convertParams(definition: ScannerDefinitionV1, params: Readonly<Record<string, unknown>>, where: string): ConvertedParams {
  const options: Record<string, unknown> = {};
  const origins = new Map<string, string>();
  const notes: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    const alias = definition.aliases?.[key];
    const ignored = definition.ignored?.[key];
    if (ignored !== undefined && alias === undefined) {
      notes.push(`${where}.${key}: ${ignored}`);
      continue;
    }
    const target = alias?.option ?? snakeToCamel(key);
    if (origins.has(target)) {
      throw new InvalidConfigError(`${where}.${key}: the option ${target} is already set by ${origins.get(target)}.`, {
        details: { path: `${where}.${key}`, option: target },
      });
    }
    let converted = value;
    if (alias?.value) {
      try {
        converted = alias.value(value);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new InvalidConfigError(`${where}.${key}: ${message}`, { cause: error, details: { path: `${where}.${key}`, value } });
      }
    }
    setPath(options, target, converted, `${where}.${key}`);
    origins.set(target, key);
  }
  return { options, origins, notes };
}

/**
 * Rewrites a scanner's `InvalidConfigError` so that it names the key path in the configuration file
 * (`input_scanners[2].params.threshhold`), from the error's `details.option` (unknown key) or `details.field`
 * (bad value). Other errors pass through.
 *
 * @param error - what the scanner's factory raised
 * @param where - the entry's params path, e.g. `input_scanners[2].params`
 * @param origins - camelCase option → key in the file, from {@link convertParams}
 */
export function locateConfigError(error: unknown, where: string, origins: ReadonlyMap<string, string>): unknown {
  if (!LlmShieldError.isInstance(error) || error.code !== 'LLMS_INVALID_CONFIG') return error;
  const details = (error.details ?? {}) as Record<string, unknown>;
  if (typeof details['path'] === 'string') return error;
  const named = typeof details['option'] === 'string' ? details['option'] : typeof details['field'] === 'string' ? details['field'] : undefined;
  let key: string | undefined;
  if (named !== undefined) {
    key = origins.get(named);
    for (let cut = named.lastIndexOf('.'); key === undefined && cut > 0; cut = named.lastIndexOf('.', cut - 1)) {
      const parent = origins.get(named.slice(0, cut));
      if (parent !== undefined) key = `${parent}${named.slice(cut)}`;
    }
    key ??= named;
  }
  const path = key === undefined ? where : `${where}.${key}`;
  return new InvalidConfigError(`${path}: ${error.message}`, { cause: error, details: { ...details, path } });
}
