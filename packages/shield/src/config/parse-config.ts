import { InvalidConfigError } from '@llm-shield/core';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { formatKeyPath, MAX_CONFIG_LENGTH } from './config-limits.js';
import { shieldConfigSchema, type ShieldConfig } from './config-schema.js';
import { substituteEnv } from './env-substitution.js';

/** Options of {@link parseShieldConfigText}. */
export interface ParseConfigOptions {
  /** `yaml` (default; JSON is valid YAML too) or `json` (strict JSON). */
  format?: 'yaml' | 'json';
  /** Environment for `${NAME:default}` references (default: none, so only defaults apply). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Name of the file, for messages (default `config`). */
  source?: string;
}


function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
  return issue.message;
}

/**
 * Validates a configuration object (already parsed from YAML or JSON, or written in code) against the
 * llm-guard-api shape. Raises `InvalidConfigError` whose message and `details.path` name the first bad key,
 * e.g. `input_scanners[2].type`.
 *
 * @param value - the parsed configuration
 * @param source - name for messages (default `config`)
 */
export function validateShieldConfig(value: unknown, source = 'config'): ShieldConfig {
  const parsed = shieldConfigSchema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = formatKeyPath(issue.path);
  throw new InvalidConfigError(`${source}: ${path}: ${describeIssue(issue)}.`, {
    details: { path, issues: parsed.error.issues.map((item) => ({ path: formatKeyPath(item.path), message: describeIssue(item) })) },
  });
}

/**
 * Parses and validates a configuration text in llm-guard-api's `scanners.yml` shape (YAML or JSON), after
 * substituting `${NAME:default}` references from `env` as llm-guard-api does. Raises `InvalidConfigError` for
 * unparsable text, a text over {@link MAX_CONFIG_LENGTH}, or a bad key (named by its path).
 *
 * @param text - the file's content
 * @param options - format, environment and source name
 */
export function parseShieldConfigText(text: string, options: ParseConfigOptions = {}): ShieldConfig {
  const source = options.source ?? 'config';
  if (typeof text !== 'string') throw new InvalidConfigError(`${source}: the configuration must be text.`);
  if (text.length > MAX_CONFIG_LENGTH) throw new InvalidConfigError(`${source}: the configuration is larger than ${MAX_CONFIG_LENGTH} characters.`);
  const substituted = substituteEnv(text, options.env ?? {});
  let value: unknown;
  try {
    value = options.format === 'json' ? JSON.parse(substituted) : parseYaml(substituted, { maxAliasCount: 100, uniqueKeys: true });
  } catch (error) {
    throw new InvalidConfigError(`${source}: not valid ${options.format === 'json' ? 'JSON' : 'YAML'}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return validateShieldConfig(value, source);
}
