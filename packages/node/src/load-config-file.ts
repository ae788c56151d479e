import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { InvalidConfigError } from '@llm-shield/core';
import { loadShieldConfigModule, MAX_CONFIG_LENGTH, type ShieldConfig } from '@llm-shield/shield';

/**
 * Reads a configuration file in llm-guard-api's `scanners.yml` shape (YAML, or JSON for `.json` files),
 * substituting `${NAME:default}` from `env`. Raises `InvalidConfigError` for an unreadable, oversized or invalid
 * file (naming the bad key's path). Async since the parser (`@llm-shield/shield/config`: yaml, zod) loads on first use,
 * so a process that never reads a configuration never loads it.
 *
 * @param path - the file
 * @param env - environment for substitution (default `process.env`)
 */
export async function loadShieldConfigFile(path: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ShieldConfig> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InvalidConfigError(`Cannot read the configuration file ${path} (${code}).`, { cause: error, details: { path } });
  }
  if (text.length > MAX_CONFIG_LENGTH) throw new InvalidConfigError(`The configuration file ${path} is larger than ${MAX_CONFIG_LENGTH} characters.`);
  const { parseShieldConfigText } = await loadShieldConfigModule();
  return parseShieldConfigText(text, { format: extname(path).toLowerCase() === '.json' ? 'json' : 'yaml', env, source: path });
}
