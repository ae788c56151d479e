import { InvalidConfigError } from '@llm-shield/core';

/** `${NAME}` or `${NAME:default}`, as llm-guard-api writes them; linear (no nested quantifiers). */
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}\r\n]*))?\}/g;

/**
 * Replaces llm-guard-api's `${NAME:default}` references in a configuration text with the environment's values, as
 * llm-guard-api does before it parses the YAML (so `${SCAN_PROMPT_TIMEOUT:30}` becomes a number). A reference
 * whose variable is unset and that has no default raises `InvalidConfigError` naming it; `${NAME:}` gives an
 * empty value.
 *
 * @param text - the configuration file's text
 * @param env - the environment (e.g. `process.env`)
 */
export function substituteEnv(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(REFERENCE, (whole, name: string, fallback: string | undefined) => {
    const value = env[name];
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback;
    throw new InvalidConfigError(`The configuration refers to \${${name}}, which is not set and has no default (write \${${name}:default}).`, {
      details: { field: whole, env: name },
    });
  });
}
